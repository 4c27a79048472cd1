import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import type { FlagKind, Role } from "~db/schema";
import { seedReferenceData } from "~db/seed";

import { runStaffNotifications, type StaffNotificationSettings } from "~/modules/mail/staff-notifications.server";
import { composeEmail } from "~/modules/mail/templates.server";

import { insertBareSubmission } from "../support/bare-submission";
import { startServer } from "../support/server";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase } from "../support/test-database";
import { waitFor } from "../support/wait";

const PRIORITY_TEXT = "Shorter waits for a scan after the GP refers you";
const daily: StaffNotificationSettings = { mode: "daily", digestHour: 8, messageIdDomain: "icct.example.nhs.uk" };
const immediate: StaffNotificationSettings = { ...daily, mode: "immediate" };

async function addUser(db: DB, email: string, role: Role, disabled = false): Promise<void> {
  const now = "2026-11-01T09:00:00.000Z";
  await db
    .insertInto("users")
    .values({
      email,
      name: email.split("@")[0]!,
      role,
      password_hash: null,
      password_changed_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: disabled ? now : null,
      last_sign_in_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function addSubmission(db: DB, flags: FlagKind[] = []): Promise<number> {
  const { id } = await insertBareSubmission(db);
  await db.insertInto("priorities").values({ submission_id: id, rank: 1, what_text: PRIORITY_TEXT, why_text: null, support_needed: null }).execute();
  for (const kind of flags) await addFlag(db, id, kind);
  return id;
}

async function addFlag(db: DB, submissionId: number, kind: FlagKind): Promise<void> {
  await db
    .insertInto("submission_flags")
    .values({ submission_id: submissionId, kind, source: "auto", matched_phrase: null, raised_by_user_id: null, raised_at: new Date().toISOString(), actioned_by_user_id: null, actioned_at: null, action_note: null })
    .execute();
}

async function countRows(db: DB, sql: "submissions" | FlagKind): Promise<number> {
  const query =
    sql === "submissions"
      ? db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("n"))
      : db.selectFrom("submission_flags").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", sql);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

const staffMessages = (db: DB) =>
  db.selectFrom("outbox").select(["recipient", "payload", "created_at"]).where("template", "=", "staff-notification").orderBy("id").execute();

describe("staff notifications", () => {
  let db: DB;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await createTestDatabase());
    await addUser(db, "lead.one@example.nhs.uk", "lead");
    await addUser(db, "lead.two@example.nhs.uk", "lead");
    await addUser(db, "former.lead@example.nhs.uk", "lead", true);
    await addUser(db, "planner@example.nhs.uk", "planner");
    await addUser(db, "admin@example.nhs.uk", "admin");
  });
  afterEach(async () => {
    await cleanup();
  });

  it("makes the daily digest once per day, for active leads, with counts that match the database", async () => {
    for (const flags of [["safety"], ["safety", "complaint"], ["complaint"], [], []] as FlagKind[][]) await addSubmission(db, flags);

    const first = await runStaffNotifications(db, daily, new Date("2026-11-23T09:30:00.000Z"));
    expect(first).toEqual({
      kind: "daily",
      newResponses: await countRows(db, "submissions"),
      flaggedSafety: await countRows(db, "safety"),
      flaggedComplaint: await countRows(db, "complaint"),
      recipients: 2,
    });
    expect(first).toMatchObject({ newResponses: 5, flaggedSafety: 2, flaggedComplaint: 2 });
    const queued = await staffMessages(db);
    expect(queued.map((message) => message.recipient)).toEqual(["lead.one@example.nhs.uk", "lead.two@example.nhs.uk"]);
    expect(JSON.parse(queued[0]!.payload)).toEqual({ kind: "daily", newResponses: 5, flaggedSafety: 2, flaggedComplaint: 2, since: null });

    // Later the same day: that day's digest is done.
    expect(await runStaffNotifications(db, daily, new Date("2026-11-23T17:00:00.000Z"))).toBeNull();

    const older = (await db.selectFrom("submissions").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 3; i += 1) await addSubmission(db);
    await addFlag(db, older, "complaint");
    // Before 08:00 the next day, still nothing; at 08:00, the next digest, counting only what is new.
    expect(await runStaffNotifications(db, daily, new Date("2026-11-24T07:59:00.000Z"))).toBeNull();
    const second = await runStaffNotifications(db, daily, new Date("2026-11-24T08:00:00.000Z"));
    expect(second).toEqual({ kind: "daily", newResponses: 3, flaggedSafety: 0, flaggedComplaint: 1, recipients: 2 });
    expect(JSON.parse((await staffMessages(db))[2]!.payload).since).toBe("2026-11-23T09:30:00.000Z");

    // Every response and flag is counted exactly once across digests.
    const runs = await db.selectFrom("staff_notification_runs").selectAll().orderBy("id").execute();
    expect(runs.map((run) => run.due_at)).toEqual(["2026-11-23T08:00:00.000Z", "2026-11-24T08:00:00.000Z"]);
    expect(runs.reduce((sum, run) => sum + run.new_responses, 0)).toBe(await countRows(db, "submissions"));
    expect(runs.reduce((sum, run) => sum + run.flagged_safety, 0)).toBe(await countRows(db, "safety"));
    expect(runs.reduce((sum, run) => sum + run.flagged_complaint, 0)).toBe(await countRows(db, "complaint"));
  });

  it("records a quiet day's digest without emailing anyone", async () => {
    expect(await runStaffNotifications(db, daily, new Date("2026-11-23T09:00:00.000Z"))).toEqual({
      kind: "daily",
      newResponses: 0,
      flaggedSafety: 0,
      flaggedComplaint: 0,
      recipients: 0,
    });
    expect(await staffMessages(db)).toEqual([]);
  });

  it("follows British Summer Time: 08:00 in London is 07:00 UTC in July", async () => {
    await addSubmission(db);
    expect(await runStaffNotifications(db, daily, new Date("2026-07-15T06:59:00.000Z"))).not.toBeNull();
    const [run] = await db.selectFrom("staff_notification_runs").select("due_at").execute();
    expect(run!.due_at).toBe("2026-07-14T07:00:00.000Z");
    expect(await runStaffNotifications(db, daily, new Date("2026-07-15T07:00:00.000Z"))).not.toBeNull();
  });

  it("in immediate mode, notifies when something is new, once for each response", async () => {
    expect(await runStaffNotifications(db, immediate, new Date())).toBeNull();
    await addSubmission(db, ["safety"]);
    expect(await runStaffNotifications(db, immediate, new Date())).toEqual({ kind: "immediate", newResponses: 1, flaggedSafety: 1, flaggedComplaint: 0, recipients: 2 });
    expect(await runStaffNotifications(db, immediate, new Date())).toBeNull();
    expect(await staffMessages(db)).toHaveLength(2);
  });

  it("does nothing when off", async () => {
    await addSubmission(db, ["safety"]);
    expect(await runStaffNotifications(db, { ...daily, mode: "off" }, new Date())).toBeNull();
    expect(await db.selectFrom("staff_notification_runs").selectAll().execute()).toEqual([]);
  });

  it("renders counts and a link to the inbox, and no response text", async () => {
    await addSubmission(db, ["safety"]);
    await addSubmission(db);
    await runStaffNotifications(db, immediate, new Date());
    const [message] = await staffMessages(db);
    const email = composeEmail("staff-notification", message!.payload, { publicUrl: new URL("https://icct.example.nhs.uk"), contactEmail: "x@example.nhs.uk", summaryDue: null });
    expect(email.subject).toBe("2 new responses, 1 flagged – Improving Cancer Care Together");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("2 new responses");
      expect(part).toContain("1 response flagged for safety");
      expect(part).toContain("0 responses flagged as a complaint");
      expect(part).toContain("https://icct.example.nhs.uk/staff/responses");
      expect(part).not.toContain(PRIORITY_TEXT);
    }
  });
});

