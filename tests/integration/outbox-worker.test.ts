import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DB } from "~db/client";

import { getOutboxStatus, listDeadMessages, retryDeadMessages, retryMessage } from "~/modules/mail/operations.server";
import { enqueueEmail } from "~/modules/mail/outbox.server";
import { createSmtpTransport } from "~/modules/mail/transport.server";
import { OutboxWorker, type OutboxWorkerOptions } from "~/modules/mail/worker.server";
import { createLogger } from "~/modules/observability/logger";

import { insertBareSubmission } from "../support/bare-submission";
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from "../support/smtp-sink";
import { createTestDatabase } from "../support/test-database";
import { waitFor } from "../support/wait";

/** The outbox worker in this process, against a real SQLite file and a real SMTP server on loopback. */

let db: DB;
let cleanup: () => Promise<void>;
let sink: SmtpSink | null = null;
let worker: OutboxWorker | null = null;
let logLines: string[] = [];

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  logLines = [];
});
afterEach(async () => {
  await worker?.stop(100);
  worker = null;
  await sink?.close();
  sink = null;
  await cleanup();
});

async function startWorker(sinkOptions: SmtpSinkOptions = {}, overrides: Partial<OutboxWorkerOptions> = {}): Promise<OutboxWorker> {
  sink = await startSmtpSink(sinkOptions);
  worker = new OutboxWorker({
    db,
    transport: createSmtpTransport({ host: "127.0.0.1", port: sink.port, secure: false, auth: null }, 2),
    logger: createLogger("debug", (line) => logLines.push(line)),
    now: () => new Date(),
    from: { name: "Improving Cancer Care Together", address: "no-reply@icct.example.nhs.uk" },
    retry: { baseDelayMs: 50, maxDelayMs: 1000, maxAttempts: 3 },
    leaseMs: 60_000,
    concurrency: 2,
    retention: "opted-in",
    publicUrl: new URL("https://icct.example.nhs.uk"),
    contactEmail: "improvingcancercare@example.nhs.uk",
    pollIntervalMs: 50,
    ...overrides,
  });
  worker.start();
  return worker;
}

async function queueConfirmation(email: string, { optedIn = false } = {}): Promise<{ outboxId: number; submissionId: number; reference: string }> {
  const submission = await insertBareSubmission(db, { email, optInUpdates: optedIn });
  const outboxId = await enqueueEmail(db, {
    template: "submission-confirmation",
    recipient: email,
    payload: { reference: submission.reference },
    submissionId: submission.id,
    messageIdDomain: "icct.example.nhs.uk",
    now: new Date(),
  });
  return { outboxId, submissionId: submission.id, reference: submission.reference };
}

const outboxRow = (id: number) => db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const settled = (id: number) =>
  waitFor(`message ${id} to be sent or dead`, async () => {
    const row = await outboxRow(id);
    return (row.state === "sent" || row.state === "dead") && row;
  });

describe("header injection", () => {
  it("cannot add a header or a recipient through any field: such messages are dead, the rest are sent", async () => {
    const injection = "\r\nBcc: attacker@example.org";
    const valid = await queueConfirmation("valid@example.com");
    const inRecipient = await queueConfirmation(`victim@example.com${injection}`);
    const listRecipient = await queueConfirmation("one@example.com, attacker@example.org");
    const inPayload = await queueConfirmation("payload@example.com");
    await db.updateTable("outbox").set({ payload: JSON.stringify({ reference: `${inPayload.reference}${injection}` }) }).where("id", "=", inPayload.outboxId).execute();
    const inMessageId = await queueConfirmation("messageid@example.com");
    await db.updateTable("outbox").set({ message_id: `<x@icct.example.nhs.uk>${injection}` }).where("id", "=", inMessageId.outboxId).execute();
    const inStaffPayload = await enqueueEmail(db, {
      template: "staff-notification",
      recipient: "lead@example.nhs.uk",
      payload: { kind: "daily", newResponses: 1, flaggedSafety: 0, flaggedComplaint: 0, since: `2026-11-23T08:00:00.000Z${injection}` },
      messageIdDomain: "icct.example.nhs.uk",
      now: new Date(),
    });

    await startWorker();
    expect(await settled(valid.outboxId)).toMatchObject({ state: "sent" });
    expect(await settled(inRecipient.outboxId)).toMatchObject({ state: "dead", last_error: "the recipient is not one valid email address" });
    expect(await settled(listRecipient.outboxId)).toMatchObject({ state: "dead", last_error: "the recipient is not one valid email address" });
    expect((await settled(inPayload.outboxId)).last_error).toMatch(/^invalid payload: .*not a response reference/);
    expect(await settled(inMessageId.outboxId)).toMatchObject({ state: "dead", last_error: "the Message-ID is malformed" });
    expect((await settled(inStaffPayload)).last_error).toMatch(/^invalid payload: .*since/);

    expect(sink!.messages).toHaveLength(1);
    const [message] = sink!.messages;
    expect(message!.envelope.to).toEqual(["valid@example.com"]);
    expect(message!.raw).not.toMatch(/^bcc:/im);
    expect(message!.raw).not.toContain("attacker");
    expect(logLines.join("")).not.toMatch(/@example\.(com|org)/);
  });
});

