import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner, SummaryList } from "~/components/nhs/content";
import { Button } from "~/components/nhs/form";
import { Page, TwoThirds } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import { PasswordInput } from "~/components/staff/simple-form";
import { ErrorSummary } from "~/components/nhs/form";
import type { PageHandle } from "~/components/page/document-title";
import { changePassword } from "~/modules/auth/accounts.server";
import { changePasswordFieldOrder, changePasswordSchema } from "~/modules/auth/auth-schemas";
import { PASSWORD_MIN_CHARACTERS } from "~/modules/auth/password-limits";
import { roleLabels } from "~/modules/auth/permissions";
import { countUnusedRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { listActiveSessions } from "~/modules/auth/sessions.server";
import { authEnvironment, requireUser } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Your account" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  const [sessions, recoveryCodesLeft] = await Promise.all([
    listActiveSessions(context.db, user.id, context.now(), context.auth.policy),
    countUnusedRecoveryCodes(context.db, user.id),
  ]);
  return {
    user: { name: user.name, email: user.email, role: roleLabels[user.role] },
    sessions: sessions.map((session) => ({ current: session.id === user.sessionId, lastSeenAt: session.lastSeenAt, createdAt: session.createdAt, userAgent: session.userAgent })),
    recoveryCodesLeft,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  const form = await parseForm(request, changePasswordSchema, changePasswordFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, changed: false }, { status: 400 });
  const result = await changePassword(authEnvironment(request, context), {
    userId: user.id,
    currentSessionId: user.sessionId,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.password,
  });
  if (result.kind === "wrong-password") return data({ fieldErrors: { currentPassword: "Your current password is not right" } as FieldErrors, changed: false }, { status: 400 });
  if (result.kind === "weak-password") return data({ fieldErrors: { password: result.message } as FieldErrors, changed: false }, { status: 400 });
  return { fieldErrors: undefined, changed: true };
}

export default function AccountPage() {
  const { user, sessions, recoveryCodesLeft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  return (
    <Page>
      <TwoThirds>
        <ErrorSummary errors={Object.entries(errors ?? {}).map(([field, message]) => ({ field, message }))} />
        {actionData?.changed ? (
          <NotificationBanner success title="Success">
            <p className="nhsuk-notification-banner__heading">Your password has been changed. Your other sessions have been signed out.</p>
          </NotificationBanner>
        ) : null}
        <h1>Your account</h1>
        <SummaryList
          rows={[
            { key: "Name", value: user.name },
            { key: "Email address", value: user.email },
            { key: "Role", value: user.role },
            { key: "Recovery codes left", value: String(recoveryCodesLeft), action: { href: "/staff/two-factor/recovery-codes", label: "recovery codes" } },
          ]}
        />

        <h2>Where you are signed in</h2>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your signed-in sessions</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Browser</th>
              <th className="nhsuk-table__header" scope="col">Signed in</th>
              <th className="nhsuk-table__header" scope="col">Last active</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {sessions.map((session) => (
              <tr key={session.createdAt + session.lastSeenAt} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  {session.userAgent ?? "Unknown browser"}
                  {session.current ? <strong> (this browser)</strong> : null}
                </td>
                <td className="nhsuk-table__cell">{formatDateTime(session.createdAt)}</td>
                <td className="nhsuk-table__cell">{formatDateTime(session.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" action="/staff/sign-out">
          <input type="hidden" name="everywhere" value="yes" />
          <Button secondary>Sign out everywhere</Button>
        </Form>

        <h2>Change your password</h2>
        <Form method="post" noValidate>
          <PasswordInput id="currentPassword" label="Current password" autoComplete="current-password" error={errors?.currentPassword} />
          <PasswordInput
            id="password"
            label="New password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_CHARACTERS} characters.`}
            error={errors?.password}
          />
          <PasswordInput id="confirmPassword" label="Confirm your new password" autoComplete="new-password" error={errors?.confirmPassword} />
          <Button>Change password</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
