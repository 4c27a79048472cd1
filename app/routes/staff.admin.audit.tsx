import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Button, TextInput } from "~/components/nhs/form";
import { Page } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import type { PageHandle } from "~/components/page/document-title";
import { listAuditActions, listAuditEntries, type AuditFilters } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";

export const handle: PageHandle = { pageTitle: "Audit log" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function filtersFrom(url: URL): AuditFilters & { before?: number } {
  const get = (name: string) => url.searchParams.get(name)?.trim().slice(0, 200) || undefined;
  const from = get("from");
  const to = get("to");
  const before = Number(get("before"));
  return {
    actorEmail: get("actor"),
    action: get("action"),
    targetType: get("targetType"),
    targetId: get("targetId"),
    from: from && DATE.test(from) ? `${from}T00:00:00.000Z` : undefined,
    // "To" is inclusive of the whole day.
    to: to && DATE.test(to) ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined,
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "read:audit");
  const url = new URL(request.url);
  const { before, ...filters } = filtersFrom(url);
  const [{ entries, nextBeforeId }, actions] = await Promise.all([listAuditEntries(context.db, filters, before), listAuditActions(context.db)]);
  const next = new URLSearchParams(url.searchParams);
  if (nextBeforeId) next.set("before", String(nextBeforeId));
  return {
    entries,
    actions,
    query: Object.fromEntries(["actor", "action", "targetType", "targetId", "from", "to"].map((name) => [name, url.searchParams.get(name) ?? ""])),
    olderHref: nextBeforeId ? `?${next.toString()}` : null,
  };
}

export default function AuditPage() {
  const { entries, actions, query, olderHref } = useLoaderData<typeof loader>();
  return (
    <Page>
      <h1>Audit log</h1>
      <p>Every sign-in, view, change and download, newest first. The log cannot be edited or deleted.</p>
      <Form method="get" className="app-filter-form">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <TextInput id="actor" label="Staff email address" type="email" defaultValue={query.actor} spellCheck={false} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="action">
                Action
              </label>
              <select className="nhsuk-select" id="action" name="action" defaultValue={query.action}>
                <option value="">Any action</option>
                {actions.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="nhsuk-grid-column-one-third">
            <TextInput id="targetId" label="Target id (for example a response number)" defaultValue={query.targetId} />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <TextInput id="from" label="From (YYYY-MM-DD)" type="date" defaultValue={query.from} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <TextInput id="to" label="To (YYYY-MM-DD)" type="date" defaultValue={query.to} />
          </div>
        </div>
        <Button secondary>Filter</Button>
      </Form>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Audit entries</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">When (UK time)</th>
            <th className="nhsuk-table__header" scope="col">Who</th>
            <th className="nhsuk-table__header" scope="col">Action</th>
            <th className="nhsuk-table__header" scope="col">Target</th>
            <th className="nhsuk-table__header" scope="col">Address</th>
            <th className="nhsuk-table__header" scope="col">Details</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((entry) => (
            <tr key={entry.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{formatDateTime(entry.at)}</td>
              <td className="nhsuk-table__cell">{entry.actor_email ?? "Not signed in"}</td>
              <td className="nhsuk-table__cell">{entry.action}</td>
              <td className="nhsuk-table__cell">{entry.target_type ? `${entry.target_type} ${entry.target_id}` : ""}</td>
              <td className="nhsuk-table__cell">{entry.client_address}</td>
              <td className="nhsuk-table__cell app-pre-wrap">{entry.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p>No entries match these filters.</p> : null}
      {olderHref ? (
        <p>
          <Link to={olderHref}>Older entries</Link>
        </p>
      ) : null}
    </Page>
  );
}
