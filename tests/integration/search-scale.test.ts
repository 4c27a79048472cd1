/**
 * Search over thousands of responses in a real SQLite file: words in too many priorities to rank
 * come newest first, counts stop at a thousand, and pages never repeat a response.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DB } from "~db/client";
import { generateDemoResponses } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";

import { applyInboxFilters, type SubmissionQuery } from "~/modules/triage/inbox.server";
import { allMatchingSubmissionIds, MOST_PRIORITIES_RANKED, MOST_RESPONSES_COUNTED, searchPriorityText } from "~/modules/triage/search.server";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "~/modules/triage/snippet";

import { createTestDatabase } from "../support/test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DB;
let priorityCount: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await insertDemoResponses(db, generateDemoResponses({ responses: 4_600, seed: 7, until: new Date("2026-11-01T00:00:00Z"), campaignCode: "ICCT" }), { campaignCode: "ICCT" });
  // Words planted through ordinary updates, so the search index's triggers keep up with them.
  await sql`update priorities set what_text = what_text || ' everywhereword'`.execute(db);
  await sql`update priorities set what_text = what_text || ' quarterword' where submission_id % 4 = 0`.execute(db);
  await sql`update priorities set what_text = 'rareword rareword rareword about parking' where submission_id = 10 and rank = 1`.execute(db);
  await sql`update priorities set what_text = what_text || ' rareword' where submission_id in (20, 30) and rank = 1`.execute(db);
  priorityCount = Number((await sql<{ n: number }>`select count(*) n from priorities`.execute(db)).rows[0]!.n);
}, 60_000);

afterAll(async () => {
  await database.cleanup();
});

describe("search over thousands of responses", () => {
  it("lists a word in more priorities than can be ranked newest first, counting up to a thousand", async () => {
    expect(priorityCount).toBeGreaterThan(MOST_PRIORITIES_RANKED);
    const first = await searchPriorityText(db, "everywhereword", null, { limit: 25, offset: 0 });
    expect(first.order).toBe("newest");
    expect(first.total).toBe(MOST_RESPONSES_COUNTED);
    expect(first.totalIsLowerBound).toBe(true);
    expect(first.hasMore).toBe(true);
    expect(first.submissionIds).toEqual([...first.submissionIds].sort((a, b) => b - a));
    expect(first.submissionIds[0]).toBe(4_600);
    const firstTexts = new Map(
      (await sql<{ submission_id: number; text: string }>`select submission_id, group_concat(what_text || ' ' || coalesce(why_text, ''), ' ') text from priorities group by submission_id`.execute(db)).rows.map((row) => [row.submission_id, row.text]),
    );
    for (const [id, snippet] of first.snippets) {
      expect(snippet).toContain(`${HIGHLIGHT_START}everywhereword${HIGHLIGHT_END}`);
      for (const piece of snippet.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, "").split("…").filter((part) => part.trim().length > 3)) {
        expect(firstTexts.get(id)).toContain(piece.trim());
      }
    }

    const second = await searchPriorityText(db, "everywhereword", null, { limit: 25, offset: 25 });
    expect(second.submissionIds).toHaveLength(25);
    expect(second.submissionIds.filter((id) => first.submissionIds.includes(id))).toEqual([]);
    expect(second.submissionIds[0]).toBeLessThan(first.submissionIds.at(-1)!);
  });

  it("ranks a word in fewer priorities by relevance and still stops counting at a thousand", async () => {
    const page = await searchPriorityText(db, "quarterword", null, { limit: 25, offset: 0 });
    expect(page.order).toBe("relevance");
    expect(page.totalIsLowerBound).toBe(true);
    expect(page.total).toBe(MOST_RESPONSES_COUNTED);
    expect(page.submissionIds.every((id) => id % 4 === 0)).toBe(true);
    expect(new Set(page.submissionIds).size).toBe(25);
  });

  it("counts exactly, ranks the strongest match first and lists every match for bulk actions", async () => {
    const page = await searchPriorityText(db, "rareword", null, { limit: 25, offset: 0 });
    expect(page).toMatchObject({ total: 3, totalIsLowerBound: false, hasMore: false, order: "relevance" });
    expect(page.submissionIds[0]).toBe(10);
    // Each snippet is from that response's own matching priority.
    const texts = new Map(
      (await sql<{ submission_id: number; what_text: string }>`select submission_id, what_text from priorities where submission_id in (10, 20, 30) and rank = 1`.execute(db)).rows.map((row) => [row.submission_id, row.what_text]),
    );
    for (const [id, snippet] of page.snippets) {
      const plain = snippet.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, "").replace(/^…|…$/g, "");
      expect(texts.get(id)).toContain(plain);
    }
    expect([...page.submissionIds].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(await allMatchingSubmissionIds(db, "rareword", null)).toEqual(page.submissionIds);
    expect(await allMatchingSubmissionIds(db, "everywhereword", null)).toHaveLength(4_600);
  });

  it("pages through a ranked search, full of equal scores, in one order whether or not other filters apply", async () => {
    const pages = [];
    for (let offset = 0; offset < 100; offset += 25) pages.push(...(await searchPriorityText(db, "quarterword", null, { limit: 25, offset })).submissionIds);
    expect(new Set(pages).size).toBe(100);
    const everyMatch = await allMatchingSubmissionIds(db, "quarterword", null);
    expect(everyMatch.slice(0, 100)).toEqual(pages);
    const campaignId = Number((await sql<{ id: number }>`select id from campaigns where code = 'ICCT'`.execute(db)).rows[0]!.id);
    const sameCampaign = <O,>(query: SubmissionQuery<O>) => applyInboxFilters(db, query, { campaign: "ICCT" }, { campaignId, viewerId: 0 });
    const filtered = [];
    for (let offset = 0; offset < 100; offset += 25) filtered.push(...(await searchPriorityText(db, "quarterword", sameCampaign, { limit: 25, offset })).submissionIds);
    expect(filtered).toEqual(pages);
  });

  it("applies the inbox filters before counting and paging", async () => {
    await sql`update submissions set status = 'excluded', excluded_reason = 'test' where id = 20`.execute(db);
    await sql`update submissions set status = 'closed' where id in (10, 30)`.execute(db);
    const page = await searchPriorityText(db, "rareword", (query) => applyInboxFilters(db, query, { status: "closed" }, { viewerId: 0 }), { limit: 25, offset: 0 });
    expect(page).toMatchObject({ total: 2, submissionIds: [10, 30] });
    const onlyExcluded = <O,>(query: SubmissionQuery<O>) => applyInboxFilters(db, query, { status: "excluded" }, { viewerId: 0 });
    const excludedCount = Number((await sql<{ n: number }>`select count(*) n from submissions where status = 'excluded'`.execute(db)).rows[0]!.n);
    const excluded = await searchPriorityText(db, "everywhereword", onlyExcluded, { limit: 25, offset: 0 });
    expect(excluded).toMatchObject({ total: excludedCount, totalIsLowerBound: false, order: "newest" });
    expect(await allMatchingSubmissionIds(db, "everywhereword", onlyExcluded)).toContain(20);
  });
});
