/**
 * Worker thread entry (bundled to build/server/report-pdf-worker.js): renders one report PDF per
 * message, for ReportRenderer. Fonts are registered once, when the worker starts.
 */
import { parentPort } from "node:worker_threads";

import { renderToBuffer } from "@react-pdf/renderer";

import { registerReportFonts } from "./fonts.server";
import type { RenderRequest, RenderResponse } from "./renderer.server";
import { planReportDocument } from "./report-document";

if (!parentPort) throw new Error("The report PDF worker must run in a worker thread.");
const port = parentPort;

registerReportFonts();

port.on("message", (request: RenderRequest) => {
  void render(request).then((response) => port.postMessage(response));
});

async function render({ id, model }: RenderRequest): Promise<RenderResponse> {
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
