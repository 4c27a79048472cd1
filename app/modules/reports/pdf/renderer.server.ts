import { Worker } from "node:worker_threads";

import type { Logger } from "~/modules/observability/logger";

import type { ReportModel } from "../report-model";

/**
 * Renders report PDFs in worker threads, off the request thread. At most `concurrency` renders
 * run at once; the rest wait in order. Every request has `timeoutMs` from the moment it is made:
 * one still waiting then is dropped, one rendering has its worker terminated. Workers are kept
 * for the next render (a new worker's first render takes about twice as long as the next) and
 * ended after five minutes unused, returning their memory (about 150 MB each).
 */

export interface RenderRequest {
  id: number;
  model: ReportModel;
}

export interface RenderWorkerData {
  /** Render a sample report at once, before any request (see warm()). */
  warmUp: boolean;
}

export type RenderResponse = { id: number; ok: true; pdf: Uint8Array; pages: number } | { id: number; ok: false; error: string };

export type ReportRenderFailure = "timeout" | "failed" | "aborted" | "closed";

/**
 * The server bundle and the Remix build each hold a copy of this class, so routes recognise it
 * with `isReportRenderError` (by name), not `instanceof`.
 */
export class ReportRenderError extends Error {
  override readonly name = "ReportRenderError";

  constructor(
    readonly reason: ReportRenderFailure,
    message: string,
  ) {
    super(message);
  }
}

export function isReportRenderError(error: unknown): error is ReportRenderError {
  return error instanceof Error && error.name === "ReportRenderError" && "reason" in error;
}

export interface ReportRendererOptions {
  /** The bundled worker, build/server/report-pdf-worker.js. */
  workerUrl: URL;
  concurrency: number;
  timeoutMs: number;
  logger: Logger;
  /** End a worker unused for this long, returning its memory. */
  idleTimeoutMs?: number;
  /** A render that needs more heap than this fails rather than starving the server. */
  maxHeapMb?: number;
}

export interface RenderOptions {
  /** Abort when the person stops waiting (the request's signal). */
  signal?: AbortSignal;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pages: number;
}

export interface ReportRendererStats {
  /** Renders in progress, counting workers still being terminated after a timeout. */
  running: number;
  queued: number;
  /** Worker threads alive, busy or idle. */
  workers: number;
  /** The most renders ever in progress at once. */
  peakRunning: number;
  /** Worker threads started so far. */
  started: number;
}

interface Job {
  id: number;
  model: ReportModel;
  requestedAt: number;
  resolve: (result: RenderedPdf) => void;
  reject: (error: ReportRenderError) => void;
  settle: () => void;
  worker: PooledWorker | null;
}

interface PooledWorker {
  thread: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

export class ReportRenderer {
  readonly #options: Required<ReportRendererOptions>;
  readonly #queue: Job[] = [];
  readonly #workers = new Set<PooledWorker>();
  readonly #terminations = new Set<Promise<unknown>>();
  /** Workers stopped in the middle of a render, until their threads have really exited. */
  #stoppingRenders = 0;
  #nextId = 1;
  #peakRunning = 0;
  #started = 0;
  #closed = false;

  constructor(options: ReportRendererOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new RangeError("concurrency must be a whole number of at least 1");
    this.#options = { idleTimeoutMs: 5 * 60_000, maxHeapMb: 256, ...options };
  }

