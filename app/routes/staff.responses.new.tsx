import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { useValidatedForm } from "~/components/forms/use-validated-form";
import { AboutYouQuestions, PriorityQuestions, StayInTouchQuestions, asList } from "~/components/journey/question-fields";
import { Button, ErrorSummary, Fieldset, Radios, TextInput } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { recordAudit } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { fieldErrorsFrom } from "~/modules/forms/fields";
import { formValues, readFormData } from "~/modules/forms/request.server";
import { randomToken } from "~/modules/security/pseudonym.server";
import { aboutYouSchemaFor, prioritiesSchema, stayInTouchSchema } from "~/modules/submissions/journey-schemas";
import { channelLabels } from "~/modules/triage/inbox-filters";
import { staffChannels, staffEntryDetailsSchema, staffEntryFieldOrder, staffEntryListFields, staffEntrySchemaFor } from "~/modules/triage/staff-entry";

export const handle: PageHandle = { pageTitle: "Enter a response" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "create:response");
  return {
    referenceData: await context.referenceData.journey(),
    // A new key for each blank form: posting the same form twice creates one response.
    entryKey: randomToken(16),
    today: context.now().toISOString().slice(0, 10),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "create:response");
  const formData = await readFormData(request);
  const submitted = formValues(formData, staffEntryListFields);
  const referenceData = await context.referenceData.journey();
  const values = Object.fromEntries(staffEntryFieldOrder.map((field) => [field, submitted[field] ?? ((staffEntryListFields as readonly string[]).includes(field) ? [] : "")]));
  const parsed = staffEntrySchemaFor(referenceData).safeParse(values);
  const entryKey = String(submitted.entryKey ?? "");
  if (!parsed.success || !/^[A-Za-z0-9_-]{16,64}$/.test(entryKey)) {
    const fieldErrors = parsed.success ? { channel: "Reload the page and enter the response again" } : fieldErrorsFrom(parsed.error, staffEntryFieldOrder);
    return data({ fieldErrors, values, entryKey }, { status: 400 });
  }
  const campaign = await context.referenceData.openCampaign();
  if (!campaign) return data({ fieldErrors: { channel: "No campaign is open, so responses cannot be added" }, values, entryKey }, { status: 409 });
  const details = staffEntryDetailsSchema.parse(values);
  const now = context.now();
  const receipt = await context.submissions.submit({
    campaign,
    response: { priorities: prioritiesSchema.parse(values), aboutYou: aboutYouSchemaFor(referenceData).parse(values), stayInTouch: stayInTouchSchema.parse(values) },
    referenceData,
    idempotencyKey: `staff:${entryKey}`,
    channel: details.channel,
    receivedAt: new Date(`${details.receivedOn}T12:00:00.000Z`),
    now,
    messageIdDomain: context.config.publicUrl.hostname,
    matchFlags: await context.referenceData.flagMatcher(),
    enteredByUserId: user.id,
  });
  if (receipt.created) {
    await recordAudit(context.db, { action: "response.created", actor: user, target: { type: "response", id: receipt.submissionId }, clientAddress: context.clientAddress, details: { channel: details.channel }, at: now });
  }
  throw redirect(`/staff/responses/${receipt.submissionId}?saved=created`);
}

export default function StaffEntryPage() {
  const { referenceData, entryKey: freshKey, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData?.values ?? {}) as Record<string, unknown>;
  const entryKey = actionData?.entryKey ?? freshKey;
  const { form, errors, errorList, live, onSubmit, focusKey } = useValidatedForm({
    formId: "entry-form",
    schema: staffEntrySchemaFor(referenceData),
    defaultValues: Object.fromEntries(
      staffEntryFieldOrder.map((field) => [field, (staffEntryListFields as readonly string[]).includes(field) ? asList(values[field]) : String(values[field] ?? (field === "receivedOn" ? today : ""))]),
    ),
    serverErrors: actionData?.fieldErrors,
    fieldOrder: staffEntryFieldOrder,
  });
  const shown = { ...values, receivedOn: values.receivedOn ?? today };
  return (
    <Page before={<BackLink to="/staff/responses">Back to responses</BackLink>}>
      <TwoThirds>
        <ErrorSummary errors={errorList} focusKey={focusKey} />
        <h1>Enter a response</h1>
        <p>
          For priorities sent on paper, by email, by phone or at an event. Type what the person wrote or said. The same questions
          and checks apply as on the public form, and the response is marked as entered by you.
        </p>
        <Form id="entry-form" method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="entryKey" value={entryKey} />
          <Fieldset legend="How it reached us" size="m">
            <Radios
              name="channel"
              legend="How was the response received?"
              legendSize="s"
              options={staffChannels.map((channel) => ({ code: channel, label: channelLabels[channel] }))}
              error={errors.channel}
              field={form.register("channel")}
              defaultValue={String(values.channel ?? "")}
            />
            <TextInput id="receivedOn" label="Date received" type="date" max={today} error={errors.receivedOn} field={form.register("receivedOn")} defaultValue={String(shown.receivedOn)} />
          </Fieldset>
          <PriorityQuestions form={form} errors={errors} values={values} live={live} size="m" />
          <Fieldset legend="About the person (all optional)" size="m">
            <AboutYouQuestions form={form} errors={errors} values={values} live={live} referenceData={referenceData} />
          </Fieldset>
          <Fieldset legend="Contact (optional)" size="m">
            <StayInTouchQuestions form={form} errors={errors} values={values} />
          </Fieldset>
          <Button preventDoubleClick>Save response</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
