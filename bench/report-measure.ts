/**
 * One database size of `npm run bench -- report`, in a process of its own so its memory is its
 * own: `tsx bench/report-measure.ts <app.db> <runs>` prints one JSON line of measurements.
 * The steps are what the server does for a report, through the same code: the SQL aggregation
 * alone (the baseline), the HTML preview, the PDF through the worker pool (on a new worker, on one
 * the preview started, and on a warm one), and the CSV exports
 * through their own read-only connection, first redacting as they go (no stored redactions), then
 * with the stored redactions the server keeps.
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { openDatabase } from "~db/client";

import { ReportView } from "~/components/reports/report-view";
import { createLogger } from "~/modules/observability/logger";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import { storePendingRedactions } from "~/modules/reports/redaction-store.server";
import { buildReportModel } from "~/modules/reports/report-aggregation.server";
import { reportExportStream, type ReportExportKind } from "~/modules/reports/report-csv.server";
import { parseReportFilters } from "~/modules/reports/report-filters";
import { loadReportReferenceData, resolveReportScope } from "~/modules/reports/report-scope.server";

import { median, mb, sampleRss, timed } from "./support";

export interface StepMeasurement {
  /** Median of the runs. */
  ms: number;
  /** Every run, in order. */
  runs: number[];
  /** Highest process RSS (worker threads included) while the step ran, MB. */
  peakRssMb: number;
  /** Size of what the step produced: PDF, HTML or CSV bytes; priorities redacted. */
  bytes?: number;
  rows?: number;
  pages?: number;
}

export interface SizeMeasurement {
  responses: number;
  priorities: number;
  steps: Record<string, StepMeasurement>;
  /** The process's highest RSS over all steps (getrusage), MB. */
  processPeakRssMb: number;
}

const [pathArgument, runsText] = process.argv.slice(2);
if (!pathArgument) throw new Error("usage: tsx bench/report-measure.ts <app.db> <runs>");
const databasePath: string = pathArgument;
const runs = Number(runsText ?? 3);

const reportDb = openDatabase({ filename: databasePath, readonly: true });
const writer = openDatabase({ filename: databasePath });
const reference = await loadReportReferenceData(reportDb);
const parsed = parseReportFilters(new URLSearchParams(""), reference);
if (!parsed.ok) throw new Error("the default filters should be valid");
const { filters } = parsed;
const viewer = { name: "Benchmark", canSeeEquality: true };
const rendererOptions = {
  workerUrl: new URL("../build/server/report-pdf-worker.js", import.meta.url),
  concurrency: 1,
  timeoutMs: 120_000,
  logger: createLogger("warn"),
};
const renderer = new ReportRenderer(rendererOptions);

const aggregate = () => reportDb.transaction().execute((trx) => buildReportModel(trx, filters, viewer, reference));

async function exportCsv(kind: ReportExportKind): Promise<{ bytes: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      done();
    },
  });
  await pipeline(reportExportStream({ kind, db: reportDb, databasePath, scope: resolveReportScope(filters, reference), reference, withEquality: true }), sink);
  return { bytes };
}

async function measure(runCount: number, work: () => Promise<Partial<StepMeasurement> | void>): Promise<StepMeasurement> {
  const sampler = sampleRss();
  const times: number[] = [];
  let output: Partial<StepMeasurement> = {};
  for (let run = 0; run < runCount; run += 1) {
    const { ms, result } = await timed(work);
    times.push(ms);
    output = result ?? {};
  }
  return { ...output, ms: median(times), runs: times, peakRssMb: sampler.stop() };
}

const steps: Record<string, StepMeasurement> = {};
steps.aggregation = await measure(runs, async () => void (await aggregate()));
// CSV rows with redaction done as they are written (a new database, before the job has run)…
steps.prioritiesCsvUnstored = await measure(1, () => exportCsv("priorities"));
steps.responsesCsvUnstored = await measure(1, () => exportCsv("responses"));
// …the background job that stores redactions (in the server, 10,000 priorities every 15 seconds)…
steps.storeRedactions = await measure(1, async () => ({ rows: await storePendingRedactions(writer) }));
// …and as the server usually runs.
steps.prioritiesCsv = await measure(runs, () => exportCsv("priorities"));
steps.responsesCsv = await measure(runs, () => exportCsv("responses"));
const renderPreview = async () => Buffer.byteLength(renderToStaticMarkup(createElement(ReportView, { model: await aggregate() })));
steps.html = await measure(runs, async () => ({ bytes: await renderPreview() }));
// A planner opens the preview (which starts a worker) and asks for the PDF as soon as it shows:
// the time from asking to having the PDF, on a worker the preview started.
const previewedRenderer = new ReportRenderer(rendererOptions);
previewedRenderer.warm();
await renderPreview();
steps.pdfAfterPreview = await measure(1, async () => {
  const { pdf, pages } = await previewedRenderer.renderReportPdf(await aggregate());
  return { bytes: pdf.byteLength, pages };
});
await previewedRenderer.close();
steps.pdfNewWorker = await measure(1, async () => {
  const { pdf, pages } = await renderer.renderReportPdf(await aggregate());
  return { bytes: pdf.byteLength, pages };
});
steps.pdf = await measure(runs, async () => {
  const { pdf, pages } = await renderer.renderReportPdf(await aggregate());
  return { bytes: pdf.byteLength, pages };
});

const model = await aggregate();
await renderer.close();
await Promise.all([reportDb.destroy(), writer.destroy()]);
const result: SizeMeasurement = {
  responses: model.headline.responses.value ?? 0,
  priorities: model.headline.priorities.value ?? 0,
  steps,
  processPeakRssMb: mb(process.resourceUsage().maxRSS * 1024),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
