import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { NotificationBanner, SummaryList } from "~/components/nhs/content";
import { Button, ErrorSummary, Radios } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import type { PageHandle } from "~/components/page/document-title";
import { ActionButtonForm } from "~/components/staff/simple-form";
import { changeAccount, resendInvite, type AdminChange } from "~/modules/auth/accounts.server";
import { roleLabels, roles } from "~/modules/auth/permissions";
import { listActiveSessions } from "~/modules/auth/sessions.server";
import { authEnvironment, requireUser } from "~/modules/auth/staff-auth.server";
import { getUserSummary } from "~/modules/auth/users.server";
import { formValues, idParam, notFound, readFormData } from "~/modules/forms/request.server";

export const handle: PageHandle = { pageTitle: (data) => (data as { user?: { name: string } })?.user?.name ?? "Staff account" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:users");
  const user = await getUserSummary(context.db, idParam(params.id));
  if (!user) notFound();
  const sessions = await listActiveSessions(context.db, user.id, context.now(), context.auth.policy);
  return { user, sessions: sessions.map(({ id, createdAt, lastSeenAt, userAgent, clientAddress }) => ({ id, createdAt, lastSeenAt, userAgent, clientAddress })) };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role: z.enum(roles, { error: "Select a role" }) }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("reset-two-factor") }),
  z.object({ intent: z.literal("resend-invite") }),
  z.object({ intent: z.literal("revoke-session"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

const doneMessages: Record<string, string> = {
  role: "Role changed",
  disable: "Account disabled and signed out everywhere",
  enable: "Account enabled",
  "reset-two-factor": "Two-factor sign-in reset. They will set it up again next time they sign in",
  "resend-invite": "A new invitation has been sent",
  "revoke-session": "Session signed out",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:users");
  const userId = idParam(params.id);
  const parsed = actionSchema.safeParse(formValues(await readFormData(request)));
  if (!parsed.success) return data({ error: "Choose what to change", done: null }, { status: 400 });
  const env = authEnvironment(request, context);
  if (parsed.data.intent === "resend-invite") {
    const sent = await resendInvite(env, userId, admin);
    return sent ? { error: null, done: doneMessages["resend-invite"]! } : data({ error: "This person has already created their account", done: null }, { status: 409 });
  }
  const change: AdminChange =
    parsed.data.intent === "role"
      ? { kind: "role", role: parsed.data.role }
      : parsed.data.intent === "revoke-session"
        ? { kind: "revoke-session", sessionId: parsed.data.sessionId }
        : { kind: parsed.data.intent };
  const result = await changeAccount(env, { userId, change, by: admin });
  if (result.kind === "not-found") notFound();
  if (result.kind === "refused") return data({ error: result.message, done: null }, { status: 409 });
  return { error: null, done: doneMessages[parsed.data.intent]! };
}

export default function UserPage() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Page before={<BackLink to="/staff/admin/users">All staff accounts</BackLink>}>
      <TwoThirds>
        <ErrorSummary errors={actionData?.error ? [{ field: "role", message: actionData.error }] : []} />
        {actionData?.done ? (
          <NotificationBanner success title="Success">
            <p className="nhsuk-notification-banner__heading">{actionData.done}</p>
          </NotificationBanner>
        ) : null}
        <h1>{user.name}</h1>
        <SummaryList
          rows={[
            { key: "Email address", value: user.email },
            { key: "Role", value: roleLabels[user.role] },
            { key: "Status", value: user.disabled_at ? `Disabled ${formatDateTime(user.disabled_at)}` : !user.hasPassword ? "Invited, not yet accepted" : "Enabled" },
            { key: "Two-factor sign-in", value: user.twoFactorEnabled ? "Set up" : "Not set up" },
            { key: "Last signed in", value: user.last_sign_in_at ? formatDateTime(user.last_sign_in_at) : "Never" },
          ]}
        />

        <Form method="post">
          <input type="hidden" name="intent" value="role" />
          <Radios
            name="role"
            legend="Role"
            options={roles.map((role) => ({ code: role, label: roleLabels[role] }))}
            defaultValue={user.role}
          />
          <Button secondary>Change role</Button>
        </Form>

        <h2>Account</h2>
        <div className="app-button-group">
          {user.disabled_at ? (
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <Button secondary>Enable account</Button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="disable" />
              <button className="nhsuk-button nhsuk-button--warning" type="submit">
                Disable account
              </button>
            </Form>
          )}
          {user.twoFactorEnabled ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset-two-factor" />
              <Button secondary>Reset two-factor sign-in</Button>
            </Form>
          ) : null}
          {!user.hasPassword && !user.disabled_at ? (
            <Form method="post">
              <input type="hidden" name="intent" value="resend-invite" />
              <Button secondary>Send a new invitation</Button>
            </Form>
          ) : null}
        </div>

        <h2>Active sessions</h2>
        {sessions.length === 0 ? (
          <p>Not signed in anywhere.</p>
        ) : (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Active sessions for {user.name}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Browser and address</th>
                <th className="nhsuk-table__header" scope="col">Last active</th>
                <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {sessions.map((session) => (
                <tr key={session.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    {session.userAgent ?? "Unknown browser"}
                    <br />
                    <span className="nhsuk-body-s">{session.clientAddress}</span>
                  </td>
                  <td className="nhsuk-table__cell">{formatDateTime(session.lastSeenAt)}</td>
                  <td className="nhsuk-table__cell">
                    <ActionButtonForm fields={{ intent: "revoke-session", sessionId: session.id }} label="Sign out" hiddenContext="this session" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TwoThirds>
    </Page>
  );
}
