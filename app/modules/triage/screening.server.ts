import type { Executor } from "~db/client";

import type { FlagMatch } from "./safety-flags";
import { SKETCH_MIN_SHARED, fingerprint, isNearDuplicate, textSketch } from "./text-similarity.server";

const MAX_CANDIDATES = 50;

export interface Screening {
  /** Normalised text's fingerprint, for exact duplicates; null when there is no text. */
  fingerprint: string | null;
  sketch: number[];
  /** The earliest response with the same or nearly the same text. */
  duplicateOf: number | null;
  flags: FlagMatch[];
}

/**
 * Screens a response's text before it is saved, in the same transaction: finds an earlier
 * response with the same or nearly the same text, and the safety and complaint phrases it
 * contains. The response row is then written with the result, and recordScreening() keeps the rest.
 */
export async function screenTexts(trx: Executor, texts: string[], matchFlags: (texts: readonly string[]) => FlagMatch[]): Promise<Screening> {
  const exact = fingerprint(texts);
  const sketch = textSketch(texts);
  let duplicateOf: number | null = null;
  if (exact) {
    const earlier = await trx.selectFrom("submissions").select("id").where("text_fingerprint", "=", exact).orderBy("id").limit(1).executeTakeFirst();
    duplicateOf = earlier?.id ?? null;
  }
  if (duplicateOf === null && sketch.length > 0) duplicateOf = await findNearDuplicate(trx, texts, sketch);
  return { fingerprint: exact, sketch, duplicateOf, flags: matchFlags(texts) };
}

/** Keeps the new response's text sketch (for later near-duplicate checks) and raises its automatic flags. */
export async function recordScreening(trx: Executor, submissionId: number, { sketch, flags }: Screening, now: Date): Promise<void> {
  if (sketch.length > 0) {
    await trx
      .insertInto("submission_text_sketch")
      .values(sketch.map((value) => ({ value, submission_id: submissionId })))
      .execute();
  }
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

async function findNearDuplicate(trx: Executor, texts: string[], sketch: number[]): Promise<number | null> {
  const candidates = await trx
    .selectFrom("submission_text_sketch")
    .select(["submission_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("value", "in", sketch)
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
