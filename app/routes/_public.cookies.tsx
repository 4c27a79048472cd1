import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";

export const handle: PageHandle = { pageTitle: "Cookies" };

export async function loader({ context }: LoaderFunctionArgs) {
  return { draftCookie: context.cookies.draft.name, draftDays: context.config.env.DRAFT_TTL_DAYS };
}

export default function CookiesPage() {
  const { draftCookie, draftDays } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        <h1>Cookies</h1>
        <p>
          Cookies are small files saved on your phone, tablet or computer when you visit a website. This service only
          uses cookies that it needs to work. We do not use analytics or advertising cookies, so we do not ask for your
          permission.
        </p>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Cookies this service uses</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Purpose</th>
              <th className="nhsuk-table__header" scope="col">Expires</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            <tr className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{draftCookie}</td>
              <td className="nhsuk-table__cell">
                Remembers your answers while you fill in the form, so you do not lose them if you go back or refresh the
                page. It holds a random number, not your answers.
              </td>
              <td className="nhsuk-table__cell">{draftDays} days after you last saved an answer</td>
            </tr>
          </tbody>
        </table>
        <p>Staff who sign in to manage responses also get a cookie that keeps them signed in.</p>
      </TwoThirds>
    </Page>
  );
}
