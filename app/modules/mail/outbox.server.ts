import { randomUUID } from "node:crypto";

import type { Executor } from "~db/client";

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
