import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { reportExportColumns, reportExportKinds } from "~/modules/reports/report-csv.server";

const docs = readFileSync(new URL("../../docs/reports.md", import.meta.url), "utf8");

/** The first cell of every table row: the documented column names. */
const documented = new Set([...docs.matchAll(/^\| ((?:`[a-z0-9_]+`(?:, )?)+) \|/gm)].flatMap((match) => [...match[1]!.matchAll(/`([a-z0-9_]+)`/g)].map((name) => name[1]!)));

describe("docs/reports.md", () => {
  it.each(reportExportKinds)("documents every column of the %s export", (kind) => {
    const columns = reportExportColumns(kind, true);
    expect(columns.filter((column) => !documented.has(column))).toEqual([]);
  });
});
