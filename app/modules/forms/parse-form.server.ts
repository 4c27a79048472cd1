import type { z } from "zod";

import { fieldErrorsFrom, type FieldErrors } from "./fields";
import { formValues, readFormData } from "./request.server";

export type ParsedForm<Output> =
  | { success: true; data: Output; formData: FormData }
  | { success: false; fieldErrors: FieldErrors; values: Record<string, unknown>; formData: FormData };

/** Reads a form within the size limits and validates it with the page's schema. */
export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  fieldOrder: readonly string[],
  listFields: readonly string[] = [],
): Promise<ParsedForm<z.output<Schema>>> {
  const formData = await readFormData(request);
  const values = formValues(formData, listFields);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { success: true, data: parsed.data, formData };
  const safeValues = Object.fromEntries(fieldOrder.filter((field) => !/password|code/i.test(field)).map((field) => [field, values[field] ?? ""]));
  return { success: false, fieldErrors: fieldErrorsFrom(parsed.error, fieldOrder), values: safeValues, formData };
}
