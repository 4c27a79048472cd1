import { z } from "zod";

import { choiceList, optionalChoice, optionalText, requiredText, tooLongMessage } from "~/modules/forms/fields";

import { equalityQuestions, ethnicBackgrounds, isEthnicGroupCode } from "./equality-options";
import {
  PREFER_NOT_TO_SAY,
  cancerTypeCodes,
  contactPreferenceCodes,
  exclusiveTrustCodes,
  respondentTypeCodes,
  supportCodes,
  trustOtherCodes,
} from "./options";

/**
 * One zod schema per page of the public journey. The same schema validates in the browser
 * (react-hook-form's zodResolver) and on the server, which is the authority.
 */

export const PRIORITY_MAX_CHARACTERS = 1000;
export const ORGANISATION_NAME_MAX_CHARACTERS = 200;
export const EMAIL_MAX_CHARACTERS = 254;

export const priorityRanks = [
  { rank: 1, word: "first", Word: "First" },
  { rank: 2, word: "second", Word: "Second" },
  { rank: 3, word: "third", Word: "Third" },
] as const;
export type PriorityRank = (typeof priorityRanks)[number]["rank"];

export const priorityField = {
  what: (rank: PriorityRank) => `priority${rank}What` as const,
  why: (rank: PriorityRank) => `priority${rank}Why` as const,
  support: (rank: PriorityRank) => `priority${rank}Support` as const,
};

const supportInvalid = "Select investment, project support, both or not sure";

function priorityWhat(word: string, Word: string, required: boolean) {
  const tooLong = tooLongMessage(`${Word} priority`, PRIORITY_MAX_CHARACTERS);
  return required
    ? requiredText({ max: PRIORITY_MAX_CHARACTERS, missing: `Enter your ${word} priority`, tooLong })
    : optionalText({ max: PRIORITY_MAX_CHARACTERS, tooLong });
}

function priorityWhy(Word: string) {
  return optionalText({
    max: PRIORITY_MAX_CHARACTERS,
    tooLong: tooLongMessage(`Why your ${Word.toLowerCase()} priority matters`, PRIORITY_MAX_CHARACTERS),
  });
}

export const prioritiesSchema = z
  .object({
    priority1What: priorityWhat("first", "First", true),
    priority1Why: priorityWhy("First"),
    priority1Support: optionalChoice(supportCodes, supportInvalid),
    priority2What: priorityWhat("second", "Second", false),
    priority2Why: priorityWhy("Second"),
    priority2Support: optionalChoice(supportCodes, supportInvalid),
    priority3What: priorityWhat("third", "Third", false),
    priority3Why: priorityWhy("Third"),
    priority3Support: optionalChoice(supportCodes, supportInvalid),
  })
  .superRefine((answers, ctx) => {
    for (const { rank, word } of priorityRanks) {
      if (!answers[priorityField.what(rank)] && answers[priorityField.why(rank)]) {
        ctx.addIssue({
          code: "custom",
          path: [priorityField.what(rank)],
          message: `Enter your ${word} priority, or delete why it matters`,
        });
      }
    }
  });
export type PrioritiesAnswers = z.output<typeof prioritiesSchema>;
export const prioritiesFieldOrder = priorityRanks.flatMap(({ rank }) => [
  priorityField.what(rank),
  priorityField.why(rank),
  priorityField.support(rank),
]);

export interface AboutYouReferenceCodes {
  placeCodes: readonly string[];
  trustCodes: readonly string[];
}

export function createAboutYouSchema({ placeCodes, trustCodes }: AboutYouReferenceCodes) {
  return z
    .object({
      respondentTypes: choiceList(respondentTypeCodes, "Select the options that describe you"),
      organisationName: optionalText({
        max: ORGANISATION_NAME_MAX_CHARACTERS,
        tooLong: tooLongMessage("Organisation name", ORGANISATION_NAME_MAX_CHARACTERS),
        singleLine: true,
      }),
      place: optionalChoice([...placeCodes, PREFER_NOT_TO_SAY], "Select where you live from the list"),
      trusts: choiceList([...trustCodes, ...trustOtherCodes], "Select where you were treated from the list"),
      cancerType: optionalChoice(cancerTypeCodes, "Select a type of cancer from the list"),
    })
    .superRefine((answers, ctx) => {
      if (answers.respondentTypes.includes(PREFER_NOT_TO_SAY) && answers.respondentTypes.length > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["respondentTypes"],
          message: "Select the options that describe you, or select 'Prefer not to say'",
        });
      }
      const exclusive = answers.trusts.find((code) => exclusiveTrustCodes.includes(code));
      if (exclusive && answers.trusts.length > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["trusts"],
          message:
            exclusive === PREFER_NOT_TO_SAY
              ? "Select where you were treated, or select 'Prefer not to say'"
              : "Select where you were treated, or select 'I have not been treated for cancer'",
        });
      }
    });
}
export type AboutYouAnswers = z.output<ReturnType<typeof createAboutYouSchema>>;

const aboutYouSchemas = new WeakMap<object, ReturnType<typeof createAboutYouSchema>>();

/** The about-you schema for a set of reference data, built once per set (it is on every send). */
export function aboutYouSchemaFor(referenceData: { places: readonly { code: string }[]; trusts: readonly { code: string }[] }) {
  let schema = aboutYouSchemas.get(referenceData);
  if (!schema) {
    schema = createAboutYouSchema({
      placeCodes: referenceData.places.map((place) => place.code),
      trustCodes: referenceData.trusts.map((trust) => trust.code),
    });
    aboutYouSchemas.set(referenceData, schema);
  }
  return schema;
}
export const aboutYouFieldOrder = ["respondentTypes", "organisationName", "place", "trusts", "cancerType"] as const;

export const stayInTouchSchema = z
  .object({
    email: z.preprocess(
      (value) => (typeof value === "string" ? value.normalize("NFC").replace(/\s+/g, "") : ""),
      z
        .string()
        .max(EMAIL_MAX_CHARACTERS, `Email address must be ${EMAIL_MAX_CHARACTERS} characters or less`)
        .refine(
          (value) => value === "" || z.email().safeParse(value).success,
          "Enter an email address in the correct format, like name@example.com",
        ),
    ),
    contactPreferences: choiceList(contactPreferenceCodes, "Select how we can contact you from the list"),
  })
  .superRefine((answers, ctx) => {
    if (answers.contactPreferences.length > 0 && !answers.email) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "Enter your email address so we can send you the emails you asked for",
      });
    }
  });
export type StayInTouchAnswers = z.output<typeof stayInTouchSchema>;
export const stayInTouchFieldOrder = ["email", "contactPreferences"] as const;

export const equalitySchema = z.object(
  Object.fromEntries(
    equalityQuestions.map((question) => [
      question.name,
      optionalChoice(
        question.options.map((option) => option.code),
        "Select an answer from the list",
      ),
    ]),
  ) as Record<(typeof equalityQuestions)[number]["name"], z.ZodType<string, unknown>>,
);
export type EqualityAnswers = z.output<typeof equalitySchema>;
export const equalityFieldOrder = equalityQuestions.map((question) => question.name);

export function createEthnicBackgroundSchema(ethnicGroup: string) {
  const codes = isEthnicGroupCode(ethnicGroup)
    ? ethnicBackgrounds[ethnicGroup].options.map((option) => option.code)
    : [];
  return z.object({ ethnicBackground: optionalChoice(codes, "Select an answer from the list") });
}
export type EthnicBackgroundAnswers = z.output<ReturnType<typeof createEthnicBackgroundSchema>>;
