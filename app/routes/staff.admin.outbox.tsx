import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner, SummaryList } from "~/components/nhs/content";
import { Button } from "~/components/nhs/form";
import { BackLink, Page } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import type { PageHandle } from "~/components/page/document-title";
import { ActionButtonForm } from "~/components/staff/simple-form";
import { recordAudit } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { formValues, readFormData } from "~/modules/forms/request.server";
import { getOutboxStatus, listDeadMessages, retryDeadMessages, retryMessage } from "~/modules/mail/operations.server";

export const handle: PageHandle = { pageTitle: "Email outbox" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:outbox");
  const [status, dead] = await Promise.all([getOutboxStatus(context.db, context.now()), listDeadMessages(context.db, { limit: 100 })]);
  return { status, dead, workerRunning: context.mailWorker !== null };
}

const templateNames: Record<string, string> = {
  "submission-confirmation": "Confirmation to a respondent",
  "staff-notification": "Notification to engagement leads",
  "staff-invite": "Staff invitation",
  "password-reset": "Password reset",
};

function describeAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} seconds`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:outbox");
  const form = formValues(await readFormData(request));
  const now = context.now();
  if (form.intent === "retry-all") {
    const queued = await retryDeadMessages(context.db, now);
    await recordAudit(context.db, { action: "outbox.retried", actor: admin, target: { type: "outbox", id: "dead" }, clientAddress: context.clientAddress, details: { count: queued }, at: now });
    return { message: `${queued} ${queued === 1 ? "email" : "emails"} queued to be sent again`, error: null };
  }
  const id = Number(form.id);
  if (form.intent !== "retry" || !Number.isSafeInteger(id)) return data({ message: null, error: "Choose an email to retry" }, { status: 400 });
  const result = await retryMessage(context.db, id, now);
  if (result === "not_found") throw data({ problem: "not-found" }, { status: 404 });
  if (result === "not_retryable") return data({ message: null, error: "That email has already been sent or is being sent" }, { status: 409 });
  await recordAudit(context.db, { action: "outbox.retried", actor: admin, target: { type: "outbox", id }, clientAddress: context.clientAddress, at: now });
  return { message: "The email is queued to be sent again", error: null };
}

export default function OutboxPage() {
  const { status, dead, workerRunning } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Page before={<BackLink to="/staff/admin">Admin</BackLink>}>
      {actionData?.message ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">{actionData.message}</p>
        </NotificationBanner>
      ) : null}
      {actionData?.error ? (
        <NotificationBanner title="Important">
          <p className="nhsuk-notification-banner__heading">{actionData.error}</p>
        </NotificationBanner>
      ) : null}
      <h1>Email outbox</h1>
      {workerRunning ? null : (
        <NotificationBanner title="Important">
          <p className="nhsuk-notification-banner__heading">Email is not being sent</p>
          <p>The mail server setting (SMTP_URL) could not be used. Emails wait here until it is fixed and the service restarted.</p>
        </NotificationBanner>
      )}
      <p>Emails are written here with the response or change they belong to, then sent, with retries, by the service.</p>
      <SummaryList
        rows={[
          { key: "Waiting to be sent", value: status.counts.pending.toLocaleString("en-GB") },
          { key: "Being sent", value: status.counts.sending.toLocaleString("en-GB") },
          { key: "Sent", value: status.counts.sent.toLocaleString("en-GB") },
          { key: "Failed (dead)", value: status.counts.dead.toLocaleString("en-GB") },
          { key: "Oldest waiting", value: status.oldestPending ? `${describeAge(status.oldestPending.ageSeconds)} (since ${formatDateTime(status.oldestPending.createdAt)})` : "None waiting" },
        ]}
      />
      <h2>Failed emails</h2>
      {dead.length === 0 ? (
        <p>No emails have failed.</p>
      ) : (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="retry-all" />
            <Button secondary>Retry all failed emails</Button>
          </Form>
          <table className="nhsuk-table app-table-compact">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Failed emails</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Email</th>
                <th className="nhsuk-table__header" scope="col">Queued</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Attempts</th>
                <th className="nhsuk-table__header" scope="col">Why it failed</th>
                <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {dead.map((message) => (
                <tr key={message.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    {templateNames[message.template] ?? message.template} (number {message.id})
                  </td>
                  <td className="nhsuk-table__cell">{formatDateTime(message.createdAt)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{message.attempts}</td>
                  <td className="nhsuk-table__cell app-pre-wrap">{message.reason ?? "Unknown"}</td>
                  <td className="nhsuk-table__cell">
                    <ActionButtonForm fields={{ intent: "retry", id: message.id }} label="Retry" hiddenContext={`email number ${message.id}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
