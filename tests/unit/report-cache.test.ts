import { describe, expect, it } from "vitest";

import { ReportCache } from "~/modules/reports/report-cache.server";

describe("ReportCache", () => {
  it("serves an entry for the data version it was built from", () => {
    const cache = new ReportCache(1000);
    cache.set(7, "a", "model a", 100);
    expect(cache.get(7, "a")).toBe("model a");
    expect(cache.get(7, "b")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 100, hits: 1, misses: 1, dataVersion: 7 });
  });

  it("drops everything once newer data is seen, and never keeps what was built from older data", () => {
    const cache = new ReportCache(1000);
    cache.set(7, "a", "model a", 100);
    expect(cache.get(8, "a")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, dataVersion: 8 });
    // A slow request that read version 7 finishes after version 8 was seen: its result is not kept.
    cache.set(7, "a", "stale model a", 100);
    expect(cache.get(8, "a")).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it("stays within its size, dropping the least recently used first", () => {
    const cache = new ReportCache(300);
    cache.set(1, "a", "A", 100);
    cache.set(1, "b", "B", 100);
    cache.set(1, "c", "C", 100);
    expect(cache.get(1, "a")).toBe("A");
    cache.set(1, "d", "D", 100);
    expect(cache.get(1, "b")).toBeUndefined();
    expect([cache.get(1, "a"), cache.get(1, "c"), cache.get(1, "d")]).toEqual(["A", "C", "D"]);
    expect(cache.stats().bytes).toBe(300);
    // Replacing an entry counts its new size only.
    cache.set(1, "d", "D2", 50);
    expect(cache.stats().bytes).toBe(250);
  });

  it("does not keep a value larger than the whole cache (or anything, when its size is 0)", () => {
    const cache = new ReportCache(300);
    cache.set(1, "huge", "H", 301);
    expect(cache.get(1, "huge")).toBeUndefined();
    const off = new ReportCache(0);
    off.set(1, "a", "A", 1);
    expect(off.get(1, "a")).toBeUndefined();
  });
});
