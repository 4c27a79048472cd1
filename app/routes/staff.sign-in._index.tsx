import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, TextInput } from "~/components/nhs/form";
import { PasswordInput, StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { signInFieldOrder, signInSchema } from "~/modules/auth/auth-schemas";
import { signInWithPassword } from "~/modules/auth/sign-in.server";
import { authEnvironment, getStaffSession, safeReturnTo, sessionCookie, staffPaths } from "~/modules/auth/staff-auth.server";
import { parseForm } from "~/modules/forms/parse-form.server";
import type { FieldErrors } from "~/modules/forms/fields";

export const handle: PageHandle = { pageTitle: "Sign in" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getStaffSession(request, context);
  const url = new URL(request.url);
  const returnTo = safeReturnTo(url.searchParams.get("returnTo"));
  if (session?.stage === "active") throw redirect(returnTo);
  return { returnTo, notice: url.searchParams.get("notice") };
}

const failure = "Enter a correct email address and password";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, signInSchema, signInFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, email: String(form.values.email ?? "") }, { status: 400 });
  const { email, password, returnTo } = form.data;
  const result = await signInWithPassword(authEnvironment(request, context), { email, password });
  if (result.kind === "throttled") {
    return data({ fieldErrors: { email: "Too many attempts to sign in. Wait 15 minutes, then try again" } as FieldErrors, email }, { status: 429 });
  }
  if (result.kind === "invalid") return data({ fieldErrors: { email: failure } as FieldErrors, email }, { status: 401 });
  const next = result.stage === "active" ? safeReturnTo(returnTo) : result.stage === "enrol" ? staffPaths.enrol : staffPaths.twoFactor;
  const query = result.stage === "active" ? "" : `?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
  throw redirect(`${next}${query}`, { headers: { "Set-Cookie": await sessionCookie(context, result.token) } });
}

const notices: Record<string, string> = {
  "signed-out": "You have signed out",
  "password-reset": "Your password has been changed. Sign in with your new password",
  "session-ended": "You have been signed out. Sign in again to continue",
};

export default function SignInPage() {
  const { returnTo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  return (
    <StaffFormPage errors={errors}>
      {notice && notices[notice] ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">{notices[notice]}</p>
        </NotificationBanner>
      ) : null}
      <h1>Sign in</h1>
      <p>Sign in to read and theme responses, and to download reports. This service is for Cheshire and Merseyside Cancer Alliance staff only.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput id="email" label="Email address" type="email" autoComplete="username" spellCheck={false} defaultValue={actionData?.email} error={errors?.email} />
        <PasswordInput id="password" label="Password" autoComplete="current-password" error={errors?.password} />
        <Button>Continue</Button>
      </Form>
      <p>
        <Link to="/staff/forgot-password">Forgotten your password?</Link>
      </p>
    </StaffFormPage>
  );
}
