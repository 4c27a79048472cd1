/**
 * Counts events per key in fixed windows, in memory. The service runs as one process (SQLite has
 * one writer), so an in-process counter is exact; keys should already be pseudonymised.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when the key has used its allowance for the current window. A limit of 0 disables. */
  isLimited(key: string, nowMs: number): boolean {
    if (this.limit === 0) return false;
    const window = this.windows.get(key);
    return Boolean(window && nowMs - window.startedAt < this.windowMs && window.count >= this.limit);
  }

  record(key: string, nowMs: number): void {
    if (this.limit === 0) return;
    const window = this.windows.get(key);
    if (!window || nowMs - window.startedAt >= this.windowMs) {
      this.windows.set(key, { startedAt: nowMs, count: 1 });
    } else {
      window.count += 1;
    }
  }

  /** Drops finished windows so memory stays bounded. */
  prune(nowMs: number): void {
    for (const [key, window] of this.windows) {
      if (nowMs - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
