import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { BackLink, Page } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { ReportView } from "~/components/reports/report-view";
import { recordAudit } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { reportViewerFor } from "~/modules/reports/report-aggregation.server";
import { parseReportFilters, reportFiltersToSearchParams } from "~/modules/reports/report-filters";
import { loadReportReferenceData } from "~/modules/reports/report-scope.server";
import { getReportModel } from "~/modules/reports/reports.server";

export const handle: PageHandle = {
  pageTitle: (loaded) => (loaded && typeof loaded === "object" && "model" in loaded ? (loaded.model as { title: string }).title : "Report preview"),
};

/** Why the last PDF download did not happen, passed back by the PDF route. */
const pdfProblems = {
  "pdf-timeout":
    "The PDF took too long to create and was stopped. Try again in a few minutes. If it happens again, choose a shorter period or fewer themes, or ask an administrator to allow reports more time.",
  "pdf-failed": "The PDF could not be created. Try again in a few minutes. If it happens again, tell an administrator.",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "export:report");
  const url = new URL(request.url);
  // A planner here is likely to ask for a PDF next: have a render worker ready.
  context.reportRenderer.warm();
  const reference = await loadReportReferenceData(context.reportDb);
  const parsed = parseReportFilters(url.searchParams, reference);
  if (!parsed.ok) throw redirect(`/staff/reports?${url.searchParams.toString()}`);
  const { filters } = parsed;
  const { model, cached } = await getReportModel(context, { filters, viewer: reportViewerFor(user) });
  const query = reportFiltersToSearchParams(filters).toString();
  await recordAudit(context.db, {
    action: "report.previewed",
    actor: user,
    target: { type: "report", id: filters.campaign },
    clientAddress: context.clientAddress,
    details: { filters: query, cached, equality: model.reach.equality !== null },
    at: context.now(),
  });
  const problem = url.searchParams.get("problem");
  return { model, query, pdfProblem: problem && problem in pdfProblems ? pdfProblems[problem as keyof typeof pdfProblems] : null };
}

const downloads = [
  { path: "/staff/reports/pdf", label: "Download the report as a PDF", detail: "a printable summary to share; this page is the fully accessible version" },
  { path: "/staff/reports/csv/priorities", label: "Download the priorities as a spreadsheet (CSV)", detail: "one row for each priority" },
  { path: "/staff/reports/csv/responses", label: "Download the responses as a spreadsheet (CSV)", detail: "one row for each response" },
  { path: "/staff/reports/csv/quotes", label: "Download the quotes as a spreadsheet (CSV)", detail: "priorities marked suitable to quote, with personal details removed" },
];

export default function ReportPreviewPage() {
  const { model, query, pdfProblem } = useLoaderData<typeof loader>();
  return (
    <Page before={<BackLink to={`/staff/reports?${query}`}>Change the filters</BackLink>}>
      {pdfProblem ? (
        <NotificationBanner title="Important">
          <p className="nhsuk-notification-banner__heading">{pdfProblem}</p>
        </NotificationBanner>
      ) : null}
      <nav className="app-report-downloads" aria-label="Download this report">
        <ul className="nhsuk-list">
          {downloads.map(({ path, label, detail }) => (
            <li key={path}>
              <Link to={`${path}?${query}`} reloadDocument>
                {label}
              </Link>{" "}
              ({detail})
            </li>
          ))}
        </ul>
      </nav>
      <ReportView model={model} />
    </Page>
  );
}
