import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { InsetText } from "~/components/nhs/content";
import { Button, TextInput } from "~/components/nhs/form";
import { StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { codeFieldOrder, codeSchema } from "~/modules/auth/auth-schemas";
import { qrCodePath } from "~/modules/auth/qr.server";
import { confirmEnrolment } from "~/modules/auth/sign-in.server";
import { authEnvironment, requireSessionAt, safeReturnTo, sessionCookie, staffPaths } from "~/modules/auth/staff-auth.server";
import { otpauthUri } from "~/modules/auth/totp.server";
import { findUserById } from "~/modules/auth/users.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";

export const handle: PageHandle = { pageTitle: "Set up two-factor sign-in" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSessionAt(request, context, "enrol");
  const user = await findUserById(context.db, session.user.id);
  if (!user?.totp_secret) throw redirect(staffPaths.signIn);
  const secret = context.auth.secretBox.open(user.totp_secret);
  return {
    qr: qrCodePath(otpauthUri({ secret, accountName: user.email, issuer: "Improving Cancer Care Together" })),
    manualKey: secret.match(/.{1,4}/g)!.join(" "),
    returnTo: safeReturnTo(new URL(request.url).searchParams.get("returnTo")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSessionAt(request, context, "enrol");
  const form = await parseForm(request, codeSchema, codeFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await confirmEnrolment(authEnvironment(request, context), session, form.data.code);
  if (result.kind === "invalid") {
    return data({ fieldErrors: { code: "The code is not right. Enter the code your app shows now" } as FieldErrors }, { status: 401 });
  }
  const next = `${staffPaths.recoveryCodes}?returnTo=${encodeURIComponent(safeReturnTo(form.data.returnTo))}&enrolled=1`;
  throw redirect(next, { headers: { "Set-Cookie": await sessionCookie(context, result.token) } });
}

export default function TwoFactorSetupPage() {
  const { qr, manualKey, returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <StaffFormPage errors={actionData?.fieldErrors}>
      <h1>Set up two-factor sign-in</h1>
      <p>
        Every time you sign in you will need your password and a code from an authenticator app on your phone, such as
        Microsoft Authenticator or Google Authenticator.
      </p>
      <h2 className="nhsuk-heading-m">1. Add this service to your app</h2>
      <p>Scan this QR code with your authenticator app.</p>
      <svg className="app-qr-code" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-labelledby="qr-title" shapeRendering="crispEdges">
        <title id="qr-title">QR code to add Improving Cancer Care Together to an authenticator app</title>
        <rect width={qr.size} height={qr.size} fill="#ffffff" />
        <path d={qr.path} fill="#000000" />
      </svg>
      <InsetText>
        <p>
          If you cannot scan the code, choose to enter a key in your app and type this key:{" "}
          <code className="app-manual-key" data-testid="totp-key">
            {manualKey}
          </code>
        </p>
      </InsetText>
      <h2 className="nhsuk-heading-m">2. Enter the code your app shows</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput
          id="code"
          label="Security code"
          hint="The 6-digit code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          className="nhsuk-input--width-10"
          error={actionData?.fieldErrors?.code}
        />
        <Button>Turn on two-factor sign-in</Button>
      </Form>
    </StaffFormPage>
  );
}
