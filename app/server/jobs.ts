import { performance } from "node:perf_hooks";

import type { Logger } from "~/modules/observability/logger";

export interface IntervalJob {
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Runs `task` now and then every `intervalMs`, never overlapping itself; failures are logged, not fatal. */
export function startIntervalJob(name: string, intervalMs: number, logger: Logger, task: () => Promise<void>): IntervalJob {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = task()
      .catch((error: unknown) => logger.error("job.failed", { job: name, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Whether the server has been busy serving requests since the last call: more than `threshold`
 * of the time spent working rather than waiting, not counting the caller's own background work.
 * Background jobs ask it to do less while people are waiting for pages.
 */
export function busyMeter(threshold = 0.5) {
  let last = performance.eventLoopUtilization();
  return {
    busy(backgroundMs: number): boolean {
      const now = performance.eventLoopUtilization();
      const { active, idle } = performance.eventLoopUtilization(now, last);
      last = now;
      return active - backgroundMs > threshold * (active + idle);
    },
  };
}

/**
 * An interval job that gives way to people: `task` is told whether the server was busy serving
 * requests since its last run (its own work not counted), and should do less when it was.
 */
export function startYieldingJob(name: string, intervalMs: number, logger: Logger, task: (busy: boolean) => Promise<void>): IntervalJob {
  const meter = busyMeter();
  let ownMs = 0;
  return startIntervalJob(name, intervalMs, logger, async () => {
    const started = performance.now();
    try {
      await task(meter.busy(ownMs));
    } finally {
      ownMs = performance.now() - started;
    }
  });
}
