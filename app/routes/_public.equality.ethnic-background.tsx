import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Button, ErrorSummary, Radios } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { fieldErrorsFrom, type FieldErrors } from "~/modules/forms/fields";
import { formValues, readFormData } from "~/modules/forms/request.server";
import { ethnicBackgrounds, isEthnicGroupCode } from "~/modules/submissions/equality-options";
import { asksEthnicBackground, findEqualityAnswers, saveEthnicBackground } from "~/modules/submissions/equality.server";
import { createEthnicBackgroundSchema } from "~/modules/submissions/journey-schemas";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { requireSentJourney } from "~/modules/submissions/journey.server";
import { PREFER_NOT_TO_SAY } from "~/modules/submissions/options";

export const handle: PageHandle = { pageTitle: "Your ethnic background" };

async function loadGroup(request: Request, context: LoaderFunctionArgs["context"]) {
  const { submissionId } = await requireSentJourney(request, context);
  const stored = await findEqualityAnswers(context.db, submissionId);
  const ethnicGroup = stored?.answers.ethnicGroup ?? "";
  if (!asksEthnicBackground(ethnicGroup) || !isEthnicGroupCode(ethnicGroup)) throw redirect(journeyPaths.equalityQuestions);
  return { submissionId, ethnicGroup, ethnicBackground: stored?.ethnicBackground ?? "" };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ethnicGroup, ethnicBackground } = await loadGroup(request, context);
  return { ethnicGroup, ethnicBackground };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { submissionId, ethnicGroup } = await loadGroup(request, context);
  const values = { ethnicBackground: String(formValues(formData).ethnicBackground ?? "") };
  const parsed = createEthnicBackgroundSchema(ethnicGroup).safeParse(values);
  if (!parsed.success) {
    return data({ fieldErrors: fieldErrorsFrom(parsed.error, ["ethnicBackground"]), values }, { status: 400 });
  }
  await saveEthnicBackground(context.db, submissionId, parsed.data.ethnicBackground);
  throw redirect(journeyPaths.confirmation);
}

export default function EthnicBackgroundPage() {
  const { ethnicGroup, ethnicBackground } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: FieldErrors; values: Record<string, unknown> }>();
  const question = ethnicBackgrounds[ethnicGroup as keyof typeof ethnicBackgrounds];
  const defaultValue = String(actionData?.values.ethnicBackground ?? ethnicBackground);
  const { form, errors, errorList, onSubmit, focusKey } = useValidatedForm({
    formId: "question-form",
    schema: createEthnicBackgroundSchema(ethnicGroup),
    defaultValues: { ethnicBackground: defaultValue },
    serverErrors: actionData?.fieldErrors,
    fieldOrder: ["ethnicBackground"],
  });
  return (
    <Page before={<BackLink to={journeyPaths.equalityQuestions} />}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <Form id="question-form" method="post" noValidate onSubmit={onSubmit}>
          <Radios
            name="ethnicBackground"
            legend={question.legend}
            legendSize="l"
            pageHeading
            hint="This question is optional."
            options={question.options}
            dividerBefore={PREFER_NOT_TO_SAY}
            error={errors.ethnicBackground}
            field={form.register("ethnicBackground")}
            defaultValue={defaultValue}
          />
          <Button preventDoubleClick>Continue</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
