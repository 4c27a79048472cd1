import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Button, TextInput } from "~/components/nhs/form";
import { StaffFormPage } from "~/components/staff/simple-form";
import { Details } from "~/components/nhs/content";
import type { PageHandle } from "~/components/page/document-title";
import { codeFieldOrder, codeSchema } from "~/modules/auth/auth-schemas";
import { completeSignIn } from "~/modules/auth/sign-in.server";
import { authEnvironment, requireSessionAt, safeReturnTo, sessionCookie, staffPaths } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Enter the code from your authenticator app" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSessionAt(request, context, "two_factor");
  return { returnTo: safeReturnTo(new URL(request.url).searchParams.get("returnTo")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSessionAt(request, context, "two_factor");
  const form = await parseForm(request, codeSchema, codeFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await completeSignIn(authEnvironment(request, context), session, form.data.code);
  if (result.kind === "throttled") {
    return data({ fieldErrors: { code: "Too many attempts. Wait 15 minutes, then try again" } as FieldErrors }, { status: 429 });
  }
  if (result.kind === "invalid") {
    return data({ fieldErrors: { code: "The code is not right or has already been used. Enter the latest code from your app" } as FieldErrors }, { status: 401 });
  }
  throw redirect(safeReturnTo(form.data.returnTo) || staffPaths.home, { headers: { "Set-Cookie": await sessionCookie(context, result.token) } });
}

export default function TwoFactorPage() {
  const { returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <StaffFormPage errors={actionData?.fieldErrors}>
      <Form method="post" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <h1>Enter the code from your authenticator app</h1>
        <TextInput
          id="code"
          label="Security code"
          hint="The 6-digit code shown in your app for Improving Cancer Care Together. It changes every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          className="nhsuk-input--width-10"
          error={actionData?.fieldErrors?.code}
        />
        <Details summary="I cannot use my authenticator app">
          <p>Enter one of your recovery codes instead, for example ABCDE-23456. Each recovery code works once.</p>
          <p>If you have no recovery codes left, ask an admin to reset your two-factor sign-in.</p>
        </Details>
        <Button>Continue</Button>
      </Form>
    </StaffFormPage>
  );
}
