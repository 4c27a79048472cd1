import { z } from "zod";

import { formatCount, isWithinCharacterLimit, normaliseLine, normaliseText } from "./text";

/** Field name -> the first message for it, in the order the fields appear on the page. */
export type FieldErrors = Record<string, string>;

export function requiredText(options: { max: number; missing: string; tooLong: string }) {
  return z.preprocess(
    normaliseText,
    z
      .string()
      .min(1, options.missing)
      .refine((value) => isWithinCharacterLimit(value, options.max), options.tooLong),
  );
}

export function optionalText(options: { max: number; tooLong: string; singleLine?: boolean }) {
  return z.preprocess(
    options.singleLine ? normaliseLine : normaliseText,
    z.string().refine((value) => isWithinCharacterLimit(value, options.max), options.tooLong),
  );
}

/** One answer from a fixed list, or "" when the question was skipped. */
export function optionalChoice<const Code extends string>(codes: readonly Code[], invalid: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    z.string().refine((value): value is Code | "" => value === "" || codes.includes(value as Code), invalid),
  ) as unknown as z.ZodType<Code | "", unknown>;
}

/** Any number of answers from a fixed list (checkboxes). */
export function choiceList<const Code extends string>(codes: readonly Code[], invalid: string) {
  return z.preprocess(
    toStringArray,
    z.array(z.string()).refine((values) => values.every((v) => codes.includes(v as Code)), invalid),
  ) as unknown as z.ZodType<Code[], unknown>;
}

export function toStringArray(value: unknown): string[] {
  if (Array.isArray(value)) return [...new Set(value.filter((v): v is string => typeof v === "string"))];
  if (typeof value === "string" && value !== "") return [value];
  return [];
}

export function tooLongMessage(subject: string, max: number): string {
  return `${subject} must be ${formatCount(max)} characters or less`;
}

export function fieldErrorsFrom(error: z.ZodError, fieldOrder: readonly string[]): FieldErrors {
  const found = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!found.has(field)) found.set(field, issue.message);
  }
  const ordered: FieldErrors = {};
  for (const field of fieldOrder) {
    const message = found.get(field);
    if (message) ordered[field] = message;
  }
  for (const [field, message] of found) ordered[field] ??= message;
  return ordered;
}
