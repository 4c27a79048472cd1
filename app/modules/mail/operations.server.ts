import type { Executor } from "~db/client";
import type { OutboxState } from "~db/schema";

/**
 * What operators see and do with the outbox: `npm run mail` and the staff admin page both use
 * these. Nothing here returns an email address; failure reasons were stored without them.
 */

export interface OutboxStatus {
  counts: Record<OutboxState, number>;
  /** The pending message that has waited longest, or null when none is pending. */
  oldestPending: { id: number; createdAt: string; ageSeconds: number } | null;
}

export async function getOutboxStatus(db: Executor, now: Date): Promise<OutboxStatus> {
  const rows = await db
    .selectFrom("outbox")
    .select((eb) => ["state", eb.fn.countAll<number>().as("count")])
    .groupBy("state")
    .execute();
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, dead: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  const oldest = await db
    .selectFrom("outbox")
    .select(["id", "created_at"])
    .where("state", "=", "pending")
    .orderBy("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return {
    counts,
    oldestPending: oldest
      ? { id: oldest.id, createdAt: oldest.created_at, ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(oldest.created_at)) / 1000)) }
      : null,
  };
}

export interface DeadMessage {
  id: number;
  template: string;
  attempts: number;
  /** The SMTP reply or error that ended it, addresses removed. */
  reason: string | null;
  createdAt: string;
  submissionId: number | null;
}

/** Dead messages, newest first. */
export async function listDeadMessages(db: Executor, { limit = 100 }: { limit?: number } = {}): Promise<DeadMessage[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "template", "attempts", "last_error", "created_at", "submission_id"])
    .where("state", "=", "dead")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    template: row.template,
    attempts: row.attempts,
    reason: row.last_error,
    createdAt: row.created_at,
    submissionId: row.submission_id,
  }));
}

export type RetryResult = "queued" | "not_found" | "not_retryable";

/**
 * Sends a dead or pending message again as soon as the worker next looks (within a second or
 * two). A dead message starts a fresh set of attempts. Sent messages are never sent again, and a
 * message being sent is left to finish.
 */
export async function retryMessage(db: Executor, id: number, now: Date): Promise<RetryResult> {
  const updated = await db
    .updateTable("outbox")
    .set((eb) => ({
      state: "pending",
      next_attempt_at: now.toISOString(),
      attempts: eb.case().when("state", "=", "dead").then(0).else(eb.ref("attempts")).end(),
    }))
    .where("id", "=", id)
    .where("state", "in", ["dead", "pending"])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return "queued";
  const exists = await db.selectFrom("outbox").select("id").where("id", "=", id).executeTakeFirst();
  return exists ? "not_retryable" : "not_found";
}

/** Every dead message back to pending with a fresh set of attempts; returns how many. */
export async function retryDeadMessages(db: Executor, now: Date): Promise<number> {
  const updated = await db
    .updateTable("outbox")
    .set({ state: "pending", next_attempt_at: now.toISOString(), attempts: 0 })
    .where("state", "=", "dead")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}
