import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DB } from "~db/client";
import { generateDemoData, type DemoResponse } from "~db/demo/generate";
import { insertDemoResponses, type DemoInsertSummary } from "~db/demo/insert";
import { safetyPhrases } from "~db/safety-phrases";
import { seedReferenceData } from "~db/seed";

import { count, rows } from "../support/database";
import { createTestDatabase } from "../support/test-database";

const root = fileURLToPath(new URL("../..", import.meta.url));
const until = new Date("2026-11-23T00:00:00.000Z");

describe("inserting demo data into a real SQLite file", () => {
  let db: DB;
  let path: string;
  let cleanup: () => Promise<void>;
  let responses: DemoResponse[];
  let summary: DemoInsertSummary;

  beforeAll(async () => {
    ({ db, path, cleanup } = await createTestDatabase());
    responses = generateDemoData({ responses: 1500, seed: 11, until, campaignCode: "ICCT" });
    // Small transactions, so several batches and partial statements are exercised.
    summary = await insertDemoResponses(db, responses, { campaignCode: "ICCT", batchSize: 400 });
  });
  afterAll(async () => {
    await cleanup();
  });

  it("writes every generated row", () => {
    const priorities = responses.flatMap((response) => response.priorities);
    const expected = {
      responses: responses.length,
      priorities: priorities.length,
      priorityThemes: priorities.reduce((sum, priority) => sum + priority.confirmedThemeSlugs.length, 0),
      respondentTypes: responses.reduce((sum, response) => sum + response.respondentTypes.length, 0),
      trusts: responses.reduce((sum, response) => sum + response.trusts.length, 0),
      equalityAnswers: responses.filter((response) => response.equality !== null).length,
      flags: responses.reduce((sum, response) => sum + response.flags.length, 0),
    };
    expect(summary).toEqual(expected);
    expect(count(path, "select count(*) as n from submissions")).toBe(expected.responses);
    expect(count(path, "select count(*) as n from priorities")).toBe(expected.priorities);
    expect(count(path, "select count(*) as n from priority_themes")).toBe(expected.priorityThemes);
    expect(count(path, "select count(*) as n from submission_respondent_types")).toBe(expected.respondentTypes);
    expect(count(path, "select count(*) as n from submission_trusts")).toBe(expected.trusts);
    expect(count(path, "select count(*) as n from equality_answers")).toBe(expected.equalityAnswers);
    expect(count(path, "select count(*) as n from submission_flags")).toBe(expected.flags);
    expect(count(path, "select count(*) as n from priorities where suitable_to_quote = 1")).toBe(priorities.filter((priority) => priority.suitableToQuote).length);
    expect(count(path, "select count(*) as n from outbox")).toBe(0);
  });

  it("stores each response as generated", () => {
    for (const response of [responses[0]!, responses[700]!, responses.at(-1)!, ...responses.filter((r) => r.flags.length > 0).slice(0, 5)]) {
      const [row] = rows<Record<string, unknown>>(
        path,
        `select s.*, p.code as place_code from submissions s left join places p on p.id = s.place_id where s.reference = ?`,
        response.reference,
      );
      expect(row).toMatchObject({
        channel: response.channel,
        received_at: response.receivedAt,
        created_at: response.createdAt,
        updated_at: response.updatedAt,
        place_code: response.placeCode,
        status: response.status,
        excluded_reason: response.excludedReason,
        version: response.version,
        email: response.email,
      });
      const priorities = rows<{ rank: number; what_text: string; why_text: string | null; themes: string | null }>(
        path,
        `select p.rank, p.what_text, p.why_text,
                (select group_concat(t.slug, ',') from (select t.slug from priority_themes pt join themes t on t.id = pt.theme_id
                  where pt.priority_id = p.id order by t.slug) t) as themes
           from priorities p where p.submission_id = ? order by p.rank`,
        row!.id,
      );
      expect(priorities.map((priority) => [priority.rank, priority.what_text, priority.why_text])).toEqual(
        response.priorities.map((priority) => [priority.rank, priority.what, priority.why]),
      );
      expect(priorities.map((priority) => priority.themes ?? "")).toEqual(response.priorities.map((priority) => [...priority.confirmedThemeSlugs].sort().join(",")));
      const flags = rows<{ kind: string; source: string; state: string; matched_phrase: string }>(
        path,
        "select kind, source, state, matched_phrase from submission_flags where submission_id = ? order by kind",
        row!.id,
      );
      expect(flags).toEqual(
        [...response.flags].sort((a, b) => a.kind.localeCompare(b.kind)).map((flag) => ({ kind: flag.kind, source: "auto", state: flag.state, matched_phrase: flag.phrase })),
      );
    }
  });

  it("screens the responses as live ones are (fingerprint, sketch, planted duplicates linked) and creates no users", () => {
    expect(count(path, "select count(*) as n from submissions where assigned_to_user_id is not null or entered_by_user_id is not null or idempotency_key is not null")).toBe(0);
    expect(count(path, "select count(*) as n from submissions where text_fingerprint is null")).toBeLessThan(responses.length * 0.02);
    expect(count(path, "select count(distinct submission_id) as n from submission_text_sketch")).toBeGreaterThan(responses.length * 0.9);
    const planted = responses.filter((response) => response.planted.duplicateOf !== null);
    expect(planted.length).toBeGreaterThan(0);
    const linked = rows<{ reference: string; original: string }>(
      path,
      "select s.reference, o.reference as original from submissions s join submissions o on o.id = s.duplicate_of_id",
    );
    expect(linked.map((row) => row.reference).sort()).toEqual(planted.map((response) => response.reference).sort());
    const byReference = new Map(responses.map((response) => [response.sequence, response.reference]));
    for (const row of linked) {
      const response = planted.find((candidate) => candidate.reference === row.reference)!;
      expect(row.original).toBe(byReference.get(response.planted.duplicateOf!));
    }
    expect(count(path, "select count(*) as n from priority_themes where assigned_by_user_id is not null")).toBe(0);
    expect(count(path, "select count(*) as n from users")).toBe(0);
  });

  it("keeps every foreign key and the database intact", async () => {
    const violations = await sql`pragma foreign_key_check`.execute(db);
    expect(violations.rows).toEqual([]);
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    expect(integrity.rows).toEqual([{ integrity_check: "ok" }]);
  });

  it("indexes the generated text for full-text search through the triggers", () => {
    const matched = (term: string) =>
      new Set(rows<{ rowid: number }>(path, "select rowid from priorities_fts where priorities_fts match ?", term).map((row) => row.rowid));
    const priorities = rows<{ id: number; what_text: string }>(path, "select id, what_text from priorities order by id");
    for (const priority of priorities.filter((_, index) => index % 97 === 0)) {
      const word = priority.what_text.match(/[A-Za-z]{6,}/)?.[0];
      if (!word) continue;
      expect(matched(`"${word}"`).has(priority.id), `${word} in ${priority.what_text}`).toBe(true);
    }
    // Porter stemming: "hospices" and "hospice" find the same priorities.
    expect(matched("hospices").size).toBeGreaterThan(0);
    expect(matched("hospices")).toEqual(matched("hospice"));
  });

  it("seeds the safety and complaint phrases once, however often the seed runs", async () => {
    expect(count(path, "select count(*) as n from safety_phrases")).toBe(safetyPhrases.length);
    await seedReferenceData(db);
    expect(count(path, "select count(*) as n from safety_phrases")).toBe(safetyPhrases.length);
    expect(count(path, "select count(*) as n from safety_phrases where kind = 'complaint' and phrase = 'formal complaint' and active = 1")).toBe(1);
  });
});

