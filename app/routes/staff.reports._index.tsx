import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/nhs/form";
import { Page } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { ReportFilterForm } from "~/components/reports/report-filter-form";
import { errorList } from "~/components/staff/simple-form";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { parseReportFilters, reportFilterValues, type ReportFilterOptions } from "~/modules/reports/report-filters";
import { loadReportReferenceData } from "~/modules/reports/report-scope.server";

const PAGE_TITLE = "Build a report";

export const handle: PageHandle = {
  pageTitle: (loaded) => (loaded && typeof loaded === "object" && "errors" in loaded && Object.keys(loaded.errors as object).length > 0 ? `Error: ${PAGE_TITLE}` : PAGE_TITLE),
};

/**
 * The report builder. Invalid filters from a preview or download link come back here, shown next
 * to the fields they belong to.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "export:report");
  const reference = await loadReportReferenceData(context.reportDb);
  // A planner here is likely to ask for a PDF next: have a render worker ready.
  context.reportRenderer.warm();
  const options: ReportFilterOptions = {
    campaigns: reference.campaigns.map(({ code, title }) => ({ code, title })),
    places: reference.places.map(({ code, name }) => ({ code, name })),
    themes: reference.themes.map(({ slug, name, retired }) => ({ slug, name, retired })),
  };
  const parsed = parseReportFilters(new URL(request.url).searchParams, reference);
  if (!parsed.ok) return data({ options, values: parsed.values, errors: parsed.errors }, { status: 400 });
  return { options, values: reportFilterValues(parsed.filters), errors: {} };
}

export default function ReportBuilderPage() {
  const { options, values, errors } = useLoaderData<typeof loader>();
  return (
    <Page>
      <ErrorSummary errors={errorList(errors)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{PAGE_TITLE}</h1>
          <p>
            Choose what the themed summary covers, then preview it. From the preview you can download it as a PDF to share, and the responses behind it as
            spreadsheets (CSV) with the same filters. Every preview and download is recorded in the audit log.
          </p>
          <ReportFilterForm options={options} values={values} errors={errors} />
        </div>
      </div>
    </Page>
  );
}
