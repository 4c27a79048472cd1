import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Page } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";

export const handle: PageHandle = { pageTitle: "Admin" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "manage:users");
  return null;
}

const areas = [
  { to: "/staff/admin/users", title: "Staff accounts", description: "Invite people, change roles, disable accounts, reset two-factor sign-in." },
  { to: "/staff/admin/themes", title: "Theme taxonomy", description: "Add, rename, describe, retire and merge themes." },
  { to: "/staff/admin/safety-phrases", title: "Safety and complaint phrases", description: "The phrases that flag a response for a lead to read and signpost." },
  { to: "/staff/admin/outbox", title: "Email outbox", description: "Emails waiting, sent and failed, and retrying failed ones." },
  { to: "/staff/admin/audit", title: "Audit log", description: "Who signed in, viewed, changed or downloaded what, and when." },
];

export default function AdminPage() {
  return (
    <Page>
      <h1>Admin</h1>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {areas.map((area) => (
          <li key={area.to} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link className="nhsuk-card__link" to={area.to}>
                    {area.title}
                  </Link>
                </h2>
                <p className="nhsuk-card__description">{area.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
