import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Button } from "~/components/nhs/form";
import { PasswordInput, StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { acceptInvite, describeInvite } from "~/modules/auth/accounts.server";
import { newPasswordFieldOrder, newPasswordSchema } from "~/modules/auth/auth-schemas";
import { PASSWORD_MIN_CHARACTERS } from "~/modules/auth/password-limits";
import { authEnvironment, sessionCookie, staffPaths } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Create your account" };

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invited = await describeInvite({ db: context.db, now: context.now() }, params.token ?? "");
  if (!invited) throw data({ problem: "invalid-link" }, { status: 404 });
  return { name: invited.name, email: invited.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await parseForm(request, newPasswordSchema, newPasswordFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await acceptInvite(authEnvironment(request, context), { token: params.token ?? "", password: form.data.password });
  if (result.kind === "invalid-link") throw data({ problem: "invalid-link" }, { status: 404 });
  if (result.kind === "weak-password") return data({ fieldErrors: { password: result.message } as FieldErrors }, { status: 400 });
  throw redirect(staffPaths.enrol, { headers: { "Set-Cookie": await sessionCookie(context, result.sessionToken!) } });
}

export default function AcceptInvitePage() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <StaffFormPage errors={actionData?.fieldErrors}>
      <h1>Create your account</h1>
      <p>
        Welcome, {name}. You have been invited to Improving Cancer Care Together as <strong>{email}</strong>.
      </p>
      <Form method="post" noValidate>
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          id="password"
          label="Create a password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_CHARACTERS} characters. A few unrelated words make a strong password that is easy to remember. Do not use a password you use anywhere else.`}
          error={actionData?.fieldErrors?.password}
        />
        <PasswordInput id="confirmPassword" label="Confirm your password" autoComplete="new-password" error={actionData?.fieldErrors?.confirmPassword} />
        <Button>Continue</Button>
      </Form>
      <p>Next, you will set up two-factor sign-in with an authenticator app on your phone.</p>
    </StaffFormPage>
  );
}