  renderReportPdf(model: ReportModel, { signal }: RenderOptions = {}): Promise<RenderedPdf> {
    if (this.#closed) return Promise.reject(new ReportRenderError("closed", "The report renderer has shut down."));
    if (signal?.aborted) return Promise.reject(new ReportRenderError("aborted", "The report was no longer wanted."));

    return new Promise<RenderedPdf>((resolve, reject) => {
      const { timeoutMs, logger } = this.#options;
      const timer = setTimeout(() => {
        logger.warn("report.pdf_render_timeout", { timeoutMs, phase: job.worker ? "rendering" : "queued" });
        this.#fail(job, new ReportRenderError("timeout", `The report took longer than ${timeoutMs} ms to render and was stopped.`));
      }, timeoutMs);
      const onAbort = () => this.#fail(job, new ReportRenderError("aborted", "The report was no longer wanted."));
      signal?.addEventListener("abort", onAbort, { once: true });

      const job: Job = {
        id: this.#nextId++,
        model,
        requestedAt: performance.now(),
        resolve,
        reject,
        settle: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
        worker: null,
      };
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Starts a worker, if none is running, so the next render does not pay for starting one. */
  warm(): void {
    if (this.#closed || this.#workers.size > 0) return;
    this.#rest(this.#startWorker({ warmUp: true }));
  }

  stats(): ReportRendererStats {
    return {
      running: this.#running(),
      queued: this.#queue.length,
      workers: this.#workers.size,
      peakRunning: this.#peakRunning,
      started: this.#started,
    };
  }

  /** Refuses new renders, stops those waiting or running, and ends every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = () => new ReportRenderError("closed", "The report renderer has shut down.");
    for (const job of [...this.#queue]) this.#fail(job, closed());
    for (const worker of [...this.#workers]) {
      if (worker.job) this.#fail(worker.job, closed());
      else this.#terminate(worker);
    }
    await Promise.all(this.#terminations);
  }

  #running(): number {
    let busy = 0;
    for (const worker of this.#workers) if (worker.job) busy += 1;
    return busy + this.#stoppingRenders;
  }

  #pump(): void {
    while (!this.#closed && this.#queue.length > 0 && this.#running() < this.#options.concurrency) {
      const job = this.#queue.shift()!;
      const worker = this.#idleWorker() ?? this.#startWorker({ warmUp: false });
      worker.job = job;
      job.worker = worker;
      this.#peakRunning = Math.max(this.#peakRunning, this.#running());
      worker.thread.postMessage({ id: job.id, model: job.model } satisfies RenderRequest);
    }
  }

  #idleWorker(): PooledWorker | null {
    for (const worker of this.#workers) {
      if (worker.job === null) {
        if (worker.idleTimer) clearTimeout(worker.idleTimer);
        worker.idleTimer = null;
        return worker;
      }
    }
    return null;
  }

  #startWorker(workerData: RenderWorkerData): PooledWorker {
    const thread = new Worker(this.#options.workerUrl, {
      workerData,
      // The bundle is plain JavaScript: no loaders from the parent (tsx, vitest) are wanted.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxHeapMb },
    });
    const worker: PooledWorker = { thread, job: null, idleTimer: null };
    this.#workers.add(worker);
    this.#started += 1;
    thread.on("message", (response: RenderResponse) => this.#onResponse(worker, response));
    thread.on("error", (error) => this.#onWorkerGone(worker, `${error.name}: ${error.message}`));
    thread.on("exit", (code) => this.#onWorkerGone(worker, `exit ${code}`));
    return worker;
  }

  #onResponse(worker: PooledWorker, response: RenderResponse): void {
    const job = worker.job;
    if (!job || job.id !== response.id) return;
    job.settle();
    worker.job = null;
    if (response.ok) {
      this.#options.logger.info("report.pdf_rendered", {
        ms: Math.round(performance.now() - job.requestedAt),
        pages: response.pages,
        bytes: response.pdf.byteLength,
      });
      job.resolve({ pdf: response.pdf, pages: response.pages });
    } else {
      this.#options.logger.error("report.pdf_render_failed", { error: response.error });
      job.reject(new ReportRenderError("failed", "The report could not be rendered."));
    }
    this.#rest(worker);
    this.#pump();
  }

  /** A worker that crashed or ran out of memory: fail its render and forget it. */
  #onWorkerGone(worker: PooledWorker, cause: string): void {
    if (!this.#workers.delete(worker)) return;
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    const job = worker.job;
    if (job) {
      job.settle();
      this.#options.logger.error("report.pdf_render_failed", { error: cause });
      job.reject(new ReportRenderError("failed", "The report could not be rendered."));
    }
    this.#pump();
  }

  #rest(worker: PooledWorker): void {
    if (this.#closed) return this.#terminate(worker);
    worker.idleTimer = setTimeout(() => this.#terminate(worker), this.#options.idleTimeoutMs);
    worker.idleTimer.unref();
  }

  /** Settles a job that has not finished: drops it from the queue, or terminates the worker rendering it. */
  #fail(job: Job, error: ReportRenderError): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    else if (job.worker?.job === job) this.#terminate(job.worker);
    else return;
    job.settle();
    job.reject(error);
  }

  #terminate(worker: PooledWorker): void {
    if (!this.#workers.delete(worker)) return;
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    // A render's slot stays taken until its thread has really stopped, so the cap holds even then.
    const wasRendering = worker.job !== null;
    if (wasRendering) this.#stoppingRenders += 1;
    worker.job = null;
    const termination = worker.thread.terminate().finally(() => {
      this.#terminations.delete(termination);
      if (wasRendering) this.#stoppingRenders -= 1;
      this.#pump();
    });
    this.#terminations.add(termination);
  }
}
