import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { busyMeter } from "~/server/jobs";

function work(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("busyMeter (how background jobs tell that people are waiting)", () => {
  it("is busy after the event loop worked most of the time, and quiet after it waited", async () => {
    const meter = busyMeter(0.5);
    work(200);
    expect(meter.busy(0)).toBe(true);
    await sleep(200);
    expect(meter.busy(0)).toBe(false);
  });

  it("does not count the background job's own work", () => {
    const meter = busyMeter(0.5);
    work(200);
    expect(meter.busy(200)).toBe(false);
  });
});
