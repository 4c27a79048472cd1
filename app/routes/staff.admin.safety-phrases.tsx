import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, ErrorSummary, Radios, TextInput } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { ActionButtonForm, errorList } from "~/components/staff/simple-form";
import { flagLabels } from "~/components/staff/triage-tags";
import { requireUser } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";
import { readFormData } from "~/modules/forms/request.server";
import { flagKinds, safetyPhraseFieldOrder, safetyPhraseFormSchema } from "~/modules/triage/safety-phrase-form";
import { addSafetyPhrase, listSafetyPhrases, setSafetyPhraseActive, type SafetyPhraseRow } from "~/modules/triage/safety-phrases.server";

export const handle: PageHandle = { pageTitle: "Safety and complaint phrases" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:taxonomy");
  return { phrases: await listSafetyPhrases(context.db) };
}

type ActionResult = { fieldErrors?: FieldErrors; values?: Record<string, unknown>; message?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:taxonomy");
  const change = { actor: admin, clientAddress: context.clientAddress, now: context.now() };
  // "Turn off" and "Turn on" post to ?phrase=<id>; the add form posts to the page itself.
  const toggle = new URL(request.url).searchParams.get("phrase");

  if (toggle !== null) {
    const form = await readFormData(request);
    const id = Number(toggle);
    const active = form.get("active") === "yes";
    const result = Number.isSafeInteger(id) && id > 0 ? await setSafetyPhraseActive(context.db, id, active, change) : { kind: "not-found" as const };
    if (result.kind === "not-found") return data<ActionResult>({ message: "That phrase is no longer in the list" }, { status: 404 });
    context.referenceData.invalidate();
    return data<ActionResult>({ message: `"${result.phrase}" turned ${active ? "on" : "off"}` });
  }

  const form = await parseForm(request, safetyPhraseFormSchema, safetyPhraseFieldOrder);
  if (!form.success) return data<ActionResult>({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const result = await addSafetyPhrase(context.db, form.data, change);
  if (result.kind === "already-listed") {
    return data<ActionResult>({ fieldErrors: { phrase: `"${form.data.phrase}" is already in the list` }, values: form.data }, { status: 409 });
  }
  context.referenceData.invalidate();
  return data<ActionResult>({ message: `"${form.data.phrase}" ${result.kind === "added" ? "added" : "turned back on"}` });
}

function PhraseTable({ kind, phrases }: { kind: (typeof flagKinds)[number]; phrases: SafetyPhraseRow[] }) {
  return (
    <table className="nhsuk-table app-table-compact">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{flagLabels[kind]}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">Phrase</th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Flags raised</th>
          <th className="nhsuk-table__header" scope="col">Status</th>
          <th className="nhsuk-table__header" scope="col">
            <span className="nhsuk-u-visually-hidden">Change</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {phrases.map((phrase) => (
          <tr key={phrase.id} className="nhsuk-table__row">
            <td className="nhsuk-table__cell">{phrase.phrase}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{phrase.flagsRaised.toLocaleString("en-GB")}</td>
            <td className="nhsuk-table__cell">{phrase.active ? "On" : "Off"}</td>
            <td className="nhsuk-table__cell">
              <ActionButtonForm
                action={`?phrase=${phrase.id}`}
                fields={{ active: phrase.active ? "no" : "yes" }}
                label={phrase.active ? "Turn off" : "Turn on"}
                hiddenContext={`\u201c${phrase.phrase}\u201d`}
                flush
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SafetyPhrasesPage() {
  const { phrases } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  return (
    <Page before={<BackLink to="/staff/admin">Back to admin</BackLink>}>
      <ErrorSummary errors={errorList(actionData?.fieldErrors)} />
      {actionData?.message ? (
        <NotificationBanner success={!actionData.fieldErrors} title={actionData.fieldErrors ? "Important" : "Success"}>
          <p className="nhsuk-notification-banner__heading">{actionData.message}</p>
        </NotificationBanner>
      ) : null}
      <h1>Safety and complaint phrases</h1>
      <TwoThirds>
        <p>
          When a response is saved, its text is checked for these phrases. A match raises a flag so that a lead reads it and
          signposts the person. Matching ignores capitals and punctuation between words, and finds whole words only: list other
          forms separately (for example &ldquo;complain&rdquo; and &ldquo;complained&rdquo;).
        </p>
        <p>Changes apply to responses saved from now on. Flags already raised stay until a lead actions them.</p>
      </TwoThirds>
      {flagKinds.map((kind) => (
        <PhraseTable key={kind} kind={kind} phrases={phrases.filter((phrase) => phrase.kind === kind)} />
      ))}
      <TwoThirds>
        <h2>Add a phrase</h2>
        <Form method="post" noValidate>
          <Radios
            name="kind"
            legend="What does the phrase suggest?"
            legendSize="s"
            options={flagKinds.map((kind) => ({ code: kind, label: flagLabels[kind] }))}
            defaultValue={String(values.kind ?? "")}
            error={actionData?.fieldErrors?.kind}
          />
          <TextInput id="phrase" label="Phrase" hint="One to a few words, as people write them" autoComplete="off" defaultValue={String(values.phrase ?? "")} error={actionData?.fieldErrors?.phrase} />
          <Button>Add phrase</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
