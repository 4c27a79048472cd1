import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Page } from "~/components/nhs/layout";
import { BarChartSvg, ColumnChartSvg } from "~/components/reports/report-charts";
import { formatDate, formatDateTime } from "~/components/staff/format";
import { FlagTag } from "~/components/staff/triage-tags";
import type { PageHandle } from "~/components/page/document-title";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { loadDashboard } from "~/modules/triage/dashboard.server";
import { statusLabels } from "~/modules/triage/inbox-filters";

export const handle: PageHandle = { pageTitle: "Dashboard" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:dashboard");
  const now = context.now();
  return { name: user.name, dashboard: await loadDashboard(context.db, now), weekAgo: new Date(now.getTime() - 6 * 86_400_000).toISOString().slice(0, 10) };
}

function Figure({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="nhsuk-card nhsuk-card--clickable app-figure">
      <div className="nhsuk-card__content">
        <p className="nhsuk-card__heading nhsuk-heading-xl">{value.toLocaleString("en-GB")}</p>
        <p className="nhsuk-card__description">
          <Link className="nhsuk-card__link" to={href}>
            {label}
          </Link>
        </p>
      </div>
    </div>
  );
}

export default function DashboardPage() {
  const { name, dashboard, weekAgo } = useLoaderData<typeof loader>();
  return (
    <Page>
      <h1>Dashboard</h1>
      <p>Signed in as {name}.</p>

      <h2>Open flags</h2>
      {dashboard.openFlagCount === 0 ? (
        <p>There are no open safety or complaint flags.</p>
      ) : (
        <>
          <p>
            {dashboard.openFlagCount.toLocaleString("en-GB")} open {dashboard.openFlagCount === 1 ? "flag needs" : "flags need"} action. Safety concerns are listed first, oldest first.{" "}
            <Link to="/staff/responses?flagged=open">See all flagged responses</Link>
          </p>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Open flags</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Response</th>
                <th className="nhsuk-table__header" scope="col">Flag</th>
                <th className="nhsuk-table__header" scope="col">Raised</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {dashboard.openFlags.map((flag) => (
                <tr key={flag.flagId} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    <Link to={`/staff/responses/${flag.submissionId}?list=${encodeURIComponent("flagged=open")}`}>{flag.reference}</Link>
                  </td>
                  <td className="nhsuk-table__cell">
                    <FlagTag kind={flag.kind} state="open" />
                  </td>
                  <td className="nhsuk-table__cell">{formatDateTime(flag.raisedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>At a glance</h2>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        <li className="nhsuk-grid-column-one-third nhsuk-card-group__item">
          <Figure label="responses in total" value={dashboard.total} href="/staff/responses" />
        </li>
        <li className="nhsuk-grid-column-one-third nhsuk-card-group__item">
          <Figure label="new in the last 7 days" value={dashboard.newThisWeek} href={`/staff/responses?from=${weekAgo}`} />
        </li>
        <li className="nhsuk-grid-column-one-third nhsuk-card-group__item">
          <Figure label="priorities without a theme" value={dashboard.untaggedPriorities} href="/staff/responses?theme=none" />
        </li>
      </ul>

      <h2>Responses by status</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Responses by status</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Status</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Responses</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {dashboard.byStatus.map((row) => (
            <tr key={row.status} className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="row">
                <Link to={`/staff/responses?status=${row.status}`}>{statusLabels[row.status]}</Link>
              </th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.count.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Responses over the last 12 weeks</h2>
      <ColumnChartSvg
        id="responses-by-week"
        title="Responses received each week for the last 12 weeks"
        description={`From ${formatDate(dashboard.byWeek[0]?.weekStart)} to the week starting ${formatDate(dashboard.byWeek.at(-1)?.weekStart)}. The same figures are in the table below.`}
        columns={dashboard.byWeek.map((week) => ({ label: formatDate(week.weekStart).replace(/ \d{4}$/, ""), value: week.count }))}
      />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Responses received each week</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Week starting</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Responses</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {dashboard.byWeek.map((week) => (
            <tr key={week.weekStart} className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="row">{formatDate(week.weekStart)}</th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{week.count.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Priorities by theme</h2>
      {dashboard.byTheme.length > 0 ? (
        <BarChartSvg
          id="priorities-by-theme"
          title="Themed priorities by theme"
          description="Priorities tagged with each theme, most first, not counting excluded responses. The same figures are in the table below."
          rows={dashboard.byTheme.map((theme) => ({ label: theme.name, values: [{ value: theme.count, text: theme.count.toLocaleString("en-GB") }] }))}
        />
      ) : (
        <p>No priorities have a theme yet.</p>
      )}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Themed priorities by theme, excluding excluded responses</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Theme</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Priorities</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {dashboard.byTheme.map((theme) => (
            <tr key={theme.slug} className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="row">
                <Link to={`/staff/responses?theme=${theme.slug}`}>{theme.name}</Link>
              </th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{theme.count.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
