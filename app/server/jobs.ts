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
