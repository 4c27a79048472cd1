/**
 * Reports as the routes get them: from the cache while the data is unchanged, built again as soon
 * as anything a report reads changes, and a PDF that runs out of time reported as such. Uses a
 * real SQLite file of demo data, the real read-only connection, and the built PDF worker (run
 * `npm run build` first); the stand-in worker that never answers makes the timeout certain.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type DB } from "~db/client";

import { createLogger } from "~/modules/observability/logger";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import { ReportCache } from "~/modules/reports/report-cache.server";
import { parseReportFilters, type ReportFilters } from "~/modules/reports/report-filters";
import { loadReportReferenceData } from "~/modules/reports/report-scope.server";
import { getReportModel, getReportPdf, type ReportServices } from "~/modules/reports/reports.server";

import { insertReportTestData } from "../support/report-data";
import { createTestDatabase } from "../support/test-database";

let db: DB;
let reportDb: DB;
let cleanup: () => Promise<void>;
let filters: ReportFilters;
const logs: string[] = [];
const renderers: ReportRenderer[] = [];
let clock = new Date("2026-11-23T09:00:00.000Z");

/** A renderer that logs into `logs` and is closed after the tests. */
function loggedRenderer(workerUrl: URL, timeoutMs: number): ReportRenderer {
  const renderer = new ReportRenderer({ workerUrl, concurrency: 1, timeoutMs, logger: createLogger("info", (line) => logs.push(line)) });
  renderers.push(renderer);
  return renderer;
}

function services(overrides: Partial<ReportServices> = {}): ReportServices {
  const renderer = loggedRenderer(new URL("../../build/server/report-pdf-worker.js", import.meta.url), 60_000);
  return { reportDb, reportCache: new ReportCache(64 * 1024 * 1024), reportRenderer: renderer, now: () => clock, ...overrides };
}

const planner = { name: "Pat Planner", canSeeEquality: false };
const lead = { name: "Lee Lead", canSeeEquality: true };

beforeAll(async () => {
  let path: string;
  ({ db, path, cleanup } = await createTestDatabase());
  await insertReportTestData(db, { responses: 600, seed: 31 });
  reportDb = openDatabase({ filename: path, readonly: true });
  const parsed = parseReportFilters(new URLSearchParams("place=liverpool&place=wirral"), await loadReportReferenceData(reportDb));
  if (!parsed.ok) throw new Error("filters");
  filters = parsed.filters;
});
afterAll(async () => {
  await Promise.all(renderers.map((renderer) => renderer.close()));
  await reportDb.destroy();
  await cleanup();
});

describe("the report cache", () => {
  it("serves identical requests on unchanged data from the cache, named and dated for whoever asks", async () => {
    const context = services();
    const first = await getReportModel(context, { filters, viewer: planner });
    expect(first.cached).toBe(false);
    clock = new Date("2026-11-23T10:00:00.000Z");
    const again = await getReportModel(context, { filters, viewer: { ...planner, name: "Sam Planner" } });
    expect(again.cached).toBe(true);
    expect(again.model).toEqual({ ...first.model, generatedBy: "Sam Planner", generatedAt: "2026-11-23T10:00:00.000Z" });
    // Someone who may see equality data gets a different report, not the planner's.
    const forLead = await getReportModel(context, { filters, viewer: lead });
    expect(forLead.cached).toBe(false);
    expect(forLead.model.reach.equality).not.toBeNull();
  });

  it.each([
    ["a new response", async () => {
      const from = await db.selectFrom("submissions").selectAll().where("place_id", "is not", null).executeTakeFirstOrThrow();
      const { id: _id, ...copy } = from;
      await db.insertInto("submissions").values({ ...copy, reference: "ICCT-TEST-NEW1", idempotency_key: null, text_fingerprint: null, duplicate_of_id: null }).execute();
    }],
    ["a status change", async () => {
      await db.updateTable("submissions").set({ status: "closed" }).where("status", "=", "new").where("id", "=", (eb) => eb.selectFrom("submissions").select((inner) => inner.fn.min("id").as("id")).where("status", "=", "new")).execute();
    }],
    ["a theme added to a priority", async () => {
      const priority = await db.selectFrom("priorities").select("id").where("id", "not in", (eb) => eb.selectFrom("priority_themes").select("priority_id")).executeTakeFirstOrThrow();
      await db.insertInto("priority_themes").values({ priority_id: priority.id, theme_id: 1, assigned_by_user_id: null, assigned_at: clock.toISOString() }).execute();
    }],
    ["a theme renamed", async () => {
      await db.updateTable("themes").set({ name: "Prevention and healthy living" }).where("slug", "=", "prevention").execute();
    }],
    ["a priority marked suitable to quote", async () => {
      await db.updateTable("priorities").set({ suitable_to_quote: 1 }).where("id", "=", (eb) => eb.selectFrom("priorities").select((inner) => inner.fn.min("id").as("id")).where("suitable_to_quote", "=", 0)).execute();
    }],
    ["an equality answer", async () => {
      await db.updateTable("equality_answers").set({ sex: "prefer_not_to_say" }).where("submission_id", "=", (eb) => eb.selectFrom("equality_answers").select((inner) => inner.fn.min("submission_id").as("id"))).execute();
    }],
  ])("builds the report again after %s", async (_change, change) => {
    const context = services();
    expect((await getReportModel(context, { filters, viewer: lead })).cached).toBe(false);
    expect((await getReportModel(context, { filters, viewer: lead })).cached).toBe(true);
    await change();
    expect((await getReportModel(context, { filters, viewer: lead })).cached).toBe(false);
    expect((await getReportModel(context, { filters, viewer: lead })).cached).toBe(true);
  });

  it("is not emptied by writes a report does not read (sessions, the audit log)", async () => {
    const context = services();
    await getReportModel(context, { filters, viewer: planner });
    await db.insertInto("audit_log").values({ at: clock.toISOString(), actor_user_id: null, actor_email: null, action: "report.previewed", target_type: null, target_id: null, client_address: null, details: null }).execute();
    await db.updateTable("submissions").set({ email: null, updated_at: clock.toISOString() }).execute();
    expect((await getReportModel(context, { filters, viewer: planner })).cached).toBe(true);
  });

  it("keeps PDF bytes, rendering again only when the data changes", async () => {
    const context = services();
    const first = await getReportPdf(context, { filters, viewer: planner });
    const again = await getReportPdf(context, { filters, viewer: planner });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect([first.cached, again.cached]).toEqual([false, true]);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(logs.filter((line) => line.includes('"report.pdf_rendered"'))).toHaveLength(1);
    // The cover names who generated it: someone else gets their own PDF.
    const other = await getReportPdf(context, { filters, viewer: { ...planner, name: "Sam Planner" } });
    expect(other.ok && other.cached).toBe(false);
    await db.updateTable("places").set({ population: 486_200 }).where("code", "=", "liverpool").execute();
    const afterChange = await getReportPdf(context, { filters, viewer: planner });
    expect(afterChange.ok && afterChange.cached).toBe(false);
  });
});

