import type { UseFormReturn, FieldValues } from "react-hook-form";

import { CharacterCount, Checkboxes, Fieldset, Radios, TextInput } from "~/components/nhs/form";
import type { FieldErrors } from "~/modules/forms/fields";
import type { JourneyReferenceData } from "~/modules/reference-data/queries.server";
import { PRIORITY_MAX_CHARACTERS, priorityField, priorityRanks } from "~/modules/submissions/journey-schemas";
import {
  PREFER_NOT_TO_SAY,
  cancerTypeOptions,
  contactPreferenceOptions,
  exclusiveTrustCodes,
  respondentTypeOptions,
  supportOptions,
  trustOtherOptions,
} from "~/modules/submissions/options";

/**
 * The questions of the public journey as field groups, shared by the public pages and the form
 * staff use to enter paper, email, phone and event responses, so both ask exactly the same.
 */

interface QuestionProps {
  form: UseFormReturn<FieldValues>;
  errors: FieldErrors;
  values: Record<string, unknown>;
  live: boolean;
  /** Legend size for each group: "l" on its own page, "m" inside a longer form. */
  size?: "m" | "l";
}

const noIdentifyingDetails = "Do not include names, NHS numbers or other details that could identify anyone.";

export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value ? [value] : [];
}

export function PriorityQuestions({ form, errors, values, live, size = "l" }: QuestionProps) {
  const watched = form.watch();
  return (
    <>
      {priorityRanks.map(({ rank, word }) => {
        const what = priorityField.what(rank);
        const why = priorityField.why(rank);
        const support = priorityField.support(rank);
        return (
          <Fieldset key={rank} legend={rank === 1 ? "Your first priority" : `Your ${word} priority (optional)`} size={size}>
            <CharacterCount
              id={what}
              label={
                <>
                  What would make the most difference?
                  <span className="nhsuk-u-visually-hidden"> ({word} priority)</span>
                </>
              }
              labelSize="s"
              hint={noIdentifyingDetails}
              error={errors[what]}
              field={form.register(what)}
              defaultValue={String(values[what] ?? "")}
              maxCharacters={PRIORITY_MAX_CHARACTERS}
              currentValue={String(watched[what] ?? values[what] ?? "")}
              live={live}
              spellCheck
            />
            <CharacterCount
              id={why}
              label={
                <>
                  Why does it matter? (optional)
                  <span className="nhsuk-u-visually-hidden"> – {word} priority</span>
                </>
              }
              labelSize="s"
              hint="For example, what happened to you or someone you know, or what you have seen."
              error={errors[why]}
              field={form.register(why)}
              defaultValue={String(values[why] ?? "")}
              maxCharacters={PRIORITY_MAX_CHARACTERS}
              currentValue={String(watched[why] ?? values[why] ?? "")}
              live={live}
              rows={4}
              spellCheck
            />
            <Radios
              name={support}
              legend={
                <>
                  Does it need investment, project support or both? (optional)
                  <span className="nhsuk-u-visually-hidden"> – {word} priority</span>
                </>
              }
              legendSize="s"
              options={supportOptions}
              error={errors[support]}
              field={form.register(support)}
              defaultValue={String(values[support] ?? "")}
            />
          </Fieldset>
        );
      })}
    </>
  );
}

export function AboutYouQuestions({ form, errors, values, live, referenceData }: QuestionProps & { referenceData: JourneyReferenceData }) {
  const respondentTypes = asList(form.watch("respondentTypes") ?? values.respondentTypes);
  const trusts = asList(form.watch("trusts") ?? values.trusts);
  const setList = (name: "respondentTypes" | "trusts") => (list: string[]) =>
    form.setValue(name, list, { shouldValidate: form.formState.isSubmitted, shouldDirty: true });
  const placeOptions = [...referenceData.places.map((place) => ({ code: place.code, label: place.name })), { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" }];
  const trustOptions = [...referenceData.trusts.map((trust) => ({ code: trust.code, label: trust.name })), ...trustOtherOptions];
  return (
    <>
      <Checkboxes
        name="respondentTypes"
        legend="Which of these describe you? (optional)"
        hint="Select all that apply."
        options={respondentTypeOptions}
        exclusiveCodes={[PREFER_NOT_TO_SAY]}
        error={errors.respondentTypes}
        field={form.register("respondentTypes")}
        defaultValues={asList(values.respondentTypes)}
        currentValues={respondentTypes}
        setValues={setList("respondentTypes")}
        live={live}
        conditional={{
          organisation: (
            <TextInput
              id="organisationName"
              label="Name of the organisation (optional)"
              error={errors.organisationName}
              field={form.register("organisationName")}
              defaultValue={String(values.organisationName ?? "")}
              autoComplete="organization"
            />
          ),
        }}
      />
      <Radios
        name="place"
        legend="Where do you live? (optional)"
        options={placeOptions}
        dividerBefore={PREFER_NOT_TO_SAY}
        error={errors.place}
        field={form.register("place")}
        defaultValue={String(values.place ?? "")}
      />
      <Checkboxes
        name="trusts"
        legend="Where have you been treated or cared for? (optional)"
        hint="If you care for someone, tell us where they were treated. Select all that apply."
        options={trustOptions}
        exclusiveCodes={exclusiveTrustCodes}
        error={errors.trusts}
        field={form.register("trusts")}
        defaultValues={asList(values.trusts)}
        currentValues={trusts}
        setValues={setList("trusts")}
      />
      <Radios
        name="cancerType"
        legend="What type of cancer have you, or the person you care for, had? (optional)"
        options={cancerTypeOptions}
        dividerBefore="not_applicable"
        error={errors.cancerType}
        field={form.register("cancerType")}
        defaultValue={String(values.cancerType ?? "")}
      />
    </>
  );
}

export function StayInTouchQuestions({ form, errors, values }: Omit<QuestionProps, "live">) {
  return (
    <>
      <TextInput
        id="email"
        label="Email address (optional)"
        labelSize="s"
        hint="We will only use it for the emails you ask for below and your confirmation."
        error={errors.email}
        field={form.register("email")}
        defaultValue={String(values.email ?? "")}
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <Checkboxes
        name="contactPreferences"
        legend="Would you like to hear from us again? (optional)"
        hint="Select all that apply. You can ask us to stop at any time."
        options={contactPreferenceOptions}
        error={errors.contactPreferences}
        field={form.register("contactPreferences")}
        defaultValues={asList(values.contactPreferences)}
      />
    </>
  );
}
