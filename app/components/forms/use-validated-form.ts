import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";

import type { ErrorSummaryItem } from "~/components/nhs/form";
import { useReportClientErrors } from "~/components/page/document-title";
import type { FieldErrors } from "~/modules/forms/fields";

import { useHydrated } from "./use-hydrated";

export interface ValidatedFormOptions {
  /** The form element's id: scripts may load after the person has started typing into it. */
  formId: string;
  schema: z.ZodType;
  defaultValues: Record<string, unknown>;
  /** Errors from the server's validation of the last post (the authority). */
  serverErrors: FieldErrors | undefined;
  fieldOrder: readonly string[];
}

/**
 * Progressive enhancement for a server-validated form. Without JavaScript the browser posts the
 * form and the server's errors are shown. Once hydrated, react-hook-form validates with the same
 * zod schema as the person goes, and a valid form is posted exactly as the browser would post it.
 */
export function useValidatedForm({ formId, schema, defaultValues, serverErrors, fieldOrder }: ValidatedFormOptions) {
  const live = useHydrated();
  const submit = useSubmit();
  const [focusKey, setFocusKey] = useState(0);
  // react-hook-form writes its default values into the fields when it takes them over, so start
  // from what is in the page now: anything typed before the scripts loaded is kept.
  const [initialValues] = useState(() => ({ ...defaultValues, ...valuesTypedBeforeHydration(formId, defaultValues) }));
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as Resolver<FieldValues>,
    defaultValues: initialValues,
    mode: "onTouched",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { setError, formState } = form;

  useEffect(() => {
    for (const [field, message] of Object.entries(serverErrors ?? {})) setError(field, { type: "server", message });
  }, [serverErrors, setError]);

  // Read during render: react-hook-form re-renders subscribers of formState.errors when it changes.
  const clientErrors: FieldErrors = {};
  for (const [field, error] of Object.entries(formState.errors)) {
    if (typeof error?.message === "string") clientErrors[field] = error.message;
  }

  const errors: FieldErrors = live ? clientErrors : (serverErrors ?? {});
  const errorList: ErrorSummaryItem[] = [
    ...fieldOrder.filter((field) => errors[field]).map((field) => ({ field, message: errors[field]! })),
    ...Object.keys(errors)
      .filter((field) => !fieldOrder.includes(field))
      .map((field) => ({ field, message: errors[field]! })),
  ];
  useReportClientErrors(live && errorList.length > 0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void form.handleSubmit(
      () => submit(formElement, { method: "post" }),
      () => setFocusKey((key) => key + 1),
    )(event);
  };

  return { form, errors, errorList, live, onSubmit, focusKey };
}

function valuesTypedBeforeHydration(formId: string, defaults: Record<string, unknown>): Record<string, unknown> {
  if (typeof document === "undefined") return {};
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return {};
  const typed: Record<string, unknown> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const fields = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`)];
    if (fields.length === 0) continue;
    const first = fields[0]!;
    if (first instanceof HTMLInputElement && first.type === "checkbox") {
      typed[name] = fields.filter((field) => (field as HTMLInputElement).checked).map((field) => field.value);
    } else if (first instanceof HTMLInputElement && first.type === "radio") {
      typed[name] = fields.find((field) => (field as HTMLInputElement).checked)?.value ?? (Array.isArray(fallback) ? [] : "");
    } else {
      typed[name] = first.value;
    }
  }
  return typed;
}
