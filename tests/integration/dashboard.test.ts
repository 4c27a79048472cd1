/**
 * The dashboard's responses by week, in a real SQLite file: weeks run Monday to Sunday in UK time,
 * as the dates staff see, not in UTC.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DB } from "~db/client";
import { generateDemoResponses } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";

import { loadDashboard } from "~/modules/triage/dashboard.server";

import { createTestDatabase } from "../support/test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DB;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await insertDemoResponses(db, generateDemoResponses({ responses: 4, seed: 3, until: new Date("2026-07-01T00:00:00Z"), campaignCode: "ICCT" }), { campaignCode: "ICCT" });
  const ids = (await db.selectFrom("submissions").select("id").orderBy("id").execute()).map((row) => row.id);
  const received = [
    // Sunday 5 July, 23:30 in London (summer time): the week starting Monday 29 June.
    "2026-07-05T22:30:00.000Z",
    // Monday 6 July, 00:30 in London, though still Sunday in UTC: the week starting 6 July.
    "2026-07-05T23:30:00.000Z",
    "2026-07-06T23:30:00.000Z",
    // Before the twelve weeks shown.
    "2026-04-01T10:00:00.000Z",
  ];
  for (const [index, id] of ids.entries()) {
    await sql`update submissions set received_at = ${received[index]} where id = ${id}`.execute(db);
  }
});

afterAll(async () => {
  await database.cleanup();
});

describe("the dashboard's responses by week", () => {
  it("counts UK weeks, Monday to Sunday, over the last twelve", async () => {
    const { byWeek } = await loadDashboard(db, new Date("2026-07-20T12:00:00.000Z"));
    expect(byWeek).toHaveLength(12);
    expect(byWeek[0]!.weekStart).toBe("2026-05-04");
    expect(byWeek.at(-1)!.weekStart).toBe("2026-07-20");
    const counts = Object.fromEntries(byWeek.filter((week) => week.count > 0).map((week) => [week.weekStart, week.count]));
    expect(counts).toEqual({ "2026-06-29": 1, "2026-07-06": 2 });
  });
});