describe("retries", () => {
  it("gives up after the configured number of temporary failures, keeping the last reason", async () => {
    const { outboxId } = await queueConfirmation("busy@example.com");
    await startWorker({ onRecipient: () => ({ code: 451, message: "4.3.2 Try again later" }) });
    const dead = await settled(outboxId);
    expect(dead).toMatchObject({ state: "dead", attempts: 3 });
    expect(dead.last_error).toMatch(/^gave up after 3 attempts: EENVELOPE: .*451 4\.3\.2 Try again later/);
    expect(sink!.refused).toHaveLength(3);
    expect(sink!.messages).toHaveLength(0);
  });
});

describe("stopping", () => {
  it("puts back what it holds: a send in progress keeps its attempt, messages not yet started do not", async () => {
    const queued = [await queueConfirmation("a@example.com"), await queueConfirmation("b@example.com"), await queueConfirmation("c@example.com")];
    await startWorker({ beforeReply: () => new Promise<void>(() => {}) }, { concurrency: 1 });
    await waitFor("the first message to reach the server", () => sink!.messages.length === 1);
    await worker!.stop(100);
    worker = null;
    const rows = await db.selectFrom("outbox").select(["id", "state", "attempts", "lease_expires_at"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: queued[0]!.outboxId, state: "pending", attempts: 1, lease_expires_at: null },
      { id: queued[1]!.outboxId, state: "pending", attempts: 0, lease_expires_at: null },
      { id: queued[2]!.outboxId, state: "pending", attempts: 0, lease_expires_at: null },
    ]);
  });
});

describe("operations", () => {
  it("reports counts by state, the oldest pending message and dead messages without addresses; retries one or all", async () => {
    const refuse = new Set(["gone@example.com", "left@example.com"]);
    const first = await queueConfirmation("gone@example.com");
    const second = await queueConfirmation("left@example.com");
    const fine = await queueConfirmation("fine@example.com");
    await startWorker({ onRecipient: (address) => (refuse.has(address) ? { code: 550, message: `5.1.1 <${address}> unknown` } : null) });
    await settled(first.outboxId);
    await settled(second.outboxId);
    await settled(fine.outboxId);
    await worker!.stop(100);
    worker = null;
    const waiting = await queueConfirmation("waiting@example.com");
    await db.updateTable("outbox").set({ created_at: "2026-11-23T09:00:00.000Z" }).where("id", "=", waiting.outboxId).execute();

    const status = await getOutboxStatus(db, new Date("2026-11-23T10:30:00.000Z"));
    expect(status).toEqual({
      counts: { pending: 1, sending: 0, sent: 1, dead: 2 },
      oldestPending: { id: waiting.outboxId, createdAt: "2026-11-23T09:00:00.000Z", ageSeconds: 90 * 60 },
    });
    const dead = await listDeadMessages(db);
    expect(dead.map((message) => message.id).sort()).toEqual([first.outboxId, second.outboxId].sort());
    expect(dead[0]).toMatchObject({ template: "submission-confirmation", attempts: 1 });
    expect(JSON.stringify(dead)).not.toContain("@example.com");
    expect(dead[0]!.reason).toContain("550 5.1.1 <[address]> unknown");

    expect(await retryMessage(db, fine.outboxId, new Date())).toBe("not_retryable");
    expect(await retryMessage(db, 999_999, new Date())).toBe("not_found");
    refuse.clear();
    expect(await retryMessage(db, first.outboxId, new Date())).toBe("queued");
    expect(await outboxRow(first.outboxId)).toMatchObject({ state: "pending", attempts: 0 });
    expect(await retryDeadMessages(db, new Date())).toBe(1);

    await startWorker();
    for (const id of [first.outboxId, second.outboxId, waiting.outboxId]) expect(await settled(id)).toMatchObject({ state: "sent", attempts: 1 });
    expect((await getOutboxStatus(db, new Date())).counts).toEqual({ pending: 0, sending: 0, sent: 4, dead: 0 });
  });
});
