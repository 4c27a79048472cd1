import type { DB } from "~db/client";

import { buildReportModel, type ReportViewer } from "./report-aggregation.server";
import { readReportDataVersion, type ReportCache } from "./report-cache.server";
import { reportFiltersToSearchParams, type ReportFilters } from "./report-filters";
import type { ReportModel } from "./report-model";
import { loadReportReferenceData } from "./report-scope.server";
import { isReportRenderError, type RenderOptions, type RenderedPdf, type ReportRenderFailure } from "./pdf/renderer.server";

/**
 * A report as the routes ask for it: the model (for the HTML view and the PDF) and the PDF bytes,
 * each from the cache when the data has not changed since an identical request.
 */

export interface ReportServices {
  /** The read-only connection reports read through. */
  reportDb: DB;
  reportCache: ReportCache;
  reportRenderer: { renderReportPdf(model: ReportModel, options?: RenderOptions): Promise<RenderedPdf> };
  now: () => Date;
}

export interface ReportRequest {
  filters: ReportFilters;
  viewer: ReportViewer;
}

function modelKey({ filters, viewer }: ReportRequest): string {
  return `model|equality:${viewer.canSeeEquality ? "yes" : "no"}|${reportFiltersToSearchParams(filters).toString()}`;
}

/** The PDF's cover names the person who generated it, so their name is part of its key. */
function pdfKey(request: ReportRequest): string {
  return `pdf|by:${request.viewer.name}|${modelKey(request)}`;
}

export async function getReportModel(services: ReportServices, request: ReportRequest): Promise<{ model: ReportModel; cached: boolean }> {
  const stamp = (model: ReportModel): ReportModel => ({ ...model, generatedAt: services.now().toISOString(), generatedBy: request.viewer.name });
  const key = modelKey(request);
  const dataVersion = await readReportDataVersion(services.reportDb);
  const cached = services.reportCache.get<ReportModel>(dataVersion, key);
  if (cached) return { model: stamp(cached), cached: true };

  const model = await services.reportCache.build(dataVersion, key, () =>
    // One read transaction: the figures, the names they use and the data version all come from the same snapshot.
    services.reportDb.transaction().execute(async (trx) => {
      const builtFrom = await readReportDataVersion(trx);
      const reference = await loadReportReferenceData(trx);
      const built = await buildReportModel(trx, request.filters, request.viewer, reference, services.now());
      services.reportCache.set(builtFrom, key, built, JSON.stringify(built).length * 2);
      return built;
    }),
  );
  // Someone else's identical request may have built it: the cover names whoever asked.
  return { model: stamp(model), cached: false };
}

export type ReportPdfResult = { ok: true; pdf: Uint8Array; cached: boolean } | { ok: false; reason: ReportRenderFailure };

/** The PDF, rendered off the request thread; a render that fails or runs out of time is a result, not an exception. */
export async function getReportPdf(services: ReportServices, request: ReportRequest, options: RenderOptions = {}): Promise<ReportPdfResult> {
  const key = pdfKey(request);
  const dataVersion = await readReportDataVersion(services.reportDb);
  const cached = services.reportCache.get<Uint8Array>(dataVersion, key);
  if (cached) return { ok: true, pdf: cached, cached: true };

  const { model } = await getReportModel(services, request);
  try {
    const pdf = await services.reportCache.build(
      dataVersion,
      key,
      async (signal) => {
        const { pdf: rendered } = await services.reportRenderer.renderReportPdf(model, { ...options, signal });
        // Kept under the version read before the model was built: if the data changed in between, the
        // next request sees a newer version and renders again.
        services.reportCache.set(dataVersion, key, rendered, rendered.byteLength);
        return rendered;
      },
      options.signal,
    );
    return { ok: true, pdf, cached: false };
  } catch (error) {
    if (isReportRenderError(error)) return { ok: false, reason: error.reason };
    // This request stopped waiting for a render that others still want.
    if (options.signal?.aborted) return { ok: false, reason: "aborted" };
    throw error;
  }
}

/** "icct-themed-summary-2026-11-23.pdf" */
export function reportFilename(campaignCode: string, what: string, date: Date, extension: "pdf" | "csv"): string {
  const safe = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${safe(campaignCode)}-${safe(what)}-${date.toISOString().slice(0, 10)}.${extension}`;
}
