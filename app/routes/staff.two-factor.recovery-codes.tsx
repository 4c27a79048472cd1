import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Button } from "~/components/nhs/form";
import { StaffFormPage } from "~/components/staff/simple-form";
import type { PageHandle } from "~/components/page/document-title";
import { recordAudit } from "~/modules/audit/audit-log.server";
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { requireUser, safeReturnTo } from "~/modules/auth/staff-auth.server";
import { readFormData } from "~/modules/forms/request.server";

export const handle: PageHandle = { pageTitle: "Recovery codes" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  const url = new URL(request.url);
  return {
    justEnrolled: url.searchParams.get("enrolled") === "1",
    returnTo: safeReturnTo(url.searchParams.get("returnTo")),
    unused: await countUnusedRecoveryCodes(context.db, user.id),
  };
}

/** Creates ten new codes (the old ones stop working) and shows them once, in this response only. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  await readFormData(request);
  const codes = await context.db.transaction().execute(async (trx) => {
    const created = await replaceRecoveryCodes(trx, user.id, context.config.sessionSecret);
    await recordAudit(trx, { action: "auth.recovery_codes_created", actor: user, target: { type: "user", id: user.id }, clientAddress: context.clientAddress, at: context.now() });
    return created;
  });
  return { codes };
}

export default function RecoveryCodesPage() {
  const { justEnrolled, returnTo, unused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.codes) {
    return (
      <StaffFormPage>
        <h1>Your recovery codes</h1>
        <p>
          If you lose your phone, sign in with one of these codes instead of a code from your app. Each code works once. Keep them
          somewhere safe, such as a password manager. You will not be shown them again.
        </p>
        <ul className="nhsuk-list app-recovery-codes">
          {actionData.codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Link className="nhsuk-button" to={returnTo}>
          I have saved my recovery codes
        </Link>
      </StaffFormPage>
    );
  }
  return (
    <StaffFormPage back={justEnrolled ? undefined : "/staff/account"}>
      {justEnrolled ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">Two-factor sign-in is set up. You are signed in</p>
        </NotificationBanner>
      ) : null}
      <h1>Recovery codes</h1>
      <p>Recovery codes let you sign in if you lose the phone with your authenticator app.</p>
      <p>{unused > 0 ? `You have ${unused} unused recovery codes. Creating new ones stops the old ones working.` : "You do not have any recovery codes yet."}</p>
      <Form method="post">
        <Button>Create recovery codes</Button>
      </Form>
      {justEnrolled ? (
        <p>
          <Link to={returnTo}>Skip for now</Link>
        </p>
      ) : null}
    </StaffFormPage>
  );
}
