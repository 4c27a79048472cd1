import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Button, ErrorSummary, Radios } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { fieldErrorsFrom, type FieldErrors } from "~/modules/forms/fields";
import { formValues, readFormData } from "~/modules/forms/request.server";
import { equalityQuestions } from "~/modules/submissions/equality-options";
import { asksEthnicBackground, findEqualityAnswers, saveEqualityAnswers } from "~/modules/submissions/equality.server";
import { equalityFieldOrder, equalitySchema } from "~/modules/submissions/journey-schemas";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { requireSentJourney } from "~/modules/submissions/journey.server";
import { PREFER_NOT_TO_SAY } from "~/modules/submissions/options";

export const handle: PageHandle = { pageTitle: "Equality questions" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { submissionId } = await requireSentJourney(request, context);
  const stored = await findEqualityAnswers(context.db, submissionId);
  return { values: (stored?.answers ?? {}) as Record<string, string> };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { submissionId } = await requireSentJourney(request, context);
  const submitted = formValues(formData);
  const values = Object.fromEntries(equalityFieldOrder.map((field) => [field, submitted[field] ?? ""]));
  const parsed = equalitySchema.safeParse(values);
  if (!parsed.success) {
    return data({ fieldErrors: fieldErrorsFrom(parsed.error, equalityFieldOrder), values }, { status: 400 });
  }
  await saveEqualityAnswers(context.db, submissionId, parsed.data, context.now());
  throw redirect(asksEthnicBackground(parsed.data.ethnicGroup) ? journeyPaths.ethnicBackground : journeyPaths.confirmation);
}

export default function EqualityQuestionsPage() {
  const { values: savedValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: FieldErrors; values: Record<string, unknown> }>();
  const values = actionData?.values ?? savedValues;
  const defaults = Object.fromEntries(equalityFieldOrder.map((field) => [field, String(values[field] ?? "")]));
  const { form, errors, errorList, onSubmit, focusKey } = useValidatedForm({
    formId: "question-form",
    schema: equalitySchema,
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
    fieldOrder: equalityFieldOrder,
  });
  return (
    <Page before={<BackLink to={journeyPaths.equality} />}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <h1>Equality questions</h1>
        <p>All of these questions are optional. You can leave out any you do not want to answer.</p>
        <Form id="question-form" method="post" noValidate onSubmit={onSubmit}>
          {equalityQuestions.map((question) => (
            <Radios
              key={question.name}
              name={question.name}
              legend={question.legend}
              hint={"hint" in question ? question.hint : undefined}
              options={question.options}
              dividerBefore={PREFER_NOT_TO_SAY}
              error={errors[question.name]}
              field={form.register(question.name)}
              defaultValue={defaults[question.name]}
            />
          ))}
          <Button preventDoubleClick>Continue</Button>
        </Form>
        <p>
          <Link to={journeyPaths.confirmation}>Skip the rest of the equality questions</Link>
        </p>
      </TwoThirds>
    </Page>
  );
}
