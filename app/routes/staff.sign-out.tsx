import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { signOut } from "~/modules/auth/accounts.server";
import { authEnvironment, clearSessionCookie, getStaffSession, staffPaths } from "~/modules/auth/staff-auth.server";
import { readFormData } from "~/modules/forms/request.server";

/** Signing out is a POST (the header's button); visiting the address does nothing. */
export async function loader() {
  throw redirect(staffPaths.home);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const session = await getStaffSession(request, context);
  if (session) await signOut(authEnvironment(request, context), session, formData.get("everywhere") === "yes");
  throw redirect(`${staffPaths.signIn}?notice=signed-out`, { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}
