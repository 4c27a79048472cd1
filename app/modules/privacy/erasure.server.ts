import { truncateWriteAheadLog, type DB } from "~db/client";

import { recordAudit, type Actor } from "~/modules/audit/audit-log.server";

import type { ErasureReason } from "./erasure-reasons";

/** Responses erased at once by the retention job, each batch one transaction. */
const RETENTION_BATCH = 500;

interface Erasure {
  reason: ErasureReason;
  /** Null when the service erases on its own (retention). */
  actor: Actor | null;
  clientAddress: string | null;
  now: Date;
}

/**
 * Deletes responses for good: their priorities, themes, notes, flags, equality answers and text
 * sketches go with them (foreign keys cascade), and so do any unsent emails to the person and the
 * draft that sent the response. Responses marked as duplicates of them are unlinked. The audit log
 * keeps one entry with the references, the reason and who did it, and nothing the person wrote.
 * With secure_delete and an emptied write-ahead log, the words are gone from the files as well.
 */
export async function eraseResponses(db: DB, ids: readonly number[], { reason, actor, clientAddress, now }: Erasure): Promise<string[]> {
  if (ids.length === 0) return [];
  const references = await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom("submissions").select(["id", "reference"]).where("id", "in", ids).orderBy("id").execute();
    if (found.length === 0) return [];
    const foundIds = found.map((row) => row.id);
    await trx.updateTable("submissions").set({ duplicate_of_id: null }).where("duplicate_of_id", "in", foundIds).execute();
    await trx.deleteFrom("outbox").where("submission_id", "in", foundIds).execute();
    await trx.deleteFrom("drafts").where("submission_id", "in", foundIds).execute();
    await trx.deleteFrom("submissions").where("id", "in", foundIds).execute();
    const erased = found.map((row) => row.reference);
    await recordAudit(trx, {
      action: "response.erased",
      actor,
      target: found.length === 1 ? { type: "response", id: found[0]!.id } : null,
      clientAddress,
      details: { reason, references: erased },
      at: now,
    });
    return erased;
  });
  if (references.length > 0) await truncateWriteAheadLog(db);
  return references;
}

/** Erases every response received more than `months` months ago; returns how many. */
export async function eraseExpiredResponses(db: DB, now: Date, months: number): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  let erased = 0;
  for (;;) {
    const batch = await db.selectFrom("submissions").select("id").where("received_at", "<", cutoff.toISOString()).orderBy("id").limit(RETENTION_BATCH).execute();
    if (batch.length === 0) return erased;
    erased += (await eraseResponses(db, batch.map((row) => row.id), { reason: "retention", actor: null, clientAddress: null, now })).length;
  }
}
