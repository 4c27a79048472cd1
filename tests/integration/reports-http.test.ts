/**
 * Reports through the built server, as staff use them: the builder, the preview, the PDF and the
 * CSVs over HTTP, with the audit log, the cache, permissions and bad filters. The PDF is checked
 * with Debian's qpdf and pdftotext against figures computed here with plain SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "~db/client";

import { formatShare } from "~/modules/reports/report-text";

import type { BrowserClient } from "../support/browser-client";
import { errorSummaryOf, titleOf } from "../support/browser-client";
import { csvRecords } from "../support/csv";
import { count, rows } from "../support/database";
import { expectNothingOverflows } from "../support/pdf-layout";
import { normaliseSpace, pdfInfo, pdfLayoutText, pdfPages, qpdfCheck, savePdf } from "../support/pdf-tools";
import { PLANTED_DETAILS, containsDetail, insertReportTestData, type ReportTestData } from "../support/report-data";
import { startServer, type RunningServer } from "../support/server";
import { TEST_SESSION_SECRET, signedInClient } from "../support/staff";

let server: RunningServer;
let planner: BrowserClient;
let lead: BrowserClient;
let data: ReportTestData;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET } });
  const db = openDatabase({ filename: server.databasePath });
  try {
    data = await insertReportTestData(db, { responses: 1_500, seed: 41 });
  } finally {
    await db.destroy();
  }
  planner = (await signedInClient(server, "planner")).client;
  lead = (await signedInClient(server, "lead")).client;
});
afterAll(async () => {
  await server.stop();
});

async function download(client: BrowserClient, path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(new URL(path, server.url), { headers: { cookie: client.cookieHeader() }, redirect: "manual" });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function auditEntries(action: string): { actor_email: string; target_id: string; details: Record<string, unknown> }[] {
  return rows<{ actor_email: string; target_id: string; details: string }>(server.databasePath, "select actor_email, target_id, details from audit_log where action = ? order by id", action).map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}

const IN_SCOPE = "s.campaign_id = (select id from campaigns where code = 'ICCT') and s.status <> 'excluded'";

describe("the report pages", () => {
  it("offer a builder with every filter, defaulting to every status but excluded", async () => {
    const page = await planner.get("/staff/reports");
    expect(page.status).toBe(200);
    expect(titleOf(page.html)).toBe("Build a report – Improving Cancer Care Together – NHS");
    expect(page.html).toContain('action="/staff/reports/preview"');
    for (const name of ["campaign", "from", "to", "place", "respondentType", "theme", "status"]) expect(page.html).toContain(`name="${name}"`);
    expect(page.html).toContain('checked="" value="themed"');
    expect(page.html).toContain('type="checkbox" value="excluded"');
  });

  it("preview the themed summary, with the planted quote redacted, and record the preview", async () => {
    const page = await planner.get("/staff/reports/preview?place=wirral&place=liverpool");
    expect(page.status).toBe(200);
    expect(titleOf(page.html)).toBe("Themed summary of priorities for cancer care – Improving Cancer Care Together – NHS");
    expect(page.html).toContain("Places: Liverpool and Wirral");
    expect(page.html).toContain("waited 9 weeks for his scan");
    for (const detail of PLANTED_DETAILS) expect(containsDetail(page.html, detail), detail).toBe(false);
    expect(page.html).toContain("Equality information is not included in this report.");
    expect(page.html).toContain('href="/staff/reports/pdf?campaign=ICCT&amp;place=liverpool&amp;place=wirral"');
    const entry = auditEntries("report.previewed").at(-1)!;
    expect(entry).toMatchObject({ target_id: "ICCT", details: { filters: "campaign=ICCT&place=liverpool&place=wirral", equality: false } });
    expect(entry.actor_email).toMatch(/^planner-/);
  });

  it("show equality monitoring to a lead, who has read:equality", async () => {
    const page = await lead.get("/staff/reports/preview");
    expect(page.status).toBe(200);
    expect(page.html).toContain("What is your age?");
    expect(page.html).not.toContain("Equality information is not included in this report.");
  });

  it("say so when nothing matches, rather than failing", async () => {
    const page = await planner.get("/staff/reports/preview?from=2030-01-01");
    expect(page.status).toBe(200);
    expect(page.html).toContain("No responses matched these filters.");
    const pdf = await download(planner, "/staff/reports/pdf?from=2030-01-01");
    expect(pdf.status).toBe(200);
    expect(normaliseSpace(pdfPages(savePdf(pdf.body)).join(" "))).toContain("No responses matched these filters.");
  });

  it("explain bad or contradictory filters on the builder, from the preview and from every download, never with a 500", async () => {
    const query = "from=2026-10-01&to=2026-09-01&place=atlantis&theme=astrology";
    for (const path of [`/staff/reports/preview?${query}`, `/staff/reports/pdf?${query}`, `/staff/reports/csv/priorities?${query}`]) {
      const first = await download(planner, path);
      expect(first.status, path).toBe(302);
      expect(first.headers.get("location"), path).toBe(`/staff/reports?${query}`);
    }
    const page = await planner.get(`/staff/reports?${query}`);
    expect(page.status).toBe(400);
    expect(titleOf(page.html)).toBe("Error: Build a report – Improving Cancer Care Together – NHS");
    expect(errorSummaryOf(page.html)).toEqual([
      "to: The end date must be the same as or after the start date",
      "place: Choose places from the list",
      "theme: Choose themes from the list",
    ]);
    expect(page.html).toContain('value="2026-10-01"');
    expect((await download(planner, "/staff/reports/csv/everything")).status).toBe(404);
  });

  it("tell the planner when a PDF took too long", async () => {
    const page = await planner.get("/staff/reports/preview?problem=pdf-timeout");
    expect(page.status).toBe(200);
    expect(page.html).toContain("The PDF took too long to create and was stopped.");
  });
});

describe("the PDF", () => {
  let body: Buffer;
  let text: string;
  let layout: string;

  beforeAll(async () => {
    const response = await download(planner, "/staff/reports/pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="icct-themed-summary-\d{4}-\d{2}-\d{2}\.pdf"$/);
    body = response.body;
    const saved = savePdf(body);
    text = normaliseSpace(pdfPages(saved).join(" "));
    layout = pdfLayoutText(saved);
    expect(qpdfCheck(saved).status).toBe(0);
    expect(pdfInfo(saved).Title).toBe("Themed summary of priorities for cancer care");
    expectNothingOverflows(saved);
  });

  it("has the right headline figures, theme names and counts, as real text", () => {
    const responses = count(server.databasePath, `select count(*) n from submissions s where ${IN_SCOPE}`);
    const priorities = count(server.databasePath, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE}`);
    expect(text).toContain(`Responses ${responses.toLocaleString("en-GB")} Priorities ${priorities.toLocaleString("en-GB")}`);
    const themed = count(server.databasePath, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE} and exists (select 1 from priority_themes pt where pt.priority_id = p.id)`);
    const themes = rows<{ name: string; n: number; score: number }>(
      server.databasePath,
      `select t.name, count(*) n, sum(4 - p.rank) score from priorities p join submissions s on s.id = p.submission_id join priority_themes pt on pt.priority_id = p.id join themes t on t.id = pt.theme_id where ${IN_SCOPE} group by t.name`,
    );
    expect(themes.length).toBeGreaterThanOrEqual(15);
    for (const theme of themes.filter((candidate) => candidate.n >= 5)) {
      const row = [theme.name, theme.n.toLocaleString("en-GB"), formatShare(theme.n / themed)].map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      expect(layout, theme.name).toMatch(new RegExp(`^\\s*${row.join("\\s+")}\\s+\\d+\\s+${theme.score.toLocaleString("en-GB")}\\s+\\d+\\s*$`, "m"));
    }
  });

  it("never contains a personal detail planted in a quotable priority", () => {
    expect(text).toContain("waited 9 weeks for his scan");
    for (const detail of PLANTED_DETAILS) expect(containsDetail(text, detail), detail).toBe(false);
    for (const planted of data.plantedQuotable) for (const value of planted.values) expect(containsDetail(text, value), value).toBe(false);
  });

  it("is served from the cache for the same request on the same data, and rendered again when the data changes", async () => {
    const again = await download(planner, "/staff/reports/pdf");
    expect(again.body.equals(body)).toBe(true);
    const db = openDatabase({ filename: server.databasePath });
    try {
      await db.updateTable("priorities").set({ suitable_to_quote: 0 }).where("what_text", "like", "My husband John Smith%").execute();
    } finally {
      await db.destroy();
    }
    const afterChange = await download(planner, "/staff/reports/pdf");
    expect(afterChange.status).toBe(200);
    const pdfs = auditEntries("report.downloaded").slice(-3);
    expect(pdfs.map((entry) => entry.details.cached)).toEqual([false, true, false]);
    expect(normaliseSpace(pdfPages(savePdf(afterChange.body)).join(" "))).not.toContain("waited 9 weeks for his scan");
  });
});

describe("the CSV downloads", () => {
  it("stream UTF-8 with a byte order mark, without equality columns for a planner, and are audited", async () => {
    const response = await download(planner, "/staff/reports/csv/priorities?theme=screening");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="icct-priorities-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(response.body.toString("utf8").slice(1));
    expect(Object.keys(records[0]!)).not.toContain("age_band");
    expect(records.every((record) => record.themes!.includes("Screening"))).toBe(true);
    expect(auditEntries("export.downloaded").at(-1)).toMatchObject({ target_id: "ICCT", details: { export: "priorities", equality: false, filters: "campaign=ICCT&theme=screening" } });
  });

  it("include equality columns for a lead", async () => {
    const response = await download(lead, "/staff/reports/csv/responses");
    expect(response.status).toBe(200);
    const records = csvRecords(response.body.toString("utf8").slice(1));
    expect(Object.keys(records[0]!)).toContain("age_band");
    expect(records).toHaveLength(count(server.databasePath, `select count(*) n from submissions s where ${IN_SCOPE}`));
    expect(auditEntries("export.downloaded").at(-1)).toMatchObject({ details: { export: "responses", equality: true } });
  });

  it("give quotes without a single planted personal detail", async () => {
    const response = await download(planner, "/staff/reports/csv/quotes");
    expect(response.status).toBe(200);
    const csv = response.body.toString("utf8");
    expect(csvRecords(csv.slice(1)).length).toBe(
      count(server.databasePath, `select count(*) n from priorities p join submissions s on s.id = p.submission_id where ${IN_SCOPE} and p.suitable_to_quote = 1`),
    );
    for (const detail of PLANTED_DETAILS) expect(containsDetail(csv, detail), detail).toBe(false);
    for (const planted of data.plantedQuotable) for (const value of planted.values) expect(containsDetail(csv, value), value).toBe(false);
  });
});
