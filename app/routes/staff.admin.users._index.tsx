import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, ErrorSummary, Radios, TextInput } from "~/components/nhs/form";
import { Page } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import { errorList } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { inviteUser } from "~/modules/auth/accounts.server";
import { roleLabels, roles } from "~/modules/auth/permissions";
import { authEnvironment, requireUser } from "~/modules/auth/staff-auth.server";
import { listUsers } from "~/modules/auth/users.server";
import { normaliseLine } from "~/modules/forms/text";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Staff accounts" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:users");
  return { users: await listUsers(context.db) };
}

const inviteSchema = z.object({
  name: z.preprocess(normaliseLine, z.string().min(1, "Enter the person's name").max(100, "Name must be 100 characters or less")),
  email: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : ""),
    z.string().min(1, "Enter their email address").max(254, "Email address must be 254 characters or less").pipe(z.email("Enter an email address in the correct format, like name@nhs.net")),
  ),
  role: z.enum(roles, { error: "Select a role" }),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:users");
  const form = await parseForm(request, inviteSchema, ["name", "email", "role"]);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, values: form.values, invited: null }, { status: 400 });
  const result = await inviteUser(authEnvironment(request, context), { ...form.data, invitedBy: admin });
  if (result.kind === "email-taken") {
    return data({ fieldErrors: { email: "There is already an account with this email address" } as FieldErrors, values: form.data as Record<string, unknown>, invited: null }, { status: 409 });
  }
  return { fieldErrors: undefined, values: {} as Record<string, unknown>, invited: form.data.email };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  const values = actionData?.values ?? {};
  return (
    <Page>
      <ErrorSummary errors={errorList(errors)} />
      {actionData?.invited ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">An invitation has been sent to {actionData.invited}</p>
          <p>The link in it works once, for 48 hours.</p>
        </NotificationBanner>
      ) : null}
      <h1>Staff accounts</h1>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Staff accounts</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Name</th>
            <th className="nhsuk-table__header" scope="col">Role</th>
            <th className="nhsuk-table__header" scope="col">Status</th>
            <th className="nhsuk-table__header" scope="col">Last signed in</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {users.map((user) => (
            <tr key={user.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">
                <Link to={`/staff/admin/users/${user.id}`}>{user.name}</Link>
                <br />
                <span className="nhsuk-body-s">{user.email}</span>
              </td>
              <td className="nhsuk-table__cell">{roleLabels[user.role]}</td>
              <td className="nhsuk-table__cell">
                {user.disabled_at ? "Disabled" : !user.hasPassword ? "Invited" : !user.twoFactorEnabled ? "Two-factor not set up" : "Active"}
              </td>
              <td className="nhsuk-table__cell">{user.last_sign_in_at ? formatDateTime(user.last_sign_in_at) : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Invite someone</h2>
          <Form method="post" noValidate>
            <TextInput id="name" label="Full name" autoComplete="off" defaultValue={String(values.name ?? "")} error={errors?.name} />
            <TextInput id="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={String(values.email ?? "")} error={errors?.email} />
            <Radios
              name="role"
              legend="Role"
              options={[
                { code: "lead", label: roleLabels.lead, hint: "Reads, themes and moderates responses; enters paper responses; sees equality answers" },
                { code: "planner", label: roleLabels.planner, hint: "Reads responses and downloads reports" },
                { code: "admin", label: roleLabels.admin, hint: "Everything, including staff accounts, themes, the outbox and the audit log" },
              ]}
              defaultValue={String(values.role ?? "")}
              error={errors?.role}
            />
            <Button>Send invitation</Button>
          </Form>
        </div>
      </div>
    </Page>
  );
}
