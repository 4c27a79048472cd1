/**
 * Erasing responses for good: by an admin when the person asks, and by the service once the
 * retention period in the privacy notice has passed. Checked in the database, row by row.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "~db/client";
import { generateDemoData } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { BrowserClient, errorSummaryOf, hiddenValue } from "../support/browser-client";
import { count, rows } from "../support/database";
import { fillJourney, referenceIn, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";
import { TEST_SESSION_SECRET, signedInClient } from "../support/staff";
import { waitFor } from "../support/wait";

const tablesBySubmission = [
  "priorities",
  "submission_respondent_types",
  "submission_trusts",
  "equality_answers",
  "submission_notes",
  "submission_flags",
  "submission_text_sketch",
  "outbox",
  "drafts",
];

describe("erasing a response on request", () => {
  let server: RunningServer;
  let admin: BrowserClient;
  let lead: BrowserClient;
  const db = () => server.databasePath;

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, AUTH_FAILURES_PER_CLIENT: "1000", STAFF_NOTIFICATIONS: "off" } });
    ({ client: admin } = await signedInClient(server, "admin"));
    ({ client: lead } = await signedInClient(server, "lead"));
  });
  afterAll(async () => {
    await server.stop();
  });

  async function send(why: string, email = "") {
    const respondent = new BrowserClient(server.url);
    await fillJourney(respondent, {
      priorities: { ...validPriorities, priority1What: "Zanzibarish parking vouchers for everyone at the cancer centre", priority1Why: why },
      stayInTouch: { email, contactPreferences: email ? ["updates"] : [] },
    });
    const reference = referenceIn((await respondent.post("/check-answers", {})).html);
    await respondent.post("/equality/questions", { ageBand: "65_74", ethnicGroup: "white", religion: "prefer_not_to_say" });
    return rows<{ id: number }>(db(), "select id from submissions where reference = ?", reference)[0]!.id;
  }

  it("deletes everything the person wrote and everything about them, keeping only who erased what and why", async () => {
    const id = await send("I want to hurt myself when the bills come in", "someone@example.com");
    const copy = await send("I want to hurt myself when the bills arrive");
    const duplicateOf = await waitFor("the copy's near-duplicate check", () => rows<{ duplicate_of_id: number | null }>(db(), "select duplicate_of_id from submissions where id = ?", copy)[0]!.duplicate_of_id ?? undefined);
    expect(duplicateOf).toBe(id);
    const page = await lead.get(`/staff/responses/${id}`);
    const version = hiddenValue(page.html, "version");
    await lead.post(`/staff/responses/${id}`, { intent: "note", body: "Called the person back" });
    await lead.post(`/staff/responses/${id}`, { intent: "flag", flagKind: "complaint" });
    const priorityId = rows<{ id: number }>(db(), "select id from priorities where submission_id = ? and rank = 1", id)[0]!.id;
    await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(priorityId), themeIds: ["1"], version });
    for (const table of tablesBySubmission.filter((name) => name !== "submission_trusts")) {
      expect(count(db(), `select count(*) n from ${table} where submission_id = ?`, id), table).toBeGreaterThan(0);
    }
    expect(count(db(), "select count(*) n from priority_themes where priority_id = ?", priorityId)).toBe(1);

    expect((await lead.get(`/staff/responses/${id}/erase`)).status).toBe(403);
    expect((await lead.post(`/staff/responses/${id}/erase`, { reason: "request" })).status).toBe(403);
    expect((await lead.get(`/staff/responses/${id}`)).html).not.toContain("Erase this response");
    expect((await admin.get(`/staff/responses/${id}`)).html).toContain(`href="/staff/responses/${id}/erase"`);

    const form = await admin.get(`/staff/responses/${id}/erase`);
    expect(form.status).toBe(200);
    const reference = rows<{ reference: string }>(db(), "select reference from submissions where id = ?", id)[0]!.reference;
    expect(form.html).toContain(reference);
    const noReason = await admin.post(`/staff/responses/${id}/erase`, { reason: "because" });
    expect(noReason.status).toBe(400);
    expect(errorSummaryOf(noReason.html)).toEqual(["reason: Select why the response is being erased"]);
    expect(count(db(), "select count(*) n from submissions where id = ?", id)).toBe(1);

    const done = await admin.post(`/staff/responses/${id}/erase`, { reason: "request" });
    expect(done.url).toContain("/staff/responses?erased=");
    expect(done.html).toContain(`Response ${reference} erased`);

    expect(count(db(), "select count(*) n from submissions where id = ?", id)).toBe(0);
    for (const table of tablesBySubmission) expect(count(db(), `select count(*) n from ${table} where submission_id = ?`, id), table).toBe(0);
    expect(count(db(), "select count(*) n from priority_themes where priority_id = ?", priorityId)).toBe(0);
    // Only the copy, still in the database, is found by its words.
    expect(count(db(), "select count(*) n from priorities_fts where priorities_fts match 'zanzibarish'")).toBe(1);
    expect(rows<{ duplicate_of_id: number | null }>(db(), "select duplicate_of_id from submissions where id = ?", copy)[0]!.duplicate_of_id).toBeNull();

    const [entry] = rows<{ actor_email: string; details: string }>(db(), "select actor_email, details from audit_log where action = 'response.erased'");
    expect(JSON.parse(entry!.details)).toEqual({ reason: "request", references: [reference] });
    expect(entry!.actor_email).toMatch(/^admin-/);
    expect(count(db(), "select count(*) n from audit_log where details like '%hurt%' or details like '%someone@example.com%'")).toBe(0);

    // Overwritten on disk too, not just unlinked: no page of the database or its write-ahead log
    // holds the words any more.
    const onDisk = Buffer.concat([readFileSync(db()), existsSync(`${db()}-wal`) ? readFileSync(`${db()}-wal`) : Buffer.alloc(0)]);
    expect(onDisk.includes("I want to hurt myself when the bills come in")).toBe(false);
    expect(onDisk.includes("someone@example.com")).toBe(false);

    expect((await admin.get(`/staff/responses/${id}`)).status).toBe(404);
    expect((await admin.get(`/staff/responses/${id}/erase`)).status).toBe(404);
    expect((await admin.post(`/staff/responses/${id}/erase`, { reason: "request" })).status).toBe(404);
    expect((await admin.get("/staff/responses?erased=%3Cscript%3E")).html).not.toContain("erased</p>");
  });
});

describe("erasing responses once the retention period has passed", () => {
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "icct-retention-"));
    const db = openDatabase({ filename: join(dataDir, "app.db") });
    await migrateToLatestOrThrow(db);
    await seedReferenceData(db);
    // 300 responses over the last six months.
    await insertDemoResponses(db, generateDemoData({ responses: 300, seed: 11, until: new Date(), campaignCode: "ICCT" }), { campaignCode: "ICCT" });
    await db.destroy();
    server = await startServer({ dataDir, env: { RESPONSE_RETENTION_MONTHS: "3" } });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("erases, when the server starts and every six hours, each response received longer ago than RESPONSE_RETENTION_MONTHS", async () => {
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 3);
    const older = () => count(server.databasePath, "select count(*) n from submissions where received_at < ?", cutoff.toISOString());
    await waitFor("old responses to be erased", () => older() === 0);
    const kept = count(server.databasePath, "select count(*) n from submissions");
    expect(kept).toBeGreaterThan(50);
    expect(kept).toBeLessThan(250);
    const entries = rows<{ actor_user_id: number | null; details: string }>(server.databasePath, "select actor_user_id, details from audit_log where action = 'response.erased'");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.actor_user_id === null && JSON.parse(entry.details).reason === "retention")).toBe(true);
    expect(entries.reduce((sum, entry) => sum + (JSON.parse(entry.details).references as string[]).length, 0)).toBe(300 - kept);
    expect(count(server.databasePath, "select count(*) n from priorities where submission_id not in (select id from submissions)")).toBe(0);

    const privacy = await new BrowserClient(server.url).get("/privacy");
    expect(privacy.html).toContain("We keep each response for 3 months after we receive it, and then delete it.");
  });
});