describe("identical requests at the same time", () => {
  it("build one model and render one PDF, each cover naming whoever asked", async () => {
    await db.updateTable("places").set({ population: 486_300 }).where("code", "=", "liverpool").execute();
    const context = services();
    const rendered = logs.filter((line) => line.includes('"report.pdf_rendered"')).length;
    const people = [planner, { ...planner, name: "Sam Planner" }];
    const models = await Promise.all(people.map((viewer) => getReportModel(context, { filters, viewer })));
    expect(context.reportCache.stats()).toMatchObject({ joined: 1, misses: 2 });
    expect(models.map((result) => result.model.generatedBy)).toEqual(["Pat Planner", "Sam Planner"]);
    expect(models[1]!.model.themes).toEqual(models[0]!.model.themes);

    const pdfs = await Promise.all([getReportPdf(context, { filters, viewer: planner }), getReportPdf(context, { filters, viewer: planner })]);
    expect(pdfs.every((result) => result.ok)).toBe(true);
    if (!pdfs[0]!.ok || !pdfs[1]!.ok) return;
    expect(Buffer.from(pdfs[1]!.pdf).equals(Buffer.from(pdfs[0]!.pdf))).toBe(true);
    expect(logs.filter((line) => line.includes('"report.pdf_rendered"')).length - rendered).toBe(1);
  });

  it("keep rendering for whoever still waits when one of them gives up", async () => {
    await db.updateTable("places").set({ population: 486_400 }).where("code", "=", "liverpool").execute();
    const context = services();
    const rendered = logs.filter((line) => line.includes('"report.pdf_rendered"')).length;
    const leaving = new AbortController();
    const left = getReportPdf(context, { filters, viewer: planner }, { signal: leaving.signal });
    const staying = getReportPdf(context, { filters, viewer: planner });
    setTimeout(() => leaving.abort(), 50);
    expect(await left).toEqual({ ok: false, reason: "aborted" });
    const result = await staying;
    expect(result.ok).toBe(true);
    // The second request joined the first one's model and render, which went on without it.
    expect(context.reportCache.stats().joined).toBe(2);
    expect(logs.filter((line) => line.includes('"report.pdf_rendered"')).length - rendered).toBe(1);
  });
});

describe("a PDF that takes too long", () => {
  it("is reported as a timeout, not an error, and logged", async () => {
    const silent = loggedRenderer(new URL("../support/silent-report-worker.mjs", import.meta.url), 300);
    const result = await getReportPdf(services({ reportRenderer: silent }), { filters, viewer: planner });
    expect(result).toEqual({ ok: false, reason: "timeout" });
    expect(logs.some((line) => line.includes('"report.pdf_render_timeout"'))).toBe(true);
  });
});
