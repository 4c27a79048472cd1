import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Page } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";

export const handle: PageHandle = { pageTitle: "Dashboard" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  return { name: user.name };
}

export default function DashboardPage() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <Page>
      <h1>Dashboard</h1>
      <p>Signed in as {name}.</p>
    </Page>
  );
}
