import { randomUUID } from "node:crypto";

import type { Executor } from "~db/client";

import { templatesWithSecrets } from "./templates.server";

export interface EnqueueEmail {
  template: string;
  recipient: string;
  /** Props for the email component. Never health information: see docs/privacy.md. */
  payload: Record<string, unknown>;
  submissionId?: number | null;
  /** Domain for the Message-ID, usually the service's host name. */
  messageIdDomain: string;
  now: Date;
}

/**
 * Queues an email in the caller's transaction, so it exists exactly when the thing it is about
 * exists. The Message-ID is fixed here, once, so every delivery attempt carries the same one.
 */
export async function enqueueEmail(db: Executor, email: EnqueueEmail): Promise<number> {
  const row = await db
    .insertInto("outbox")
    .values({
      template: email.template,
      recipient: email.recipient,
      payload: JSON.stringify(email.payload),
      state: "pending",
      attempts: 0,
      next_attempt_at: email.now.toISOString(),
      lease_expires_at: null,
      last_error: null,
      message_id: `<${randomUUID()}@${email.messageIdDomain}>`,
      submission_id: email.submissionId ?? null,
      created_at: email.now.toISOString(),
      sent_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A message the worker has taken for delivery: its row is `sending` under a lease. */
export interface ClaimedMessage {
  id: number;
  template: string;
  recipient: string | null;
  payload: string;
  messageId: string;
  submissionId: number | null;
  /** Including the attempt now starting. */
  attempts: number;
  /** For a message about a submission: its campaign's "summary due" words. */
  summaryDue: string | null;
}

export interface ClaimRequest {
  limit: number;
  now: Date;
  leaseMs: number;
  /** Messages this worker already holds, never taken twice. */
  exclude: number[];
}

/**
 * Takes up to `limit` messages that are due: pending ones whose time has come, and `sending` ones
 * whose lease has run out (their worker stopped mid-send, so the outcome is unknown and they go
 * again). Each is marked `sending` until now + lease and its attempt is counted.
 */
export async function claimDueMessages(db: Executor, { limit, now, leaseMs, exclude }: ClaimRequest): Promise<ClaimedMessage[]> {
  const nowIso = now.toISOString();
  // Two small queries rather than one with OR: each walks its index in order and stops at the
  // limit, instead of sorting every due message on each claim.
  const expired = await db
    .selectFrom("outbox")
    .select("id")
    .where("state", "=", "sending")
    .where("lease_expires_at", "<=", nowIso)
    .$if(exclude.length > 0, (q) => q.where("id", "not in", exclude))
    .orderBy("lease_expires_at")
    .limit(limit)
    .execute();
  const pending =
    expired.length < limit
      ? await db
          .selectFrom("outbox")
          .select("id")
          .where("state", "=", "pending")
          .where("next_attempt_at", "<=", nowIso)
          .orderBy("next_attempt_at")
          .orderBy("id")
          .limit(limit - expired.length)
          .execute()
      : [];
  const ids = [...expired, ...pending].map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable("outbox")
    .set((eb) => ({
      state: "sending",
      lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "in", ids)
    .returning(["id", "template", "recipient", "payload", "message_id", "submission_id", "attempts"])
    .execute();
  const submissionIds = [...new Set(rows.flatMap((row) => (row.submission_id === null ? [] : [row.submission_id])))];
  const summaries = new Map<number, string | null>();
  if (submissionIds.length > 0) {
    const found = await db
      .selectFrom("submissions")
      .innerJoin("campaigns", "campaigns.id", "submissions.campaign_id")
      .select(["submissions.id", "campaigns.summary_due"])
      .where("submissions.id", "in", submissionIds)
      .execute();
    for (const row of found) summaries.set(row.id, row.summary_due);
  }
  return rows
    .map((row) => ({
      id: row.id,
      template: row.template,
      recipient: row.recipient,
      payload: row.payload,
      messageId: row.message_id,
      submissionId: row.submission_id,
      attempts: row.attempts,
      summaryDue: row.submission_id === null ? null : (summaries.get(row.submission_id) ?? null),
    }))
    .sort((a, b) => a.id - b.id);
}

export type DeliveryOutcome =
  | { id: number; result: "sent"; template: string; submissionId: number | null }
  | { id: number; result: "retry"; nextAttemptAt: Date; error: string }
  | { id: number; result: "dead"; error: string }
  /** The worker stopped before the attempt finished: the message goes back to pending, due now. */
  | { id: number; result: "released"; started: boolean };

/** Who keeps their email address once their confirmation is sent (RESPONDENT_EMAIL_RETENTION). */
export type EmailRetention = "opted-in" | "all";

/**
 * Writes what happened to each message, in the caller's transaction. Only rows still `sending`
 * change, so an outcome never overwrites a state set by someone else meanwhile.
 *
 * A sent message no longer needs its address, so it is removed from the row; and, by the
 * retention setting, from the response a confirmation was about unless the person asked to hear
 * from us again.
 */
export async function recordOutcomes(db: Executor, outcomes: DeliveryOutcome[], { now, retention }: { now: Date; retention: EmailRetention }): Promise<void> {
  const nowIso = now.toISOString();
  const sent = outcomes.filter((outcome) => outcome.result === "sent");
  if (sent.length > 0) {
    await db
      .updateTable("outbox")
      .set({ state: "sent", sent_at: nowIso, lease_expires_at: null, last_error: null, recipient: null })
      .where("id", "in", sent.map((outcome) => outcome.id))
      .where("state", "=", "sending")
      .execute();
    await db
      .updateTable("outbox")
      .set({ payload: "{}" })
      .where("id", "in", sent.map((outcome) => outcome.id))
      .where("template", "in", templatesWithSecrets)
      .execute();
    const confirmed = sent.flatMap((outcome) => (outcome.template === "submission-confirmation" && outcome.submissionId !== null ? [outcome.submissionId] : []));
    if (retention === "opted-in" && confirmed.length > 0) await forgetAddressesUnlessOptedIn(db, confirmed);
  }
  for (const outcome of outcomes) {
    const row = db.updateTable("outbox").where("id", "=", outcome.id).where("state", "=", "sending");
    if (outcome.result === "retry") {
      await row.set({ state: "pending", next_attempt_at: outcome.nextAttemptAt.toISOString(), lease_expires_at: null, last_error: outcome.error }).execute();
    } else if (outcome.result === "dead") {
      await row.set({ state: "dead", lease_expires_at: null, last_error: outcome.error }).execute();
    } else if (outcome.result === "released") {
      await row
        .set((eb) => ({
          state: "pending",
          next_attempt_at: nowIso,
          lease_expires_at: null,
          // An attempt that never started is not counted.
          attempts: outcome.started ? eb.ref("attempts") : eb("attempts", "-", 1),
        }))
        .execute();
    }
  }
}

async function forgetAddressesUnlessOptedIn(db: Executor, submissionIds: number[]): Promise<void> {
  await db
    .updateTable("submissions")
    .set({ email: null })
    .where("id", "in", submissionIds)
    .where("opt_in_updates", "=", 0)
    .where("opt_in_involvement", "=", 0)
    .execute();
}
