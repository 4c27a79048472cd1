/**
 * Report rendering: time and peak memory to turn a report model into a PDF through the real
 * worker pool (the built worker, build/server/report-pdf-worker.js: run `npm run build` first),
 * and into HTML, for the test fixture at 1,000, 10,000 and 100,000 responses and a worst case
 * (36 months, quotes at the 1,000-character limit).
 *
 * Baseline, measured in the same run: the same PDF rendered in this process with no worker, so
 * the ratio is the cost of rendering off the request thread. (The SQL aggregation that builds the
 * model is the other half of a report request, with its own benchmark.) The model is aggregated,
 * so its size, and the PDF's, depends on themes, months and places, not on the number of responses.
 *
 * Memory is the whole process (this one and its worker threads), sampled every 5 ms while a new
 * pool renders each case; cases run from small to large, so each peak is an upper bound.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { ReportView } from "~/components/reports/report-view";
import { createLogger } from "~/modules/observability/logger";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import type { ReportModel } from "~/modules/reports/report-model";
import { buildSampleReportModel } from "~/modules/reports/sample-report-model";

import { kb, mb, median, sampleRss, timed } from "./support";

const workerUrl = new URL("../build/server/report-pdf-worker.js", import.meta.url);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 3);

export interface ReportRenderCase {
  label: string;
  model: ReportModel;
}

export interface ReportRenderMeasurement {
  label: string;
  pages: number;
  pdfBytes: number;
  /** First render on a new pool: includes starting the worker and loading fonts. */
  pdfColdMs: number;
  /** Highest process RSS while a new pool rendered this case twice (MB). */
  peakRssMb: number;
  /** Median through a warm worker, alternating with the baseline so both see the same machine. */
  pdfWarmMs: number;
  /** Baseline: the same document rendered in this process, no worker (median). */
  inProcessMs: number;
  /** Median, to static markup. */
  htmlMs: number;
  htmlBytes: number;
}

export function defaultReportRenderCases(): ReportRenderCase[] {
  return [
    { label: "1,000 responses", model: buildSampleReportModel({ responses: 1_000, suppressSome: true }) },
    { label: "10,000 responses", model: buildSampleReportModel({ responses: 10_000 }) },
    { label: "100,000 responses", model: buildSampleReportModel({ responses: 100_000 }) },
    { label: "100,000, 36 months, long quotes", model: buildSampleReportModel({ responses: 100_000, months: 36, longQuotes: true }) },
  ];
}

export interface ReportRenderResults {
  processRssBeforeMb: number;
  cases: ReportRenderMeasurement[];
  /** Two renders at once on a pool of two warm workers (REPORT_RENDER_CONCURRENCY=2). */
  concurrent: { label: string; ms: number; peakRssMb: number };
}

export async function measureReportRender(cases: ReportRenderCase[] = defaultReportRenderCases()): Promise<ReportRenderResults> {
  const processRssBeforeMb = mb(process.memoryUsage.rss());

  // Memory and first renders, before react-pdf is loaded into this process for the baseline.
  const firsts = [];
  for (const { model } of cases) {
    const sampler = sampleRss();
    const pool = newPool(1);
    const cold = await timed(() => pool.renderReportPdf(model));
    await pool.renderReportPdf(model);
    await pool.close();
    firsts.push({ cold, peakRssMb: sampler.stop() });
  }
  const concurrentCase = cases[Math.min(1, cases.length - 1)]!;
  const sampler = sampleRss();
  const pair = newPool(2);
  await Promise.all([pair.renderReportPdf(concurrentCase.model), pair.renderReportPdf(concurrentCase.model)]);
  const both = await timed(() => Promise.all([pair.renderReportPdf(concurrentCase.model), pair.renderReportPdf(concurrentCase.model)]));
  await pair.close();
  const concurrent = { label: concurrentCase.label, ms: both.ms, peakRssMb: sampler.stop() };

  // Time: a warm worker against the baseline, run by turns.
  const { renderToBuffer } = await import("@react-pdf/renderer");
  const { registerReportFonts } = await import("~/modules/reports/pdf/fonts.server");
  const { planReportDocument } = await import("~/modules/reports/pdf/report-document");
  registerReportFonts();
  const pool = newPool(1);
  const measurements: ReportRenderMeasurement[] = [];
  for (const [index, { label, model }] of cases.entries()) {
    const inProcess = () => renderToBuffer(planReportDocument(model).document);
    const html = async () => renderToStaticMarkup(createElement(ReportView, { model }));
    const [, , markup] = await Promise.all([pool.renderReportPdf(model), inProcess(), html()]);
    const runs = { worker: [] as number[], inProcess: [] as number[], html: [] as number[] };
    for (let run = 0; run < WARM_RUNS; run += 1) {
      runs.worker.push((await timed(() => pool.renderReportPdf(model))).ms);
      runs.inProcess.push((await timed(inProcess)).ms);
      runs.html.push((await timed(html)).ms);
    }
    const { cold, peakRssMb } = firsts[index]!;
    measurements.push({
      label,
      pages: cold.result.pages,
      pdfBytes: cold.result.pdf.byteLength,
      pdfColdMs: cold.ms,
      peakRssMb,
      pdfWarmMs: median(runs.worker),
      inProcessMs: median(runs.inProcess),
      htmlMs: median(runs.html),
      htmlBytes: Buffer.byteLength(markup),
    });
  }
  await pool.close();
  return { processRssBeforeMb, cases: measurements, concurrent };
}

export async function runReportRenderBench(): Promise<void> {
  const { processRssBeforeMb, cases, concurrent } = await measureReportRender();
  console.log(`Report rendering (median of ${WARM_RUNS} runs; process RSS before: ${processRssBeforeMb} MB)\n`);
  console.log("| Case | Pages | PDF size | PDF, new worker | Peak RSS | PDF, warm worker | In-process baseline | Ratio | HTML | HTML size |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const m of cases) {
    console.log(
      `| ${m.label} | ${m.pages} | ${kb(m.pdfBytes)} | ${m.pdfColdMs} ms | ${m.peakRssMb} MB | ${m.pdfWarmMs} ms | ${m.inProcessMs} ms | ${(m.pdfWarmMs / m.inProcessMs).toFixed(2)}x | ${m.htmlMs} ms | ${kb(m.htmlBytes)} |`,
    );
  }
  console.log(`\nTwo ${concurrent.label} PDFs at once (concurrency 2, warm workers): ${concurrent.ms} ms for both, peak RSS ${concurrent.peakRssMb} MB`);
}

function newPool(concurrency: number): ReportRenderer {
  return new ReportRenderer({ workerUrl, concurrency, timeoutMs: 120_000, logger: createLogger("warn") });
}
