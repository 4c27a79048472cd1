import type { Executor } from "~db/client";

import type { FlagMatch } from "./safety-flags";
import { SKETCH_MIN_SHARED, fingerprint, isNearDuplicate, textSketch } from "./text-similarity.server";

const MAX_CANDIDATES = 50;

/**
 * Runs in the transaction that saves a response: links it to an earlier response with the same or
 * nearly the same text, and raises automatic flags for safety concerns and complaints.
 */
export async function screenSubmission(
  trx: Executor,
  { submissionId, texts, now, matchFlags }: { submissionId: number; texts: string[]; now: Date; matchFlags: (texts: readonly string[]) => FlagMatch[] },
): Promise<void> {
  const exact = fingerprint(texts);
  const sketch = textSketch(texts);
  let duplicateOf: number | null = null;

  if (exact) {
    const earlier = await trx
      .selectFrom("submissions")
      .select("id")
      .where("text_fingerprint", "=", exact)
      .where("id", "!=", submissionId)
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    duplicateOf = earlier?.id ?? null;
  }
  if (sketch.length > 0) {
    if (duplicateOf === null) duplicateOf = await findNearDuplicate(trx, submissionId, texts, sketch);
    await trx
      .insertInto("submission_text_sketch")
      .values(sketch.map((value) => ({ value, submission_id: submissionId })))
      .execute();
  }
  await trx
    .updateTable("submissions")
    .set({ text_fingerprint: exact, duplicate_of_id: duplicateOf })
    .where("id", "=", submissionId)
    .execute();

  const flags = matchFlags(texts);
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

async function findNearDuplicate(trx: Executor, submissionId: number, texts: string[], sketch: number[]): Promise<number | null> {
  const candidates = await trx
    .selectFrom("submission_text_sketch")
    .select(["submission_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("value", "in", sketch)
    .where("submission_id", "!=", submissionId)
    .groupBy("submission_id")
    .having((eb) => eb.fn.countAll(), ">=", SKETCH_MIN_SHARED)
    .orderBy("shared", "desc")
    .orderBy("submission_id")
    .limit(MAX_CANDIDATES)
    .execute();
  if (candidates.length === 0) return null;
  const rows = await trx
    .selectFrom("priorities")
    .select(["submission_id", "what_text", "why_text"])
    .where(
      "submission_id",
      "in",
      candidates.map((candidate) => candidate.submission_id),
    )
    .orderBy("submission_id")
    .orderBy("rank")
    .execute();
  const textsBySubmission = new Map<number, string[]>();
  for (const row of rows) {
    const list = textsBySubmission.get(row.submission_id) ?? [];
    list.push(row.what_text, ...(row.why_text ? [row.why_text] : []));
    textsBySubmission.set(row.submission_id, list);
  }
  for (const [candidateId, candidateTexts] of textsBySubmission) {
    if (isNearDuplicate(texts, candidateTexts)) return candidateId;
  }
  return null;
}

/** The texts a response is compared and screened on: every priority's what and why, in rank order. */
export function screeningTexts(priorities: readonly { what: string; why: string | null }[]): string[] {
  return priorities.flatMap((priority) => [priority.what, ...(priority.why ? [priority.why] : [])]);
}
