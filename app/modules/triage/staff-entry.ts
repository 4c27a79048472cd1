import { z } from "zod";

import {
  aboutYouFieldOrder,
  aboutYouSchemaFor,
  prioritiesFieldOrder,
  prioritiesSchema,
  stayInTouchFieldOrder,
  stayInTouchSchema,
} from "~/modules/submissions/journey-schemas";

export const staffChannels = ["paper", "email", "phone", "event"] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** How and when a response reached the team, for responses entered by staff. */
export const staffEntryDetailsSchema = z.object({
  channel: z.enum(staffChannels, { error: "Select how the response was received" }),
  receivedOn: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z
      .string()
      .min(1, "Enter the date the response was received")
      .refine((value) => isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Enter the date the response was received, like 2026-11-23")
      .refine((value) => !isoDate.test(value) || value <= new Date().toISOString().slice(0, 10), "Date received must be today or in the past")
      .refine((value) => !isoDate.test(value) || value >= "2020-01-01", "Date received must be after 2020"),
  ),
});

/** The public journey's questions plus how and when: one schema for the whole staff entry form. */
export function staffEntrySchemaFor(referenceData: Parameters<typeof aboutYouSchemaFor>[0]) {
  return prioritiesSchema.and(aboutYouSchemaFor(referenceData)).and(stayInTouchSchema).and(staffEntryDetailsSchema);
}

export const staffEntryFieldOrder = ["channel", "receivedOn", ...prioritiesFieldOrder, ...aboutYouFieldOrder, ...stayInTouchFieldOrder] as const;
export const staffEntryListFields = ["respondentTypes", "trusts", "contactPreferences"] as const;
