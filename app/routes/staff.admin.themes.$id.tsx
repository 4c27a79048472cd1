import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, ErrorSummary } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import { errorList } from "~/components/staff/simple-form";
import { ThemeFields } from "~/components/staff/theme-fields";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { fieldErrorsFrom, type FieldErrors } from "~/modules/forms/fields";
import { formValues, idParam, notFound, readFormData } from "~/modules/forms/request.server";
import { themeFieldOrder, themeFormSchema } from "~/modules/themes/theme-schema";
import { listThemesWithUsage, mergeThemes, setThemeRetired, updateTheme, type TaxonomyResult } from "~/modules/themes/taxonomy.server";

export const handle: PageHandle = { pageTitle: (data) => (data as { theme?: { name: string } })?.theme?.name ?? "Theme" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:taxonomy");
  const id = idParam(params.id);
  const themes = await listThemesWithUsage(context.db);
  const theme = themes.find((candidate) => candidate.id === id);
  if (!theme) notFound();
  return { theme, mergeTargets: themes.filter((other) => other.id !== id && !other.retired_at).map(({ id, name }) => ({ id, name })) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, context, "manage:taxonomy");
  const id = idParam(params.id);
  const values = formValues(await readFormData(request));
  const change = { actor: admin, clientAddress: context.clientAddress, now: context.now() };
  let result: TaxonomyResult;
  switch (values.intent) {
    case "edit": {
      const parsed = themeFormSchema.safeParse(values);
      if (!parsed.success) return data({ fieldErrors: fieldErrorsFrom(parsed.error, themeFieldOrder), done: null }, { status: 400 });
      result = await updateTheme(context.db, id, parsed.data, change);
      break;
    }
    case "retire":
    case "restore":
      result = await setThemeRetired(context.db, id, values.intent === "retire", change);
      break;
    case "merge": {
      const into = z.coerce.number().int().positive().safeParse(values.into);
      if (!into.success) return data({ fieldErrors: { into: "Select a theme to merge into" } as FieldErrors, done: null }, { status: 400 });
      result = await mergeThemes(context.db, { fromId: id, intoId: into.data }, change);
      break;
    }
    default:
      return data({ fieldErrors: { name: "Choose what to change" } as FieldErrors, done: null }, { status: 400 });
  }
  if (result.kind === "not-found") notFound();
  if (result.kind === "name-taken") return data({ fieldErrors: { name: "There is already a theme with this name" } as FieldErrors, done: null }, { status: 409 });
  if (result.kind === "invalid") return data({ fieldErrors: { into: result.message } as FieldErrors, done: null }, { status: 400 });
  return { fieldErrors: undefined, done: values.intent === "merge" ? "Theme merged. Its priorities are now tagged with the other theme" : "Theme saved" };
}

export default function ThemePage() {
  const { theme, mergeTargets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  return (
    <Page before={<BackLink to="/staff/admin/themes">All themes</BackLink>}>
      <TwoThirds>
        <ErrorSummary errors={errorList(errors)} />
        {actionData?.done ? (
          <NotificationBanner success title="Success">
            <p className="nhsuk-notification-banner__heading">{actionData.done}</p>
          </NotificationBanner>
        ) : null}
        <h1>{theme.name}</h1>
        <p>
          Tagged on {theme.priorities.toLocaleString("en-GB")} priorities.{" "}
          {theme.mergedIntoName ? `Merged into ${theme.mergedIntoName}.` : theme.retired_at ? "Retired." : ""}
        </p>
        <h2>Name, description and keywords</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <ThemeFields values={{ name: theme.name, description: theme.description, keywords: theme.keywordList.join(", ") }} errors={errors} />
          <Button>Save changes</Button>
        </Form>

        <h2>Retire</h2>
        <p>A retired theme can no longer be chosen. Priorities already tagged keep it.</p>
        <Form method="post">
          <input type="hidden" name="intent" value={theme.retired_at ? "restore" : "retire"} />
          <Button secondary>{theme.retired_at ? "Bring this theme back into use" : "Retire this theme"}</Button>
        </Form>

        {!theme.retired_at ? (
          <>
            <h2>Merge into another theme</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="merge" />
              <div className={`nhsuk-form-group${errors?.into ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label" htmlFor="into">
                  Theme to merge into
                </label>
                {errors?.into ? (
                  <span className="nhsuk-error-message" id="into-error">
                    <span className="nhsuk-u-visually-hidden">Error: </span>
                    {errors.into}
                  </span>
                ) : null}
                <select className="nhsuk-select" id="into" name="into" defaultValue="" aria-describedby={errors?.into ? "into-error" : undefined}>
                  <option value="">Choose a theme</option>
                  {mergeTargets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {target.name}
                    </option>
                  ))}
                </select>
              </div>
              <Button secondary>Merge</Button>
            </Form>
          </>
        ) : null}
      </TwoThirds>
    </Page>
  );
}
