import type { Executor } from "~db/client";
import type { SubmissionChannel } from "~db/schema";

import { enqueueEmail } from "~/modules/mail/outbox.server";
import type { FlagMatch } from "~/modules/triage/safety-flags";
import { recordScreening, screeningTexts, screenTexts } from "~/modules/triage/screening.server";
import type { JourneyReferenceData } from "~/modules/reference-data/queries.server";

import type { DraftAnswers } from "./drafts.server";
import type { JourneyPage } from "./journey-paths";
import {
  aboutYouSchemaFor,
  priorityField,
  priorityRanks,
  prioritiesSchema,
  stayInTouchSchema,
  type AboutYouAnswers,
  type PrioritiesAnswers,
  type StayInTouchAnswers,
} from "./journey-schemas";
import { PREFER_NOT_TO_SAY, trustOtherCodes } from "./options";
import { generateReference } from "./reference";

export interface CompletedResponse {
  priorities: PrioritiesAnswers;
  aboutYou: AboutYouAnswers;
  stayInTouch: StayInTouchAnswers;
}

export type JourneyValidation = { ok: true; response: CompletedResponse } | { ok: false; page: JourneyPage };

/** Checks every page of a draft with the same schemas the pages use; reports the first page to fix. */
export function validateDraftAnswers(answers: DraftAnswers, referenceData: JourneyReferenceData): JourneyValidation {
  const priorities = prioritiesSchema.safeParse(answers.pages.priorities ?? {});
  if (!priorities.success) return { ok: false, page: "priorities" };
  const aboutYou = aboutYouSchemaFor(referenceData).safeParse(answers.pages.aboutYou ?? {});
  if (!aboutYou.success) return { ok: false, page: "aboutYou" };
  const stayInTouch = stayInTouchSchema.safeParse(answers.pages.stayInTouch ?? {});
  if (!stayInTouch.success) return { ok: false, page: "stayInTouch" };
  return { ok: true, response: { priorities: priorities.data, aboutYou: aboutYou.data, stayInTouch: stayInTouch.data } };
}

export interface NewSubmissionRequest {
  campaign: { id: number; code: string };
  response: CompletedResponse;
  referenceData: JourneyReferenceData;
  idempotencyKey: string;
  channel: SubmissionChannel;
  receivedAt: Date;
  now: Date;
  messageIdDomain: string;
  /** Finds safety and complaint phrases; matches raise automatic flags. */
  matchFlags: (texts: readonly string[]) => FlagMatch[];
  /** For responses entered by staff from paper, email, phone or events. */
  enteredByUserId?: number | null;
}

export interface SubmissionReceipt {
  submissionId: number;
  reference: string;
  /** False when this idempotency key had already created the submission. */
  created: boolean;
}

/**
 * Writes one submission with its priorities, answers and (when the person gave an email address)
 * its confirmation email, in the caller's transaction. A repeated idempotency key writes nothing
 * and returns the first submission. Use SubmissionWriter rather than calling this directly.
 */
export async function insertSubmission(trx: Executor, request: NewSubmissionRequest): Promise<SubmissionReceipt> {
  const { response, referenceData, now } = request;
  const reference = generateReference(request.campaign.code);
  const { aboutYou, stayInTouch } = response;
  const placeId = referenceData.places.find((place) => place.code === aboutYou.place)?.id ?? null;
  const email = stayInTouch.email || null;

  const answered = priorityRanks
    .filter(({ rank }) => response.priorities[priorityField.what(rank)])
    .map(({ rank }) => ({
      rank,
      what_text: response.priorities[priorityField.what(rank)],
      why_text: response.priorities[priorityField.why(rank)] || null,
      support_needed: response.priorities[priorityField.support(rank)] || null,
    }));
  const screening = await screenTexts(trx, screeningTexts(answered.map((priority) => ({ what: priority.what_text, why: priority.why_text }))), request.matchFlags);

  const submission = await trx
    .insertInto("submissions")
    .values({
      reference,
      campaign_id: request.campaign.id,
      idempotency_key: request.idempotencyKey,
      channel: request.channel,
      received_at: request.receivedAt.toISOString(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      place_id: placeId,
      place_prefer_not_to_say: aboutYou.place === PREFER_NOT_TO_SAY ? 1 : 0,
      cancer_type: aboutYou.cancerType || null,
      organisation_name: aboutYou.respondentTypes.includes("organisation") ? aboutYou.organisationName || null : null,
      email,
      opt_in_updates: stayInTouch.contactPreferences.includes("updates") ? 1 : 0,
      opt_in_involvement: stayInTouch.contactPreferences.includes("involvement") ? 1 : 0,
      status: "new",
      entered_by_user_id: request.enteredByUserId ?? null,
      text_fingerprint: screening.fingerprint,
      duplicate_of_id: screening.duplicateOf,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!submission) {
    const existing = await trx
      .selectFrom("submissions")
      .select(["id", "reference"])
      .where("idempotency_key", "=", request.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { submissionId: existing.id, reference: existing.reference, created: false };
  }

  await trx
    .insertInto("priorities")
    .values(answered.map((priority) => ({ submission_id: submission.id, ...priority })))
    .execute();
  await recordScreening(trx, submission.id, screening, now);

  if (aboutYou.respondentTypes.length > 0) {
    await trx
      .insertInto("submission_respondent_types")
      .values(aboutYou.respondentTypes.map((type) => ({ submission_id: submission.id, respondent_type: type })))
      .execute();
  }
  if (aboutYou.trusts.length > 0) {
    await trx
      .insertInto("submission_trusts")
      .values(
        aboutYou.trusts.map((code) => {
          const isOther = (trustOtherCodes as readonly string[]).includes(code);
          return {
            submission_id: submission.id,
            trust_id: isOther ? null : (referenceData.trusts.find((trust) => trust.code === code)?.id ?? null),
            other_answer: isOther ? code : null,
          };
        }),
      )
      .execute();
  }
  if (email) {
    await enqueueEmail(trx, {
      template: "submission-confirmation",
      recipient: email,
      payload: { reference },
      submissionId: submission.id,
      messageIdDomain: request.messageIdDomain,
      now,
    });
  }
  return { submissionId: submission.id, reference, created: true };
}
