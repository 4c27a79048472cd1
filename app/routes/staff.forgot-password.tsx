import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { Button, TextInput } from "~/components/nhs/form";
import { StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { forgotPasswordSchema } from "~/modules/auth/auth-schemas";
import { authEnvironment } from "~/modules/auth/staff-auth.server";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Reset your password" };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, forgotPasswordSchema, ["email"]);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, sent: false }, { status: 400 });
  await requestPasswordReset(authEnvironment(request, context), form.data.email);
  return { fieldErrors: undefined, sent: true };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  if (actionData?.sent) {
    return (
      <StaffFormPage back="/staff/sign-in">
        <h1>Check your email</h1>
        <p>If there is an account for that email address, we have sent a link to reset the password. The link works once, for 30 minutes.</p>
        <p>If you do not get an email, check the address, or ask an admin for help.</p>
        <p>
          <Link to="/staff/sign-in">Return to sign in</Link>
        </p>
      </StaffFormPage>
    );
  }
  return (
    <StaffFormPage back="/staff/sign-in" errors={actionData?.fieldErrors}>
      <h1>Reset your password</h1>
      <p>Enter the email address you sign in with. We will send you a link to set a new password.</p>
      <Form method="post" noValidate>
        <TextInput id="email" label="Email address" type="email" autoComplete="username" spellCheck={false} error={actionData?.fieldErrors?.email} />
        <Button>Send the link</Button>
      </Form>
    </StaffFormPage>
  );
}
