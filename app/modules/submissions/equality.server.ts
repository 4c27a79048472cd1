import type { Executor } from "~db/client";
import type { EqualityAnswerTable } from "~db/schema";

import { PREFER_NOT_TO_SAY } from "./options";
import { equalityAnswerColumns, ethnicBackgrounds, isEthnicGroupCode } from "./equality-options";
import type { EqualityAnswers } from "./journey-schemas";

export interface StoredEquality {
  answers: EqualityAnswers;
  ethnicBackground: string;
}

export async function findEqualityAnswers(db: Executor, submissionId: number): Promise<StoredEquality | null> {
  const row = await db.selectFrom("equality_answers").selectAll().where("submission_id", "=", submissionId).executeTakeFirst();
  if (!row) return null;
  const answers = Object.fromEntries(
    Object.entries(equalityAnswerColumns).map(([field, column]) => [field, row[column] ?? ""]),
  ) as EqualityAnswers;
  return { answers, ethnicBackground: row.ethnic_background ?? "" };
}

/** True when the chosen ethnic group has a follow-up question about background. */
export function asksEthnicBackground(ethnicGroup: string): boolean {
  return ethnicGroup !== PREFER_NOT_TO_SAY && isEthnicGroupCode(ethnicGroup) && ethnicBackgrounds[ethnicGroup].options.length > 0;
}

/** Saves the main equality answers; a changed ethnic group clears the background chosen for the old one. */
export async function saveEqualityAnswers(db: Executor, submissionId: number, answers: EqualityAnswers, now: Date): Promise<void> {
  const existing = await findEqualityAnswers(db, submissionId);
  const values = Object.fromEntries(
    Object.entries(equalityAnswerColumns).map(([field, column]) => [column, answers[field as keyof EqualityAnswers] || null]),
  ) as Pick<EqualityAnswerTable, (typeof equalityAnswerColumns)[keyof typeof equalityAnswerColumns]>;
  const ethnicBackground =
    existing && existing.answers.ethnicGroup === answers.ethnicGroup ? existing.ethnicBackground || null : null;
  await db
    .insertInto("equality_answers")
    .values({ submission_id: submissionId, ...values, ethnic_background: ethnicBackground, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("submission_id").doUpdateSet({ ...values, ethnic_background: ethnicBackground }))
    .execute();
}

export async function saveEthnicBackground(db: Executor, submissionId: number, ethnicBackground: string): Promise<void> {
  await db
    .updateTable("equality_answers")
    .set({ ethnic_background: ethnicBackground || null })
    .where("submission_id", "=", submissionId)
    .execute();
}

export async function findSubmissionReference(db: Executor, submissionId: number): Promise<string | undefined> {
  const row = await db.selectFrom("submissions").select("reference").where("id", "=", submissionId).executeTakeFirst();
  return row?.reference;
}
