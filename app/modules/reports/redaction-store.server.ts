import { sql } from "kysely";

import type { DB, Executor } from "~db/client";

import { REDACTION_RULES_VERSION, redactPersonalDetails } from "./redaction";

/**
 * Redacted priority text, stored so that a CSV export of a quarter of a million priorities does
 * not spend seconds redacting them all again (docs/decisions/012-report-csv-exports.md). Triggers
 * add a row for every new priority and mark it stale when its text changes; this fills them in.
 * Exports use a stored redaction only when it was made under the current rules, and redact
 * anything else as they go, so what leaves the service is always redacted.
 */

export interface StoreRedactionsOptions {
  /** Priorities redacted per transaction. */
  batchSize?: number;
  /** Stop after about this many (whole batches), so one run never holds the server for long. */
  limit?: number;
}

/**
 * Redacts priorities without an up-to-date redaction, a batch per transaction, letting other
 * requests run between batches. Returns how many it redacted.
 */
export async function storePendingRedactions(db: DB, { batchSize = 500, limit = Infinity }: StoreRedactionsOptions = {}): Promise<number> {
  let total = 0;
  while (total < limit) {
    const redacted = await inWriteTransaction(db, async (trx) => {
      const pending = await trx
        .selectFrom("priority_redactions as r")
        .innerJoin("priorities as p", "p.id", "r.priority_id")
        .select(["r.priority_id", "p.what_text", "p.why_text"])
        .where((eb) => eb.or([eb("r.rules_version", "<", REDACTION_RULES_VERSION), eb("r.rules_version", ">", REDACTION_RULES_VERSION)]))
        .limit(batchSize)
        .execute();
      if (pending.length === 0) return 0;
      await trx
        .insertInto("priority_redactions")
        .values(
          pending.map((row) => ({
            priority_id: row.priority_id,
            rules_version: REDACTION_RULES_VERSION,
            what_text: redactPersonalDetails(row.what_text).text,
            why_text: row.why_text === null ? null : redactPersonalDetails(row.why_text).text,
          })),
        )
        .onConflict((conflict) =>
          conflict.column("priority_id").doUpdateSet((eb) => ({
            rules_version: eb.ref("excluded.rules_version"),
            what_text: eb.ref("excluded.what_text"),
            why_text: eb.ref("excluded.why_text"),
          })),
        )
        .execute();
      return pending.length;
    });
    total += redacted;
    if (redacted < batchSize) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/**
 * A transaction that takes SQLite's write lock at its start (BEGIN IMMEDIATE), waiting for it up
 * to the busy timeout. A plain transaction that reads first fails at once with "database is
 * locked" when another process (the CLI) writes between its read and its write.
 */
async function inWriteTransaction<T>(db: DB, work: (trx: Executor) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
