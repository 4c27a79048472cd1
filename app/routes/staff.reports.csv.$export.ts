import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";

import { recordAudit } from "~/modules/audit/audit-log.server";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { reportViewerFor } from "~/modules/reports/report-aggregation.server";
import { isReportExportKind, reportExportStream } from "~/modules/reports/report-csv.server";
import { parseReportFilters, reportFiltersToSearchParams } from "~/modules/reports/report-filters";
import { loadReportReferenceData, resolveReportScope } from "~/modules/reports/report-scope.server";
import { reportFilename } from "~/modules/reports/reports.server";

/**
 * A CSV export with the report's filters, streamed from a read-only connection of its own.
 * Equality columns only for staff with read:equality (never in the quotes export).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "export:report");
  const kind = params.export ?? "";
  if (!isReportExportKind(kind)) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const reference = await loadReportReferenceData(context.reportDb);
  const parsed = parseReportFilters(url.searchParams, reference);
  if (!parsed.ok) throw redirect(`/staff/reports?${url.searchParams.toString()}`);
  const { filters } = parsed;
  const withEquality = reportViewerFor(user).canSeeEquality && kind !== "quotes";

  await recordAudit(context.db, {
    action: "export.downloaded",
    actor: user,
    target: { type: "report", id: filters.campaign },
    clientAddress: context.clientAddress,
    details: { export: kind, format: "csv", filters: reportFiltersToSearchParams(filters).toString(), equality: withEquality },
    at: context.now(),
  });
  const stream = reportExportStream({
    kind,
    db: context.reportDb,
    databasePath: context.config.databasePath,
    scope: resolveReportScope(filters, reference),
    reference,
    withEquality,
  });
  stream.on("error", (error) => context.logger.error("report.export_failed", { export: kind, error: error.message }));
  request.signal.addEventListener("abort", () => stream.destroy(), { once: true });
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportFilename(filters.campaign, kind, context.now(), "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
