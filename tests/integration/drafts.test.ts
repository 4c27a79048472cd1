import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DB } from "~db/client";

import { createDraft, findDraft, purgeExpiredDrafts } from "~/modules/submissions/drafts.server";

import { createTestDatabase } from "../support/test-database";

let db: DB;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterEach(async () => {
  await cleanup();
});

const day = 24 * 60 * 60 * 1000;

describe("drafts", () => {
  it("are found by their token until they expire, and never store the token itself", async () => {
    const now = new Date("2026-11-01T12:00:00Z");
    const { token, draft } = await createDraft(db, { campaignId: 1, startedAt: now, now, ttlMs: 7 * day });
    const row = await db.selectFrom("drafts").selectAll().executeTakeFirstOrThrow();
    expect(row.id).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await findDraft(db, token, new Date(now.getTime() + 6 * day)))?.id).toBe(draft.id);
    expect(await findDraft(db, token, new Date(now.getTime() + 7 * day + 1))).toBeNull();
    expect(await findDraft(db, "someone-elses-token", now)).toBeNull();
  });

  it("are purged once expired, leaving live ones", async () => {
    const created = new Date("2026-11-01T12:00:00Z");
    await createDraft(db, { campaignId: 1, startedAt: created, now: created, ttlMs: 1 * day });
    const { token: live } = await createDraft(db, { campaignId: 1, startedAt: created, now: created, ttlMs: 9 * day });
    const purged = await purgeExpiredDrafts(db, new Date(created.getTime() + 2 * day));
    expect(purged).toBe(1);
    expect(await findDraft(db, live, new Date(created.getTime() + 2 * day))).not.toBeNull();
  });
});
