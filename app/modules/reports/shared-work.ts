/**
 * Identical work asked for while it is already running joins it instead of starting again: two
 * planners opening the same report at once cost one aggregation and one PDF render. Each caller
 * may stop waiting (its signal); the work itself is stopped only once every caller has.
 */
interface Running {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting; callers without a signal never stop. */
  waiting: number;
}

export class SharedWork {
  readonly #running = new Map<string, Running>();
  #joined = 0;

  /** How many callers joined work that was already running. */
  get joined(): number {
    return this.#joined;
  }

  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let running = this.#running.get(key);
    if (running) {
      this.#joined += 1;
    } else {
      const controller = new AbortController();
      const started: Running = { controller, waiting: 0, promise: Promise.resolve() };
      started.promise = work(controller.signal).finally(() => {
        if (this.#running.get(key) === started) this.#running.delete(key);
      });
      this.#running.set(key, started);
      running = started;
    }
    running.waiting += 1;
    const result = running.promise as Promise<T>;
    if (!signal) return result;

    const joined = running;
    return new Promise<T>((resolve, reject) => {
      const stopWaiting = () => {
        joined.waiting -= 1;
        if (joined.waiting === 0) {
          // Nobody is left to want it: stop it, and let the next caller start afresh.
          if (this.#running.get(key) === joined) this.#running.delete(key);
          joined.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener("abort", stopWaiting, { once: true });
      result.then(
        (value) => {
          signal.removeEventListener("abort", stopWaiting);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", stopWaiting);
          reject(error);
        },
      );
    });
  }
}
