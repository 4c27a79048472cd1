/**
 * ReportRenderer, the worker-thread pool behind report PDFs: the cap, the timeout, aborts,
 * crashes and shutdown, observed through the pool's own state rather than by timing. The real
 * worker is the built bundle (run `npm run build` first); the stand-in workers never answer or
 * crash, so the outcome never depends on how fast the machine is.
 */
import { createHash } from "node:crypto";

import { afterEach, describe, expect, it } from "vitest";

import { createLogger } from "~/modules/observability/logger";
import { isReportRenderError, ReportRenderer, type ReportRendererOptions } from "~/modules/reports/pdf/renderer.server";
import { buildSampleReportModel } from "~/modules/reports/sample-report-model";

const workers = {
  real: new URL("../../build/server/report-pdf-worker.js", import.meta.url),
  silent: new URL("../support/silent-report-worker.mjs", import.meta.url),
  crashing: new URL("../support/crashing-report-worker.mjs", import.meta.url),
};
const model = buildSampleReportModel({ responses: 400, themes: 3, months: 3, quotesPerTheme: 1, equality: false });
const open: ReportRenderer[] = [];
const logs: string[] = [];

function renderer(options: Partial<ReportRendererOptions> & Pick<ReportRendererOptions, "workerUrl">): ReportRenderer {
  const created = new ReportRenderer({ concurrency: 1, timeoutMs: 60_000, logger: createLogger("debug", (line) => logs.push(line)), ...options });
  open.push(created);
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the render should have failed"),
    (error: unknown) => error,
  );
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((pool) => pool.close()));
  logs.length = 0;
});

describe("ReportRenderer", () => {
  it("renders with at most `concurrency` workers at once, queueing the rest, and reuses its workers", async () => {
    const pool = renderer({ workerUrl: workers.real, concurrency: 2 });
    const renders = Array.from({ length: 5 }, () => pool.renderReportPdf(model));
    expect(pool.stats()).toMatchObject({ running: 2, queued: 3, workers: 2 });

    const results = await Promise.all(renders);
    for (const result of results) {
      expect(Buffer.from(result.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      expect(result.pages).toBeGreaterThan(3);
    }
    // The same model gives the same bytes, whichever worker rendered it (so a response can be cached).
    expect(new Set(results.map((result) => createHash("sha256").update(result.pdf).digest("hex"))).size).toBe(1);
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, peakRunning: 2, started: 2 });
    expect(logs.filter((line) => line.includes('"report.pdf_rendered"'))).toHaveLength(5);
  });

  it("warms one worker ahead of a render, which then renders on it, and not after shutdown", async () => {
    const pool = renderer({ workerUrl: workers.real });
    pool.warm();
    pool.warm();
    expect(pool.stats()).toMatchObject({ workers: 1, started: 1, running: 0 });
    const result = await pool.renderReportPdf(model);
    expect(Buffer.from(result.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pool.stats()).toMatchObject({ workers: 1, started: 1 });
    await pool.close();
    pool.warm();
    expect(pool.stats()).toMatchObject({ workers: 0, started: 1 });
  });

  it("stops a render that runs past the timeout: the worker is terminated and the caller gets a timeout error", async () => {
    const pool = renderer({ workerUrl: workers.silent, timeoutMs: 200 });
    const error = await rejection(pool.renderReportPdf(model));

    expect(isReportRenderError(error) && error.reason).toBe("timeout");
    expect((error as Error).message).toContain("took longer than 200 ms");
    expect(logs.some((line) => line.includes('"report.pdf_render_timeout"') && line.includes('"phase":"rendering"'))).toBe(true);
    await expect.poll(() => pool.stats()).toMatchObject({ workers: 0, running: 0 });
  });

  it("keeps a timed-out render's slot until its worker has stopped, then times out the render waiting for it", async () => {
    const pool = renderer({ workerUrl: workers.silent, timeoutMs: 300 });
    const first = rejection(pool.renderReportPdf(model));
    const second = rejection(pool.renderReportPdf(model));
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });

    const firstError = await first;
    expect(isReportRenderError(firstError) && firstError.reason).toBe("timeout");
    // Told at once, but the worker is still stopping: its slot is taken, so the second still waits.
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1, workers: 0 });

    const error = await second;
    expect(isReportRenderError(error) && error.reason).toBe("timeout");
    expect(pool.stats().peakRunning).toBe(1);
  });

  it("abandons a render whose requester has gone, whether it is waiting or running", async () => {
    const pool = renderer({ workerUrl: workers.silent });
    const running = new AbortController();
    const waiting = new AbortController();
    const first = rejection(pool.renderReportPdf(model, { signal: running.signal }));
    const second = rejection(pool.renderReportPdf(model, { signal: waiting.signal }));
    waiting.abort();
    running.abort();
    const errors = await Promise.all([first, second]);
    expect(errors.map((error) => isReportRenderError(error) && error.reason)).toEqual(["aborted", "aborted"]);
    expect(pool.stats()).toMatchObject({ queued: 0 });
    await expect.poll(() => pool.stats()).toMatchObject({ workers: 0, running: 0 });
  });

  it("fails a render whose worker crashes and starts a new worker for the next", async () => {
    const pool = renderer({ workerUrl: workers.crashing });
    const errors = await Promise.all([rejection(pool.renderReportPdf(model)), rejection(pool.renderReportPdf(model))]);
    expect(errors.map((error) => isReportRenderError(error) && error.reason)).toEqual(["failed", "failed"]);
    expect(pool.stats()).toMatchObject({ started: 2, workers: 0, running: 0 });
    expect(logs.some((line) => line.includes('"report.pdf_render_failed"'))).toBe(true);
  });

  it("ends workers that have been idle, and starts one again when needed", async () => {
    const pool = renderer({ workerUrl: workers.real, idleTimeoutMs: 50 });
    await pool.renderReportPdf(model);
    await expect.poll(() => pool.stats().workers).toBe(0);
    await pool.renderReportPdf(model);
    expect(pool.stats().started).toBe(2);
  });

  it("on close, refuses new renders, stops the ones in hand and ends every worker", async () => {
    const pool = renderer({ workerUrl: workers.silent });
    const pending = [rejection(pool.renderReportPdf(model)), rejection(pool.renderReportPdf(model))];
    await pool.close();
    const errors = [...(await Promise.all(pending)), await rejection(pool.renderReportPdf(model))];
    expect(errors.map((error) => isReportRenderError(error) && error.reason)).toEqual(["closed", "closed", "closed"]);
    expect(pool.stats()).toMatchObject({ workers: 0, running: 0, queued: 0 });
  });
});
