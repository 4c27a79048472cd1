import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { JourneyFormFooter } from "~/components/journey/journey-form-footer";
import { StayInTouchQuestions } from "~/components/journey/question-fields";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { ErrorSummary } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { stayInTouchFieldOrder, stayInTouchSchema } from "~/modules/submissions/journey-schemas";
import { journeyPaths, previousPath } from "~/modules/submissions/journey-paths";
import { loadJourneyPage, saveJourneyPage, type JourneyPageActionData } from "~/modules/submissions/journey.server";

export const handle: PageHandle = { pageTitle: "Stay in touch" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadJourneyPage(request, context, "stayInTouch");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return saveJourneyPage(request, context, {
    page: "stayInTouch",
    schema: () => stayInTouchSchema,
    fieldOrder: stayInTouchFieldOrder,
    listFields: ["contactPreferences"],
  });
}

export default function StayInTouchPage() {
  const { values: savedValues, returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<JourneyPageActionData>();
  const values = actionData?.values ?? savedValues;
  const defaults = {
    email: String(values.email ?? ""),
    contactPreferences: Array.isArray(values.contactPreferences) ? values.contactPreferences.map(String) : [],
  };
  const { form, errors, errorList, onSubmit, focusKey } = useValidatedForm({
    formId: "question-form",
    schema: stayInTouchSchema,
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
    fieldOrder: stayInTouchFieldOrder,
  });

  return (
    <Page before={<BackLink to={returnTo ? journeyPaths.checkAnswers : previousPath("stayInTouch")} />}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <h1>Stay in touch</h1>
        <p>This is optional. You can send your priorities without giving an email address.</p>
        <p>
          If you give us your email address, we will send you a confirmation with your reference number. Our emails
          only include your reference number: they never include your answers.
        </p>
        <Form id="question-form" method="post" noValidate onSubmit={onSubmit}>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <StayInTouchQuestions form={form} errors={errors} values={defaults} />
          <JourneyFormFooter />
        </Form>
      </TwoThirds>
    </Page>
  );
}
