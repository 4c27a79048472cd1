import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";

import type { NavigationItem } from "~/components/nhs/layout";
import { Footer } from "~/components/nhs/layout";
import { errorContentFor } from "~/components/page/error-content";
import { ErrorPage } from "~/components/page/error-page";
import { StaffHeader } from "~/components/staff/staff-header";
import { can, type Permission } from "~/modules/auth/permissions";
import { getStaffSession } from "~/modules/auth/staff-auth.server";

const sections: (NavigationItem & { permission: Permission })[] = [
  { to: "/staff", label: "Dashboard", end: true, permission: "read:dashboard" },
  { to: "/staff/responses", label: "Responses", permission: "read:response" },
  { to: "/staff/reports", label: "Reports", permission: "export:report" },
  { to: "/staff/admin", label: "Admin", permission: "manage:users" },
];

/**
 * The staff shell. It only decides what the header shows: every staff page's own loader and
 * action checks its permission on the server (requireUser).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getStaffSession(request, context);
  const user = session?.stage === "active" ? session.user : null;
  return {
    user: user ? { name: user.name } : null,
    navigation: user ? sections.filter((section) => can(user.role, section.permission)).map(({ to, label, end }) => ({ to, label, end })) : [],
  };
}

const footerLinks = [
  { href: "/staff/account", label: "Your account" },
  { href: "/privacy", label: "Privacy notice" },
  { href: "/accessibility", label: "Accessibility statement" },
];

export default function StaffLayout() {
  const { user, navigation } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader user={user} navigation={navigation} />
      <Outlet />
      <Footer links={footerLinks} />
    </>
  );
}

export function ErrorBoundary() {
  const content = errorContentFor(useRouteError());
  const layout = useRouteLoaderData<typeof loader>("routes/staff");
  return (
    <>
      <StaffHeader user={layout?.user ?? null} navigation={layout?.navigation ?? []} />
      <ErrorPage content={content} wayBack={<Link to="/staff">Go to the staff dashboard</Link>} />
      <Footer links={footerLinks} />
    </>
  );
}
