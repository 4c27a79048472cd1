import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { Button } from "~/components/nhs/form";
import { PasswordInput, StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { describeResetLink, resetPassword } from "~/modules/auth/accounts.server";
import { newPasswordFieldOrder, newPasswordSchema } from "~/modules/auth/auth-schemas";
import { PASSWORD_MIN_CHARACTERS } from "~/modules/auth/password-limits";
import { authEnvironment, clearSessionCookie, staffPaths } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Set a new password" };

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!(await describeResetLink({ db: context.db, now: context.now() }, params.token ?? ""))) {
    throw data({ problem: "invalid-link" }, { status: 404 });
  }
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await parseForm(request, newPasswordSchema, newPasswordFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await resetPassword(authEnvironment(request, context), { token: params.token ?? "", password: form.data.password });
  if (result.kind === "invalid-link") throw data({ problem: "invalid-link" }, { status: 404 });
  if (result.kind === "weak-password") return data({ fieldErrors: { password: result.message } as FieldErrors }, { status: 400 });
  throw redirect(`${staffPaths.signIn}?notice=password-reset`, { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}

export default function ResetPasswordPage() {
  const actionData = useActionData<typeof action>();
  return (
    <StaffFormPage errors={actionData?.fieldErrors}>
      <h1>Set a new password</h1>
      <Form method="post" noValidate>
        <PasswordInput
          id="password"
          label="New password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_CHARACTERS} characters. Do not use a password you use anywhere else.`}
          error={actionData?.fieldErrors?.password}
        />
        <PasswordInput id="confirmPassword" label="Confirm your new password" autoComplete="new-password" error={actionData?.fieldErrors?.confirmPassword} />
        <Button>Set password</Button>
      </Form>
      <p>Setting a new password signs you out everywhere you were signed in.</p>
    </StaffFormPage>
  );
}
