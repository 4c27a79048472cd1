import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { JourneyFormFooter } from "~/components/journey/journey-form-footer";
import { PriorityQuestions } from "~/components/journey/question-fields";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { ErrorSummary, Honeypot } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { prioritiesFieldOrder, prioritiesSchema } from "~/modules/submissions/journey-schemas";
import { journeyPaths, previousPath } from "~/modules/submissions/journey-paths";
import { loadJourneyPage, saveJourneyPage, type JourneyPageActionData } from "~/modules/submissions/journey.server";

export const handle: PageHandle = { pageTitle: "What are your top three priorities?" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadJourneyPage(request, context, "priorities");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return saveJourneyPage(request, context, {
    page: "priorities",
    schema: () => prioritiesSchema,
    fieldOrder: prioritiesFieldOrder,
    honeypot: true,
  });
}

export default function PrioritiesPage() {
  const { values: savedValues, formStartedAt, returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<JourneyPageActionData>();
  const values = actionData?.values ?? savedValues;
  const { form, errors, errorList, live, onSubmit, focusKey } = useValidatedForm({
    formId: "question-form",
    schema: prioritiesSchema,
    defaultValues: Object.fromEntries(prioritiesFieldOrder.map((field) => [field, String(values[field] ?? "")])),
    serverErrors: actionData?.fieldErrors,
    fieldOrder: prioritiesFieldOrder,
  });

  return (
    <Page before={<BackLink to={returnTo ? journeyPaths.checkAnswers : previousPath("priorities")} />}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <h1>What are your top three priorities?</h1>
        <p>
          Tell us up to three things that would make the most difference to cancer care in Cheshire and Merseyside.
          Put the most important first. Only your first priority is required.
        </p>
        <Form id="question-form" method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="formStartedAt" value={formStartedAt} />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <Honeypot />
          <PriorityQuestions form={form} errors={errors} values={values} live={live} />
          <JourneyFormFooter />
        </Form>
      </TwoThirds>
    </Page>
  );
}
