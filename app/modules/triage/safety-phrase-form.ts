import { z } from "zod";

import type { FlagKind } from "~db/schema";

import { normaliseLine } from "~/modules/forms/text";

export const flagKinds = ["safety", "complaint"] as const satisfies readonly FlagKind[];

export const safetyPhraseFormSchema = z.object({
  kind: z.enum(flagKinds, { error: "Select what the phrase suggests" }),
  phrase: z.preprocess(
    (value) => normaliseLine(value).toLowerCase(),
    z
      .string()
      .min(3, "Enter a phrase of at least 3 characters")
      .max(60, "Phrase must be 60 characters or less")
      .regex(/\p{L}/u, "Enter a phrase with words in it"),
  ),
});
export const safetyPhraseFieldOrder = ["kind", "phrase"] as const;
export type SafetyPhraseInput = z.output<typeof safetyPhraseFormSchema>;
