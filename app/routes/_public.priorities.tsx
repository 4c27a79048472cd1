import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { JourneyFormFooter } from "~/components/journey/journey-form-footer";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { CharacterCount, ErrorSummary, Fieldset, Honeypot, Radios } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import {
  PRIORITY_MAX_CHARACTERS,
  priorityField,
  priorityRanks,
  prioritiesFieldOrder,
  prioritiesSchema,
} from "~/modules/submissions/journey-schemas";
import { journeyPaths, previousPath } from "~/modules/submissions/journey-paths";
import { loadJourneyPage, saveJourneyPage, type JourneyPageActionData } from "~/modules/submissions/journey.server";
import { supportOptions } from "~/modules/submissions/options";

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

const noIdentifyingDetails = "Do not include names, NHS numbers or other details that could identify anyone.";

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
  const watched = form.watch();

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
          {priorityRanks.map(({ rank, word }) => {
            const what = priorityField.what(rank);
            const why = priorityField.why(rank);
            const support = priorityField.support(rank);
            return (
              <Fieldset key={rank} legend={rank === 1 ? "Your first priority" : `Your ${word} priority (optional)`} size="l">
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
          <JourneyFormFooter />
        </Form>
      </TwoThirds>
    </Page>
  );
}
