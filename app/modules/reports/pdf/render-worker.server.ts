/**
 * Worker thread entry (bundled to build/server/report-pdf-worker.js): renders one report PDF per
 * message, for ReportRenderer. Fonts are registered once, when the worker starts. A new worker's
 * first render is about twice as slow as the next (reading the fonts, compiling the layout and
 * chart code), so a worker started by ReportRenderer.warm(), when a planner opens the report
 * pages, renders sample reports straight away and pays that cost before anyone asks for a PDF:
 * a short one first (loading fonts and code, about a second), then a full-sized one (compiling
 * the layout code for long documents), which is skipped if a real request has arrived by then.
 */
import { parentPort, workerData } from "node:worker_threads";

import { renderToBuffer } from "@react-pdf/renderer";

import { buildSampleReportModel } from "../sample-report-model";

import { registerReportFonts } from "./fonts.server";
import type { RenderRequest, RenderResponse, RenderWorkerData } from "./renderer.server";
import { planReportDocument } from "./report-document";

if (!parentPort) throw new Error("The report PDF worker must run in a worker thread.");
const port = parentPort;

registerReportFonts();
const { warmUp } = (workerData ?? {}) as RenderWorkerData;
let requested = false;
const warmedUp = warmUp ? renderSamples() : null;

async function renderSamples() {
  const samples = [buildSampleReportModel({ responses: 50, themes: 2, months: 2, quotesPerTheme: 1 }), buildSampleReportModel({ responses: 1_000 })];
  for (const sample of samples) {
    if (requested) return;
    await renderToBuffer(planReportDocument(sample).document).catch(() => undefined);
  }
}

port.on("message", (request: RenderRequest) => {
  requested = true;
  void render(request).then((response) => port.postMessage(response));
});

async function render({ id, model }: RenderRequest): Promise<RenderResponse> {
  if (warmedUp) await warmedUp;
  try {
    const { document, pageCount } = planReportDocument(model);
    const pdf = await renderToBuffer(document);
    return { id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: pageCount };
  } catch (error) {
    // The name and message only: never the model, which holds quotes.
    const description = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
    return { id, ok: false, error: description.slice(0, 200) };
  }
}
