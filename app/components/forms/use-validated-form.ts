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
export function useValidatedForm({ schema, defaultValues, serverErrors, fieldOrder }: ValidatedFormOptions) {
  const live = useHydrated();
  const submit = useSubmit();
  const [focusKey, setFocusKey] = useState(0);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as Resolver<FieldValues>,
    defaultValues,
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
