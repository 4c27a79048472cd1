import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { FieldErrors } from "~/modules/forms/fields";

export function errorList(fieldErrors: FieldErrors | undefined): ErrorSummaryItem[] {
  return Object.entries(fieldErrors ?? {}).map(([field, message]) => ({ field, message }));
}

/** A narrow staff page with an optional back link and error summary. */
export function StaffFormPage({ back, errors, children }: { back?: string; errors?: FieldErrors; children: ReactNode }) {
  return (
    <Page before={back ? <BackLink to={back} /> : undefined}>
      <TwoThirds>
        <ErrorSummary errors={errorList(errors)} />
        {children}
      </TwoThirds>
    </Page>
  );
}

export function PasswordInput({
  id,
  label,
  autoComplete,
  error,
  hint,
}: {
  id: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  error?: string;
  hint?: ReactNode;
}) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <input
        className={`nhsuk-input nhsuk-u-width-two-thirds${error ? " nhsuk-input--error" : ""}`}
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
}

/**
 * A form that is one small secondary button, for an action on one row or item: its hidden
 * fields, and words only screen readers hear saying what the button acts on.
 */
export function ActionButtonForm({
  action,
  fields,
  label,
  hiddenContext,
  flush = false,
}: {
  action?: string;
  fields: Record<string, string | number>;
  label: string;
  hiddenContext: string;
  /** No space below the button (in a table cell). */
  flush?: boolean;
}) {
  return (
    <Form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={`nhsuk-button nhsuk-button--secondary nhsuk-button--small${flush ? " nhsuk-u-margin-bottom-0" : ""}`} type="submit">
        {label}
        <span className="nhsuk-u-visually-hidden"> {hiddenContext}</span>
      </button>
    </Form>
  );
}
