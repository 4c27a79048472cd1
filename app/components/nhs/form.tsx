import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from "react";

import { countCharacters, formatCount } from "~/modules/forms/text";

/** What react-hook-form's register() returns, or nothing when a form is not enhanced. */
export interface FieldBinding {
  name: string;
  ref?: Ref<HTMLInputElement | HTMLTextAreaElement | null> | ((instance: HTMLInputElement | HTMLTextAreaElement | null) => void);
  onChange?: (event: { target: unknown; type?: unknown }) => unknown;
  onBlur?: (event: { target: unknown; type?: unknown }) => unknown;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export interface ErrorSummaryItem {
  field: string;
  message: string;
}

/** "There is a problem": focused when it appears so screen reader and keyboard users find it. */
export function ErrorSummary({ errors, focusKey }: { errors: ErrorSummaryItem[]; focusKey?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, focusKey]);
  if (!hasErrors) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="nhsuk-hint" id={id}>
      {children}
    </div>
  );
}

type LegendSize = "s" | "m" | "l" | "xl";

export function Fieldset({
  legend,
  size = "m",
  pageHeading,
  describedById,
  children,
}: {
  legend: ReactNode;
  size?: LegendSize;
  /** Makes the legend the page's h1 (one question per page). */
  pageHeading?: boolean;
  describedById?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="nhsuk-fieldset" aria-describedby={describedById}>
      <legend className={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${size}`}>
        {pageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  labelSize?: LegendSize;
  hint?: ReactNode;
  error?: string;
  field?: FieldBinding;
}

export function TextInput({
  id,
  label,
  labelSize,
  hint,
  error,
  field,
  ...input
}: TextFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className={`nhsuk-label${labelSize ? ` nhsuk-label--${labelSize}` : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`nhsuk-input${error ? " nhsuk-input--error" : ""}${input.className ? ` ${input.className}` : ""}`}
        id={id}
        name={field?.name ?? id}
        type="text"
        {...input}
        {...(field as object)}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      />
    </div>
  );
}

/**
 * NHS.UK character count, rendered by React so the count is right before and after hydration:
 * the limit is stated for everyone, and once scripts run the remaining count updates as people
 * type, with a polite live region for screen readers.
 */
export function CharacterCount({
  id,
  label,
  labelSize,
  hint,
  error,
  field,
  maxCharacters,
  currentValue,
  live,
  ...textarea
}: TextFieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
    maxCharacters: number;
    currentValue: string;
    /** True once the page is interactive: show the live count instead of the static limit. */
    live: boolean;
  }) {
  const remaining = maxCharacters - countCharacters(currentValue);
  const over = remaining < 0;
  const countMessage = over
    ? `You have ${formatCount(-remaining)} ${-remaining === 1 ? "character" : "characters"} too many`
    : `You have ${formatCount(remaining)} ${remaining === 1 ? "character" : "characters"} remaining`;
  const limitMessage = `You can enter up to ${formatCount(maxCharacters)} characters`;
  return (
    <div className={`nhsuk-form-group nhsuk-character-count${error ? " nhsuk-form-group--error" : ""}`}>
      <label className={`nhsuk-label${labelSize ? ` nhsuk-label--${labelSize}` : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        className={`nhsuk-textarea${error || (live && over) ? " nhsuk-textarea--error" : ""}`}
        id={id}
        name={field?.name ?? id}
        rows={5}
        {...textarea}
        {...(field as object)}
        aria-describedby={describedBy(`${id}-info`, hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      />
      {live ? (
        <>
          <div className={`nhsuk-character-count__status ${over ? "nhsuk-error-message" : "nhsuk-hint"}`} aria-hidden="true">
            {countMessage}
          </div>
          <div className="nhsuk-u-visually-hidden" aria-live="polite">
            {remaining <= maxCharacters * 0.25 ? countMessage : ""}
          </div>
          <div className="nhsuk-hint nhsuk-character-count__message nhsuk-u-visually-hidden" id={`${id}-info`}>
            {limitMessage}
          </div>
        </>
      ) : (
        <div className="nhsuk-hint nhsuk-character-count__message" id={`${id}-info`}>
          {limitMessage}
        </div>
      )}
    </div>
  );
}

export interface ChoiceOption {
  code: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  name: string;
  legend: ReactNode;
  legendSize?: LegendSize;
  pageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
  field?: FieldBinding;
  /** Content revealed under an option when it is chosen (always shown without JavaScript). */
  conditional?: Partial<Record<string, ReactNode>>;
  /** True once the page is interactive, so unchosen conditional content can be hidden. */
  live?: boolean;
}

function optionId(name: string, index: number) {
  // The first option takes the field's own id so the error summary link lands on it.
  return index === 0 ? name : `${name}-${index + 1}`;
}

export function Radios({
  name,
  legend,
  legendSize = "m",
  pageHeading,
  hint,
  error,
  options,
  field,
  conditional,
  live,
  defaultValue,
  currentValue,
  dividerBefore,
}: ChoiceGroupProps & { defaultValue?: string; currentValue?: string; dividerBefore?: string }) {
  const describedById = describedBy(hint ? `${name}-hint` : undefined, error ? `${name}-error` : undefined);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset legend={legend} size={legendSize} pageHeading={pageHeading} describedById={describedById}>
        {hint ? <Hint id={`${name}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage> : null}
        <div className="nhsuk-radios">
          {options.map((option, index) => {
            const id = optionId(name, index);
            const reveal = conditional?.[option.code];
            return (
              <ChoiceItem key={option.code} kind="radios" divider={dividerBefore === option.code}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.code}
                    defaultChecked={defaultValue === option.code}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                    aria-controls={reveal && live ? `${id}-conditional` : undefined}
                    {...(field as object)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {reveal ? (
                  <div
                    className={`nhsuk-radios__conditional${live && currentValue !== option.code ? " nhsuk-radios__conditional--hidden" : ""}`}
                    id={`${id}-conditional`}
                  >
                    {reveal}
                  </div>
                ) : null}
              </ChoiceItem>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

export function Checkboxes({
  name,
  legend,
  legendSize = "m",
  pageHeading,
  hint,
  error,
  options,
  field,
  conditional,
  live,
  defaultValues = [],
  currentValues = [],
  exclusiveCodes = [],
  setValues,
}: ChoiceGroupProps & {
  defaultValues?: readonly string[];
  currentValues?: readonly string[];
  exclusiveCodes?: readonly string[];
  /** With scripts, lets choosing an exclusive answer ("Prefer not to say") clear the others, and back. */
  setValues?: (values: string[]) => void;
}) {
  const describedById = describedBy(hint ? `${name}-hint` : undefined, error ? `${name}-error` : undefined);
  const firstExclusive = options.find((option) => exclusiveCodes.includes(option.code))?.code;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset legend={legend} size={legendSize} pageHeading={pageHeading} describedById={describedById}>
        {hint ? <Hint id={`${name}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage> : null}
        <div className="nhsuk-checkboxes">
          {options.map((option, index) => {
            const id = optionId(name, index);
            const reveal = conditional?.[option.code];
            const checked = currentValues.includes(option.code);
            return (
              <ChoiceItem key={option.code} kind="checkboxes" divider={option.code === firstExclusive && index > 0}>
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    name={name}
                    type="checkbox"
                    value={option.code}
                    defaultChecked={defaultValues.includes(option.code)}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                    aria-controls={reveal && live ? `${id}-conditional` : undefined}
                    {...(field as object)}
                    onChange={(event) => {
                      field?.onChange?.(event);
                      if (!setValues || !event.target.checked) return;
                      const chosen = event.target.value;
                      if (exclusiveCodes.includes(chosen)) setValues([chosen]);
                      else if (currentValues.some((code) => exclusiveCodes.includes(code))) {
                        setValues([...currentValues.filter((code) => !exclusiveCodes.includes(code)), chosen]);
                      }
                    }}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {reveal ? (
                  <div
                    className={`nhsuk-checkboxes__conditional${live && !checked ? " nhsuk-checkboxes__conditional--hidden" : ""}`}
                    id={`${id}-conditional`}
                  >
                    {reveal}
                  </div>
                ) : null}
              </ChoiceItem>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

function ChoiceItem({ kind, divider, children }: { kind: "radios" | "checkboxes"; divider: boolean; children: ReactNode }) {
  return (
    <>
      {divider ? <div className={`nhsuk-${kind}__divider`}>or</div> : null}
      {children}
    </>
  );
}

export function Button({
  children,
  secondary,
  warning,
  name,
  value,
  preventDoubleClick,
}: {
  children: ReactNode;
  secondary?: boolean;
  /** For actions that cannot be undone. */
  warning?: boolean;
  name?: string;
  value?: string;
  preventDoubleClick?: boolean;
}) {
  return (
    <button
      className={`nhsuk-button${secondary ? " nhsuk-button--secondary" : ""}${warning ? " nhsuk-button--warning" : ""}`}
      type="submit"
      name={name}
      value={value}
      data-prevent-double-click={preventDoubleClick ? "true" : undefined}
    >
      {children}
    </button>
  );
}

/** Hidden from people and assistive technology; a bot that fills every field reveals itself. */
export function Honeypot() {
  return (
    <div className="app-honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this field empty</label>
      <input id="website" name="website" type="text" autoComplete="off" tabIndex={-1} defaultValue="" />
    </div>
  );
}
