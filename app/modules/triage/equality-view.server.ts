import type { Executor } from "~db/client";

import { equalityQuestions, ethnicBackgrounds, isEthnicGroupCode } from "~/modules/submissions/equality-options";
import { findEqualityAnswers } from "~/modules/submissions/equality.server";
import { labelFor } from "~/modules/submissions/options";

/** A response's equality answers as question and answer, for staff with read:equality. */
export async function loadEqualityAnswers(db: Executor, submissionId: number): Promise<{ question: string; answer: string }[] | null> {
  const stored = await findEqualityAnswers(db, submissionId);
  if (!stored) return null;
  const rows: { question: string; answer: string }[] = equalityQuestions.map((question) => ({
    question: question.legend,
    answer: labelFor(question.options, stored.answers[question.name]) ?? "Not answered",
  }));
  const group = stored.answers.ethnicGroup;
  if (isEthnicGroupCode(group) && stored.ethnicBackground) {
    rows.push({ question: ethnicBackgrounds[group].legend, answer: labelFor(ethnicBackgrounds[group].options, stored.ethnicBackground) ?? "Not answered" });
  }
  return rows;
}
