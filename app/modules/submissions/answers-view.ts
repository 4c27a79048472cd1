import type { JourneyReferenceData, ReferenceOption } from "~/modules/reference-data/queries.server";

import { priorityField, priorityRanks, type PriorityRank } from "./journey-schemas";
import {
  PREFER_NOT_TO_SAY,
  cancerTypeOptions,
  contactPreferenceOptions,
  labelFor,
  respondentTypeOptions,
  supportOptions,
  trustOtherOptions,
} from "./options";
import type { CompletedResponse } from "./submit.server";

/** A response as words on a page: what the check answers page and the printable copy show. */
export interface AnswersView {
  priorities: { rank: PriorityRank; ordinal: string; what: string; why: string | null; support: string | null }[];
  respondentTypes: string[];
  organisationName: string | null;
  place: string | null;
  trusts: string[];
  cancerType: string | null;
  email: string | null;
  contactPreferences: string[];
}

function nameOf(options: ReferenceOption[], code: string): string | undefined {
  return options.find((option) => option.code === code)?.name;
}

export function answersViewFromResponse(response: CompletedResponse, referenceData: JourneyReferenceData): AnswersView {
  const { priorities, aboutYou, stayInTouch } = response;
  return {
    priorities: priorityRanks
      .filter(({ rank }) => priorities[priorityField.what(rank)])
      .map(({ rank, Word }) => ({
        rank,
        ordinal: Word,
        what: priorities[priorityField.what(rank)],
        why: priorities[priorityField.why(rank)] || null,
        support: labelFor(supportOptions, priorities[priorityField.support(rank)]) ?? null,
      })),
    respondentTypes: aboutYou.respondentTypes.map((code) => labelFor(respondentTypeOptions, code) ?? code),
    organisationName: aboutYou.respondentTypes.includes("organisation") ? aboutYou.organisationName || null : null,
    place:
      aboutYou.place === PREFER_NOT_TO_SAY
        ? "Prefer not to say"
        : (nameOf(referenceData.places, aboutYou.place) ?? null),
    trusts: aboutYou.trusts.map(
      (code) => nameOf(referenceData.trusts, code) ?? labelFor(trustOtherOptions, code) ?? code,
    ),
    cancerType: labelFor(cancerTypeOptions, aboutYou.cancerType) ?? null,
    email: stayInTouch.email || null,
    contactPreferences: stayInTouch.contactPreferences.map((code) => labelFor(contactPreferenceOptions, code) ?? code),
  };
}
