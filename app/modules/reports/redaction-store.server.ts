import type { DB } from "~db/client";
import { writeInBatches, type BatchOptions } from "~db/write-transaction";

import { REDACTION_RULES_VERSION, redactPersonalDetails } from "./redaction";

/**
 * Redacted priority text, stored so that a CSV export of a quarter of a million priorities does
 * not spend seconds redacting them all again (docs/decisions/012-report-csv-exports.md). Triggers
 * add a row for every new priority and mark it stale when its text changes; this fills them in.
 * Exports use a stored redaction only when it was made under the current rules, and redact
 * anything else as they go, so what leaves the service is always redacted.
 */

/**
 * Redacts priorities without an up-to-date redaction, a batch per transaction, letting other
 * requests run between batches. Returns how many it redacted.
 */
export async function storePendingRedactions(db: DB, { batchSize = 500, limit }: BatchOptions = {}): Promise<number> {
  return writeInBatches(db, { batchSize, limit }, async (trx, size) => {
    const pending = await trx
      .selectFrom("priority_redactions as r")
      .innerJoin("priorities as p", "p.id", "r.priority_id")
      .select(["r.priority_id", "p.what_text", "p.why_text"])
      .where((eb) => eb.or([eb("r.rules_version", "<", REDACTION_RULES_VERSION), eb("r.rules_version", ">", REDACTION_RULES_VERSION)]))
      .limit(size)
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
}
