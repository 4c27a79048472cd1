import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import { createLogger } from "~/modules/observability/logger";
import { buildSampleReportModel as buildReportModel } from "~/modules/reports/sample-report-model";
const model = buildReportModel({ responses: 10_000 });
const options = { workerUrl: new URL("./build/server/report-pdf-worker.js", import.meta.url), concurrency: 1, timeoutMs: 120_000, logger: createLogger("warn") };
for (const wait of [0, 5000]) {
  const r = new ReportRenderer(options);
  r.warm();
  await new Promise((res) => setTimeout(res, wait));
  let t = performance.now(); await r.renderReportPdf(model); const first = performance.now() - t;
  t = performance.now(); await r.renderReportPdf(model); const second = performance.now() - t;
  t = performance.now(); await r.renderReportPdf(model); const third = performance.now() - t;
  console.log(`warm() then wait ${wait} ms: first ${first.toFixed(0)} second ${second.toFixed(0)} third ${third.toFixed(0)}`);
  await r.close();
}
const cold = new ReportRenderer(options);
let t = performance.now(); await cold.renderReportPdf(model); console.log("no warm(): first", (performance.now() - t).toFixed(0));
await cold.close();
