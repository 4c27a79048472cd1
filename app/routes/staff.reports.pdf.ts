import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { recordAudit } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { reportViewerFor } from "~/modules/reports/report-aggregation.server";
import { parseReportFilters, reportFiltersToSearchParams } from "~/modules/reports/report-filters";
import { loadReportReferenceData } from "~/modules/reports/report-scope.server";
import { getReportPdf, reportFilename } from "~/modules/reports/reports.server";

/**
 * The report as a PDF, rendered off the request thread (or served from the cache). A render that
 * runs out of time or fails sends the planner back to the preview with a message saying so; the
 * renderer has logged it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "export:report");
  const url = new URL(request.url);
  const reference = await loadReportReferenceData(context.reportDb);
  const parsed = parseReportFilters(url.searchParams, reference);
  if (!parsed.ok) throw redirect(`/staff/reports?${url.searchParams.toString()}`);
  const { filters } = parsed;
  const query = reportFiltersToSearchParams(filters).toString();

  const result = await getReportPdf(context, { filters, viewer: reportViewerFor(user) }, { signal: request.signal });
  if (!result.ok) {
    if (result.reason === "aborted") return new Response(null, { status: 499 });
    context.logger.warn("report.pdf_unavailable", { reason: result.reason, userId: user.id });
    throw redirect(`/staff/reports/preview?${query}&problem=${result.reason === "timeout" ? "pdf-timeout" : "pdf-failed"}`);
  }
  await recordAudit(context.db, {
    action: "report.downloaded",
    actor: user,
    target: { type: "report", id: filters.campaign },
    clientAddress: context.clientAddress,
    details: { format: "pdf", filters: query, cached: result.cached, equality: reportViewerFor(user).canSeeEquality },
    at: context.now(),
  });
  return new Response(result.pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${reportFilename(filters.campaign, "themed-summary", context.now(), "pdf")}"`,
      "Content-Length": String(result.pdf.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
