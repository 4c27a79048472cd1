import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { JourneyFormFooter } from "~/components/journey/journey-form-footer";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Checkboxes, ErrorSummary, Radios, TextInput } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { aboutYouFieldOrder, aboutYouSchemaFor } from "~/modules/submissions/journey-schemas";
import { journeyPaths, previousPath } from "~/modules/submissions/journey-paths";
import { loadJourneyPage, saveJourneyPage, type JourneyPageActionData } from "~/modules/submissions/journey.server";
import {
  PREFER_NOT_TO_SAY,
  cancerTypeOptions,
  exclusiveTrustCodes,
  respondentTypeOptions,
  trustOtherOptions,
} from "~/modules/submissions/options";

export const handle: PageHandle = { pageTitle: "About you" };

const listFields = ["respondentTypes", "trusts"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [page, referenceData] = await Promise.all([
    loadJourneyPage(request, context, "aboutYou"),
    context.referenceData.journey(),
  ]);
  return { ...page, referenceData };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return saveJourneyPage(request, context, {
    page: "aboutYou",
    schema: aboutYouSchemaFor,
    fieldOrder: aboutYouFieldOrder,
    listFields,
  });
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value ? [value] : [];
}

export default function AboutYouPage() {
  const { values: savedValues, returnTo, referenceData } = useLoaderData<typeof loader>();
  const actionData = useActionData<JourneyPageActionData>();
  const values = actionData?.values ?? savedValues;
  const schema = aboutYouSchemaFor(referenceData);
  const defaults = {
    respondentTypes: asList(values.respondentTypes),
    organisationName: String(values.organisationName ?? ""),
    place: String(values.place ?? ""),
    trusts: asList(values.trusts),
    cancerType: String(values.cancerType ?? ""),
  };
  const { form, errors, errorList, live, onSubmit, focusKey } = useValidatedForm({
    formId: "question-form",
    schema,
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
    fieldOrder: aboutYouFieldOrder,
  });
  const respondentTypes = asList(form.watch("respondentTypes") ?? defaults.respondentTypes);
  const trusts = asList(form.watch("trusts") ?? defaults.trusts);
  const setList = (name: "respondentTypes" | "trusts") => (values: string[]) =>
    form.setValue(name, values, { shouldValidate: form.formState.isSubmitted, shouldDirty: true });

  const placeOptions = [
    ...referenceData.places.map((place) => ({ code: place.code, label: place.name })),
    { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" },
  ];
  const trustOptions = [...referenceData.trusts.map((trust) => ({ code: trust.code, label: trust.name })), ...trustOtherOptions];

  return (
    <Page before={<BackLink to={returnTo ? journeyPaths.checkAnswers : previousPath("aboutYou")} />}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <h1>About you</h1>
        <p>
          These questions are optional. Your answers help us understand who has told us their priorities, and whose
          voices we are missing.
        </p>
        <Form id="question-form" method="post" noValidate onSubmit={onSubmit}>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <Checkboxes
            name="respondentTypes"
            legend="Which of these describe you? (optional)"
            hint="Select all that apply."
            options={respondentTypeOptions}
            exclusiveCodes={[PREFER_NOT_TO_SAY]}
            error={errors.respondentTypes}
            field={form.register("respondentTypes")}
            defaultValues={defaults.respondentTypes}
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
                  defaultValue={defaults.organisationName}
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
            defaultValue={defaults.place}
          />
          <Checkboxes
            name="trusts"
            legend="Where have you been treated or cared for? (optional)"
            hint="If you care for someone, tell us where they were treated. Select all that apply."
            options={trustOptions}
            exclusiveCodes={exclusiveTrustCodes}
            error={errors.trusts}
            field={form.register("trusts")}
            defaultValues={defaults.trusts}
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
            defaultValue={defaults.cancerType}
          />
          <JourneyFormFooter />
        </Form>
      </TwoThirds>
    </Page>
  );
}
