/**
 * The CSV exports as a planner's spreadsheet reads them, from a real SQLite file of demo data:
 * rows and columns, formula injection, equality columns, redaction (stored or done on the way
 * out), and a stream that only produces rows as fast as they are read.
 */
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DB } from "~db/client";

import { CSV_BOM } from "~/modules/reports/csv";
import { REDACTION_RULES_VERSION, redactPersonalDetails } from "~/modules/reports/redaction";
import { storePendingRedactions } from "~/modules/reports/redaction-store.server";
import { reportExportColumns, reportExportStream, type ReportExportKind } from "~/modules/reports/report-csv.server";
import { parseReportFilters } from "~/modules/reports/report-filters";
import { loadReportReferenceData, resolveReportScope, type ReportReferenceData } from "~/modules/reports/report-scope.server";

import { csvRecords, parseCsv } from "../support/csv";
import { count, rows } from "../support/database";
import { PLANTED_DETAILS, containsDetail, insertReportTestData, type ReportTestData } from "../support/report-data";
import { createTestDatabase } from "../support/test-database";

let db: DB;
let path: string;
let cleanup: () => Promise<void>;
let reference: ReportReferenceData;
let data: ReportTestData;

const FORMULA_WHAT = "=HYPERLINK(\"http://evil.example\",\"more nurses\")";
const FORMULA_WHY = "@SUM(A1:A9) because -2 is not enough";
const FORMULA_THEME = "+Formula theme";

