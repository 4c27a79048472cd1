import type { DB, Executor } from "~db/client";
import { writeInBatches, type BatchOptions } from "~db/write-transaction";

import type { FlagMatch } from "./safety-flags";
import { SKETCH_MIN_SHARED, comparableText, fingerprint, isNearDuplicate, textSketch, type ComparableText } from "./text-similarity.server";

const MAX_CANDIDATES = 50;

export interface Screening {
  /** Normalised text's fingerprint, for exact duplicates; null when there is no text. */
  fingerprint: string | null;
  /** The earliest response with the same text (near duplicates are looked for afterwards). */
  duplicateOf: number | null;
  flags: FlagMatch[];
}

/**
 * Screens a response's text before it is saved, in the same transaction: finds an earlier
 * response with exactly the same text, and the safety and complaint phrases it contains. The
 * response row is then written with the result, and recordScreening() keeps the rest. Looking for
 * near duplicates compares the text with every earlier response sharing its sketch, which grows
 * with the number of responses, so it is left to screenPendingNearDuplicates() in the background.
 */
export async function screenTexts(trx: Executor, texts: string[], matchFlags: (texts: readonly string[]) => FlagMatch[]): Promise<Screening> {
  const exact = fingerprint(texts);
  const earlier = exact
    ? await trx.selectFrom("submissions").select("id").where("text_fingerprint", "=", exact).orderBy("id").limit(1).executeTakeFirst()
    : undefined;
  return { fingerprint: exact, duplicateOf: earlier?.id ?? null, flags: matchFlags(texts) };
}

/** Queues the new response's near-duplicate check and raises its automatic flags. */
export async function recordScreening(trx: Executor, submissionId: number, { flags }: Screening, now: Date): Promise<void> {
  await trx.insertInto("near_duplicate_checks").values({ submission_id: submissionId }).execute();
  if (flags.length > 0) {
    await trx
      .insertInto("submission_flags")
      .values(
        flags.map((flag) => ({
          submission_id: submissionId,
          kind: flag.kind,
          source: "auto" as const,
          matched_phrase: flag.phrase,
          raised_by_user_id: null,
          raised_at: now.toISOString(),
          actioned_by_user_id: null,
          actioned_at: null,
          action_note: null,
        })),
      )
      .onConflict((oc) => oc.columns(["submission_id", "kind"]).doNothing())
      .execute();
  }
}

/**
 * Runs the queued near-duplicate checks, oldest response first, a batch per transaction, letting
 * other requests run between batches. Each check stores the response's text sketch (for later
 * checks) and, unless it is already an exact duplicate, compares it with earlier responses only,
 * so the result does not depend on when the check runs. Returns how many responses it checked.
 */
export async function screenPendingNearDuplicates(db: DB, { batchSize = 20, limit }: BatchOptions = {}): Promise<number> {
  // Most runs find nothing queued: they look without taking the write lock.
  const queued = await db.selectFrom("near_duplicate_checks").select("submission_id").limit(1).executeTakeFirst();
  if (!queued) return 0;
  return writeInBatches(db, { batchSize, limit }, async (trx, size) => {
    const pending = await trx
      .selectFrom("near_duplicate_checks as c")
      .innerJoin("submissions as s", "s.id", "c.submission_id")
      .select(["s.id", "s.duplicate_of_id"])
      .orderBy("c.submission_id")
      .limit(size)
      .execute();
    if (pending.length === 0) return 0;
    for (const submission of pending) await checkNearDuplicate(trx, submission);
    await trx
      .deleteFrom("near_duplicate_checks")
      .where(
        "submission_id",
        "in",
        pending.map((row) => row.id),
      )
      .execute();
    return pending.length;
  });
}

async function checkNearDuplicate(trx: Executor, submission: { id: number; duplicate_of_id: number | null }): Promise<void> {
  const text = comparableText((await screeningTextsOf(trx, [submission.id])).get(submission.id) ?? []);
  const sketch = textSketch(text);
  if (sketch.length === 0) return;
  await trx
    .insertInto("submission_text_sketch")
    .values(sketch.map((value) => ({ value, submission_id: submission.id })))
    .execute();
  if (submission.duplicate_of_id !== null) return;
  const duplicateOf = await findEarlierNearDuplicate(trx, submission.id, text, sketch);
  if (duplicateOf !== null) await trx.updateTable("submissions").set({ duplicate_of_id: duplicateOf }).where("id", "=", submission.id).execute();
}

async function findEarlierNearDuplicate(trx: Executor, submissionId: number, text: ComparableText, sketch: number[]): Promise<number | null> {
  const candidates = await trx
    .selectFrom("submission_text_sketch")
    .select(["submission_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("value", "in", sketch)
    .where("submission_id", "<", submissionId)
    .groupBy("submission_id")
    .having((eb) => eb.fn.countAll(), ">=", SKETCH_MIN_SHARED)
    .orderBy("shared", "desc")
    .orderBy("submission_id")
    .limit(MAX_CANDIDATES)
    .execute();
  if (candidates.length === 0) return null;
  // Earliest first: a response is marked as a copy of the first one it nearly repeats.
  for (const [candidateId, candidateTexts] of await screeningTextsOf(
    trx,
    candidates.map((candidate) => candidate.submission_id),
  )) {
    if (isNearDuplicate(text, comparableText(candidateTexts))) return candidateId;
  }
  return null;
}

async function screeningTextsOf(trx: Executor, submissionIds: number[]): Promise<Map<number, string[]>> {
  const rows = await trx
    .selectFrom("priorities")
    .select(["submission_id", "what_text", "why_text"])
    .where("submission_id", "in", submissionIds)
    .orderBy("submission_id")
    .orderBy("rank")
    .execute();
  const prioritiesBySubmission = new Map<number, { what: string; why: string | null }[]>();
  for (const row of rows) {
    const list = prioritiesBySubmission.get(row.submission_id) ?? [];
    list.push({ what: row.what_text, why: row.why_text });
    prioritiesBySubmission.set(row.submission_id, list);
  }
  return new Map([...prioritiesBySubmission].map(([id, priorities]) => [id, screeningTexts(priorities)]));
}

/** The texts a response is compared and screened on: every priority's what and why, in rank order. */
export function screeningTexts(priorities: readonly { what: string; why: string | null }[]): string[] {
  return priorities.flatMap((priority) => [priority.what, ...(priority.why ? [priority.why] : [])]);
}
