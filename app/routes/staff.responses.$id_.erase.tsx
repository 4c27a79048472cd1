import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { WarningCallout } from "~/components/nhs/content";
import { Button, ErrorSummary, Radios } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { idParam, notFound, readFormData } from "~/modules/forms/request.server";
import { erasureReasonLabels, erasureReasons, type ErasureReason } from "~/modules/privacy/erasure-reasons";
import { eraseResponses } from "~/modules/privacy/erasure.server";

export const handle: PageHandle = { pageTitle: "Erase a response" };

async function findReference(context: LoaderFunctionArgs["context"], id: number): Promise<string> {
  const row = await context.db.selectFrom("submissions").select("reference").where("id", "=", id).executeTakeFirst();
  if (!row) notFound();
  return row.reference;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "erase:response");
  const id = idParam(params.id);
  return { id, reference: await findReference(context, id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "erase:response");
  const id = idParam(params.id);
  await findReference(context, id);
  const reason = (await readFormData(request)).get("reason");
  if (!(erasureReasons as readonly unknown[]).includes(reason)) {
    return data({ fieldErrors: { reason: "Select why the response is being erased" } }, { status: 400 });
  }
  const [reference] = await eraseResponses(context.db, [id], { reason: reason as ErasureReason, actor: admin, clientAddress: context.clientAddress, now: context.now() });
  throw redirect(`/staff/responses?erased=${encodeURIComponent(reference ?? "")}`);
}

export default function EraseResponsePage() {
  const { id, reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.fieldErrors.reason;
  return (
    <Page before={<BackLink to={`/staff/responses/${id}`}>Back to the response</BackLink>}>
      <TwoThirds>
        <ErrorSummary errors={error ? [{ field: "reason", message: error }] : []} />
        <span className="nhsuk-caption-l">{reference}</span>
        <h1>Erase this response</h1>
        <WarningCallout heading="This cannot be undone">
          <p>
            The response, its priorities, themes, notes, flags and equality answers are deleted for good, with any email to the
            person not yet sent. Reports will no longer count it.
          </p>
          <p>The audit log records that it was erased, by you, and why, but nothing the person wrote.</p>
        </WarningCallout>
        <Form method="post" noValidate>
          <Radios
            name="reason"
            legend="Why are you erasing it?"
            legendSize="s"
            options={erasureReasons.map((reason) => ({ code: reason, label: erasureReasonLabels[reason] }))}
            error={error}
          />
          <Button warning>Erase response</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