describe("npm run seed:demo", () => {
  let dataDir: string;
  const seedDemo = (...args: string[]) =>
    spawnSync(join(root, "node_modules/.bin/tsx"), ["app/cli/seed-demo.ts", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATA_DIR: dataDir },
      encoding: "utf8",
    });

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "icct-demo-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates, migrates and fills DATA_DIR/app.db, then refuses to add to it without --append", () => {
    const first = seedDemo("--responses", "60", "--seed", "5", "--until", "2026-11-23");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Generating 60 demo responses \(seed 5, received before 2026-11-23\)/);
    expect(first.stdout).toMatch(/responses\s+60\n/);
    const database = join(dataDir, "app.db");
    expect(count(database, "select count(*) as n from submissions")).toBe(60);
    const references = rows<{ reference: string }>(database, "select reference from submissions order by id").map((row) => row.reference);
    expect(references).toEqual(generateDemoData({ responses: 60, seed: 5, until, campaignCode: "ICCT" }).map((response) => response.reference));

    const refused = seedDemo("--responses", "60", "--seed", "6");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("already has 60 responses. Nothing was changed.");
    expect(count(database, "select count(*) as n from submissions")).toBe(60);

    const appended = seedDemo("--responses", "40", "--seed", "6", "--append");
    expect(appended.status).toBe(0);
    expect(count(database, "select count(*) as n from submissions")).toBe(100);
    expect(count(database, "select count(distinct reference) as n from submissions")).toBe(100);
  });

  it("explains its options when they are wrong", () => {
    const result = seedDemo("--responses", "lots");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--responses must be a whole number");
    expect(result.stderr).toContain("Usage: npm run seed:demo");
  });
});