describe("staff notifications from the running server", () => {
  it("emails each active lead about responses waiting, in immediate mode", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icct-staff-"));
    const smtp = await startSmtpSink();
    const prepared = openDatabase({ filename: join(dataDir, "app.db") });
    await migrateToLatestOrThrow(prepared);
    await seedReferenceData(prepared);
    await addUser(prepared, "lead@example.nhs.uk", "lead");
    await addUser(prepared, "away@example.nhs.uk", "lead", true);
    await addSubmission(prepared, ["safety"]);
    await prepared.destroy();

    const server = await startServer({
      dataDir,
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: "https://icct.example.nhs.uk", STAFF_NOTIFICATIONS: "immediate", LOG_LEVEL: "info" },
    });
    try {
      const [message] = await waitFor("the staff notification", () => smtp.messages.length > 0 && smtp.messages);
      expect(message!.envelope.to).toEqual(["lead@example.nhs.uk"]);
      expect(message!.parsed.subject).toBe("1 new response, 1 flagged – Improving Cancer Care Together");
      expect(message!.parsed.text).toContain("https://icct.example.nhs.uk/staff/responses");
      expect(message!.raw).not.toContain(PRIORITY_TEXT);
      expect(server.output()).toContain('"event":"mail.staff_notification_queued"');
      expect(server.output()).not.toContain("lead@example.nhs.uk");
    } finally {
      await server.stop();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
