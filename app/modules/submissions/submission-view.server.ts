import type { Executor } from "~db/client";

import type { JourneyReferenceData } from "~/modules/reference-data/queries.server";

import { answersViewFromResponse, type AnswersView } from "./answers-view";
import { priorityField, type PrioritiesAnswers } from "./journey-schemas";
import type { CompletedResponse } from "./submit.server";

export interface SubmissionCopy {
  reference: string;
  receivedAt: string;
  view: AnswersView;
}

/** A saved response in the same shape as the check answers page, for the person's own copy. */
export async function loadSubmissionCopy(db: Executor, submissionId: number): Promise<SubmissionCopy | null> {
  const submission = await db
    .selectFrom("submissions")
    .leftJoin("places", "places.id", "submissions.place_id")
    .select([
      "submissions.reference",
      "submissions.received_at",
      "submissions.place_prefer_not_to_say",
      "submissions.cancer_type",
      "submissions.organisation_name",
      "submissions.email",
      "submissions.opt_in_updates",
      "submissions.opt_in_involvement",
      "places.code as place_code",
    ])
    .where("submissions.id", "=", submissionId)
    .executeTakeFirst();
  if (!submission) return null;

  const [priorities, respondentTypes, trusts, places, trustList] = await Promise.all([
    db.selectFrom("priorities").selectAll().where("submission_id", "=", submissionId).orderBy("rank").execute(),
    db.selectFrom("submission_respondent_types").select("respondent_type").where("submission_id", "=", submissionId).execute(),
    db
      .selectFrom("submission_trusts")
      .leftJoin("trusts", "trusts.id", "submission_trusts.trust_id")
      .select(["trusts.code", "submission_trusts.other_answer"])
      .where("submission_id", "=", submissionId)
      .execute(),
    db.selectFrom("places").select(["id", "code", "name"]).execute(),
    db.selectFrom("trusts").select(["id", "code", "name"]).execute(),
  ]);

  const prioritiesAnswers = Object.fromEntries(
    ([1, 2, 3] as const).flatMap((rank) => {
      const priority = priorities.find((p) => p.rank === rank);
      return [
        [priorityField.what(rank), priority?.what_text ?? ""],
        [priorityField.why(rank), priority?.why_text ?? ""],
        [priorityField.support(rank), priority?.support_needed ?? ""],
      ];
    }),
  ) as PrioritiesAnswers;

  const response: CompletedResponse = {
    priorities: prioritiesAnswers,
    aboutYou: {
      respondentTypes: respondentTypes.map((row) => row.respondent_type) as CompletedResponse["aboutYou"]["respondentTypes"],
      organisationName: submission.organisation_name ?? "",
      place: submission.place_prefer_not_to_say ? "prefer_not_to_say" : (submission.place_code ?? ""),
      trusts: trusts.map((row) => row.code ?? row.other_answer ?? ""),
      cancerType: (submission.cancer_type ?? "") as CompletedResponse["aboutYou"]["cancerType"],
    },
    stayInTouch: {
      email: submission.email ?? "",
      contactPreferences: [
        ...(submission.opt_in_updates ? (["updates"] as const) : []),
        ...(submission.opt_in_involvement ? (["involvement"] as const) : []),
      ],
    },
  };
  const referenceData: JourneyReferenceData = { places, trusts: trustList };
  return { reference: submission.reference, receivedAt: submission.received_at, view: answersViewFromResponse(response, referenceData) };
}
