import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, ErrorSummary } from "~/components/nhs/form";
import { Page, TwoThirds } from "~/components/nhs/layout";
import { errorList } from "~/components/staff/simple-form";
import { ThemeFields } from "~/components/staff/theme-fields";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";
import type { FieldErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse-form.server";
import { themeFieldOrder, themeFormSchema } from "~/modules/themes/theme-schema";
import { addTheme, listThemesWithUsage } from "~/modules/themes/taxonomy.server";

export const handle: PageHandle = { pageTitle: "Theme taxonomy" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:taxonomy");
  return { themes: await listThemesWithUsage(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:taxonomy");
  const form = await parseForm(request, themeFormSchema, themeFieldOrder);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, values: form.values, added: null }, { status: 400 });
  const result = await addTheme(context.db, form.data, { actor: admin, clientAddress: context.clientAddress, now: context.now() });
  if (result.kind === "name-taken") {
    return data({ fieldErrors: { name: "There is already a theme with this name" } as FieldErrors, values: form.data as Record<string, unknown>, added: null }, { status: 409 });
  }
  return { fieldErrors: undefined, values: {} as Record<string, unknown>, added: form.data.name };
}

export default function ThemesPage() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Page>
      <ErrorSummary errors={errorList(actionData?.fieldErrors)} />
      {actionData?.added ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">Theme added: {actionData.added}</p>
        </NotificationBanner>
      ) : null}
      <h1>Theme taxonomy</h1>
      <p>Leads tag each priority with up to three of these themes. Retired themes stay on priorities already tagged but cannot be chosen.</p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Themes</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Theme</th>
            <th className="nhsuk-table__header" scope="col">Description</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Priorities</th>
            <th className="nhsuk-table__header" scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {themes.map((theme) => (
            <tr key={theme.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">
                <Link to={`/staff/admin/themes/${theme.id}`}>{theme.name}</Link>
              </td>
              <td className="nhsuk-table__cell">{theme.description}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{theme.priorities.toLocaleString("en-GB")}</td>
              <td className="nhsuk-table__cell">{theme.mergedIntoName ? `Merged into ${theme.mergedIntoName}` : theme.retired_at ? "Retired" : "In use"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TwoThirds>
        <h2>Add a theme</h2>
        <Form method="post" noValidate>
          <ThemeFields
            values={{ name: String(actionData?.values.name ?? ""), description: String(actionData?.values.description ?? ""), keywords: String(actionData?.values.keywords ?? "") }}
            errors={actionData?.fieldErrors}
          />
          <Button>Add theme</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