beforeAll(async () => {
  ({ db, path, cleanup } = await createTestDatabase());
  data = await insertReportTestData(db, { responses: 1_200, seed: 21 });
  // A quotable priority written to trip a spreadsheet, in a theme whose name does too.
  const theme = await db
    .insertInto("themes")
    .values({ slug: "formula", name: FORMULA_THEME, description: "A theme an administrator named badly.", keywords: "[]", sort_order: 0, retired_at: null, merged_into_id: null, created_at: "2026-11-01T00:00:00.000Z" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const target = await db
    .selectFrom("priorities")
    .innerJoin("submissions", "submissions.id", "priorities.submission_id")
    .select("priorities.id")
    .where("submissions.status", "=", "themed")
    .where("priorities.what_text", "not like", "My husband John Smith%")
    .orderBy("priorities.id")
    .executeTakeFirstOrThrow();
  await db.updateTable("priorities").set({ what_text: FORMULA_WHAT, why_text: FORMULA_WHY, suitable_to_quote: 1 }).where("id", "=", target.id).execute();
  await db.insertInto("priority_themes").values({ priority_id: target.id, theme_id: theme.id, assigned_by_user_id: null, assigned_at: "2026-11-01T00:00:00.000Z" }).execute();
  reference = await loadReportReferenceData(db);
});
afterAll(async () => {
  await cleanup();
});

async function exportCsv(kind: ReportExportKind, query = "", withEquality = true): Promise<string> {
  const parsed = parseReportFilters(new URLSearchParams(query), reference);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  // As bytes: decoding with TextDecoder would drop the byte order mark this checks for.
  const bytes = await buffer(reportExportStream({ kind, db, databasePath: path, scope: resolveReportScope(parsed.filters, reference), reference, withEquality }));
  return bytes.toString("utf8");
}

function withoutBom(csv: string): string {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return csv.slice(CSV_BOM.length);
}

const IN_SCOPE = "s.campaign_id = (select id from campaigns where code = 'ICCT') and s.status <> 'excluded'";

describe("the CSV exports", () => {
  it("has a row for every priority in the report, with the documented columns, UTF-8 with a byte order mark", async () => {
    const csv = await exportCsv("priorities");
    const [header, ...body] = parseCsv(withoutBom(csv));
    expect(header).toEqual(reportExportColumns("priorities", true));
    expect(body).toHaveLength(count(path, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE}`));
    const records = csvRecords(withoutBom(csv));
    expect(records[0]!.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(records.map((record) => record.received_at)).toEqual([...records.map((record) => record.received_at)].sort());
    expect(new Set(records.map((record) => record.priority_rank))).toEqual(new Set(["1", "2", "3"]));
    expect(records.some((record) => record.themes!.includes("; "))).toBe(true);
    expect(records.some((record) => record.age_band !== "")).toBe(true);
  });

  it("has a row for every response, with its priorities side by side", async () => {
    const records = csvRecords(withoutBom(await exportCsv("responses")));
    expect(Object.keys(records[0]!)).toEqual(reportExportColumns("responses", true));
    expect(records).toHaveLength(count(path, `select count(*) n from submissions s where ${IN_SCOPE}`));
    const threePriorities = records.find((record) => record.priorities === "3")!;
    expect(threePriorities.priority_3).not.toBe("");
    const onePriority = records.find((record) => record.priorities === "1")!;
    expect([onePriority.priority_2, onePriority.priority_2_suitable_to_quote, onePriority.priority_3]).toEqual(["", "", ""]);
  });

  it("lists quotable priorities only, with nothing that leads back to the response", async () => {
    const records = csvRecords(withoutBom(await exportCsv("quotes")));
    expect(Object.keys(records[0]!)).toEqual(["themes", "priority_rank", "quote", "why_it_matters", "place", "month_received"]);
    expect(records).toHaveLength(count(path, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE} and p.suitable_to_quote = 1`));
    expect(records[0]!.month_received).toMatch(/^\d{4}-\d{2}$/);
  });

  it("keeps a theme filter: priorities tagged with the theme, and whole responses that have one", async () => {
    const themeId = reference.themes.find((theme) => theme.slug === "screening")!.id;
    const priorities = csvRecords(withoutBom(await exportCsv("priorities", "theme=screening")));
    expect(priorities).toHaveLength(count(path, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE} and exists (select 1 from priority_themes pt where pt.priority_id = p.id and pt.theme_id = ?)`, themeId));
    expect(priorities.every((record) => record.themes!.split("; ").includes("Screening"))).toBe(true);
    const responses = csvRecords(withoutBom(await exportCsv("responses", "theme=screening")));
    expect(responses).toHaveLength(count(path, `select count(*) n from submissions s where ${IN_SCOPE} and exists (select 1 from priorities p join priority_themes pt on pt.priority_id = p.id where p.submission_id = s.id and pt.theme_id = ?)`, themeId));
    expect(responses.some((record) => ![1, 2, 3].every((rank) => record[`priority_${rank}_themes`] === "" || record[`priority_${rank}_themes`]!.includes("Screening")))).toBe(true);
  });

  it("neutralises every cell a spreadsheet would run as a formula, in every export", async () => {
    for (const kind of ["priorities", "responses", "quotes"] as const) {
      const cells = parseCsv(withoutBom(await exportCsv(kind))).flat();
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)), kind).toEqual([]);
      expect(cells, kind).toContain(`'${FORMULA_WHAT}`);
      expect(cells, kind).toContain(`'${FORMULA_WHY}`);
      expect(cells.some((cell) => cell.startsWith(`'${FORMULA_THEME}`)), kind).toBe(true);
    }
  });

  it("has equality columns only for people with read:equality, and never in the quotes", async () => {
    const [withEquality] = parseCsv(withoutBom(await exportCsv("priorities", "", true)));
    const [without] = parseCsv(withoutBom(await exportCsv("priorities", "", false)));
    const equalityColumns = ["age_band", "sex", "gender_same_as_birth", "sexual_orientation", "ethnic_group", "religion", "disability", "unpaid_carer", "ethnic_background"];
    expect(withEquality).toEqual(expect.arrayContaining(equalityColumns));
    expect(without!.filter((column) => equalityColumns.includes(column))).toEqual([]);
    const [responsesWithout] = parseCsv(withoutBom(await exportCsv("responses", "", false)));
    expect(responsesWithout!.filter((column) => equalityColumns.includes(column))).toEqual([]);
    const [quotes] = parseCsv(withoutBom(await exportCsv("quotes", "", true)));
    expect(quotes!.filter((column) => equalityColumns.includes(column))).toEqual([]);
  });

  it("never lets a personal detail in a quotable priority out, in any export", async () => {
    expect(data.plantedQuotable.length).toBeGreaterThan(3);
    for (const kind of ["quotes", "priorities", "responses"] as const) {
      const csv = await exportCsv(kind);
      for (const detail of PLANTED_DETAILS) expect(containsDetail(csv, detail), `${kind}: ${detail}`).toBe(false);
      for (const planted of data.plantedQuotable) for (const value of planted.values) expect(containsDetail(csv, value), `${kind}: ${value}`).toBe(false);
    }
  });
});

describe("stored redactions", () => {
  it("give the same export as redacting on the way out, and are used only when made under the current rules", async () => {
    await db.updateTable("priority_redactions").set({ rules_version: 0, what_text: null, why_text: null }).execute();
    const redactedOnTheWayOut = await exportCsv("priorities");
    const pending = count(path, "select count(*) n from priority_redactions where rules_version = 0");
    expect(pending).toBe(count(path, "select count(*) n from priorities"));
    expect(await storePendingRedactions(db, { batchSize: 400 })).toBe(pending);
    expect(count(path, "select count(*) n from priority_redactions where rules_version = ?", REDACTION_RULES_VERSION)).toBe(pending);
    expect(await exportCsv("priorities")).toBe(redactedOnTheWayOut);

    // The export reads the stored text (here a stand-in) only while it matches the current rules.
    const planted = rows<{ id: number; what_text: string }>(path, "select id, what_text from priorities where what_text like 'My husband John Smith%'")[0]!;
    await db.updateTable("priority_redactions").set({ what_text: "Stored redaction" }).where("priority_id", "=", planted.id).execute();
    expect(await exportCsv("quotes")).toContain("Stored redaction");
    await db.updateTable("priority_redactions").set({ rules_version: REDACTION_RULES_VERSION + 1 }).where("priority_id", "=", planted.id).execute();
    const quotes = await exportCsv("quotes");
    expect(quotes).not.toContain("Stored redaction");
    expect(quotes).toContain(redactPersonalDetails(planted.what_text).text);
    // Redaction made under other rules is made again.
    expect(await storePendingRedactions(db)).toBe(1);
  });

  it("are made for new priorities and made again when a priority's text changes", async () => {
    await storePendingRedactions(db);
    const priority = rows<{ id: number }>(path, "select id from priorities order by id desc limit 1")[0]!;
    await db.updateTable("priorities").set({ what_text: "Ring my daughter Sarah on 07700 900456 about it" }).where("id", "=", priority.id).execute();
    expect(rows(path, "select rules_version, what_text from priority_redactions where priority_id = ?", priority.id)).toEqual([{ rules_version: 0, what_text: null }]);
    expect(await storePendingRedactions(db)).toBe(1);
    expect(rows(path, "select what_text from priority_redactions where priority_id = ?", priority.id)).toEqual([{ what_text: "Ring my daughter [removed] on [removed] about it" }]);
  });
});

describe("streaming", () => {
  it("produces rows only as they are read, and stops when the reader goes away", async () => {
    const parsed = parseReportFilters(new URLSearchParams(""), reference);
    if (!parsed.ok) throw new Error("filters");
    const stream = reportExportStream({ kind: "priorities", db, databasePath: path, scope: resolveReportScope(parsed.filters, reference), reference, withEquality: true });
    const total = (await exportCsv("priorities")).length;
    const first: string = await new Promise((resolve) => stream.once("data", (chunk: Buffer) => resolve(chunk.toString())));
    stream.pause();
    // Give it every chance to run ahead: each batch waits for one turn of the event loop.
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    // Paused after one chunk: it fills its buffer (a batch past the high-water mark at most), no more.
    expect(stream.readableLength).toBeGreaterThan(0);
    expect(stream.readableLength).toBeLessThan(stream.readableHighWaterMark * 2);
    expect(first.length + stream.readableLength).toBeLessThan(total / 2);
    stream.destroy();
    await new Promise((resolve) => stream.once("close", resolve));
    expect(stream.destroyed).toBe(true);
  });
});
