import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { JourneyFormFooter } from "~/components/journey/journey-form-footer";
import { AboutYouQuestions, asList } from "~/components/journey/question-fields";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { ErrorSummary } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { aboutYouFieldOrder, aboutYouSchemaFor } from "~/modules/submissions/journey-schemas";
import { journeyPaths, previousPath } from "~/modules/submissions/journey-paths";
import { loadJourneyPage, saveJourneyPage, type JourneyPageActionData } from "~/modules/submissions/journey.server";

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
          <AboutYouQuestions form={form} errors={errors} values={defaults} live={live} referenceData={referenceData} />
          <JourneyFormFooter />
        </Form>
      </TwoThirds>
    </Page>
  );
}
