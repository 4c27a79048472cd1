import { describe, expect, it } from "vitest";

import { SharedWork } from "~/modules/reports/shared-work";

/** Work that finishes when told to, recording how often it started and whether it was stopped. */
function controllableWork<T>() {
  const state = { started: 0, stopped: false, finish: (_value: T) => undefined as void, fail: (_error: Error) => undefined as void };
  const work = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      state.started += 1;
      state.finish = resolve;
      state.fail = reject;
      signal.addEventListener("abort", () => {
        state.stopped = true;
        reject(new Error("stopped"));
      });
    });
  return { state, work };
}

describe("SharedWork", () => {
  it("runs identical work once for callers that arrive while it runs, and again once it has finished", async () => {
    const shared = new SharedWork();
    const { state, work } = controllableWork<string>();
    const first = shared.run("report-a", work);
    const second = shared.run("report-a", work);
    expect(state.started).toBe(1);
    expect(shared.joined).toBe(1);
    state.finish("pdf");
    await expect(Promise.all([first, second])).resolves.toEqual(["pdf", "pdf"]);

    const later = shared.run("report-a", work);
    expect(state.started).toBe(2);
    state.finish("pdf again");
    await expect(later).resolves.toBe("pdf again");
  });

  it("runs different work separately", async () => {
    const shared = new SharedWork();
    const a = controllableWork<string>();
    const b = controllableWork<string>();
    const first = shared.run("report-a", a.work);
    const second = shared.run("report-b", b.work);
    a.state.finish("a");
    b.state.finish("b");
    await expect(Promise.all([first, second])).resolves.toEqual(["a", "b"]);
    expect(shared.joined).toBe(0);
  });

  it("gives every caller the same failure", async () => {
    const shared = new SharedWork();
    const { state, work } = controllableWork<string>();
    const first = shared.run("report-a", work);
    const second = shared.run("report-a", work);
    state.fail(new Error("render failed"));
    await expect(first).rejects.toThrow("render failed");
    await expect(second).rejects.toThrow("render failed");
  });

  it("keeps the work going while anyone still waits, and stops it when the last caller gives up", async () => {
    const shared = new SharedWork();
    const { state, work } = controllableWork<string>();
    const leaving = new AbortController();
    const staying = new AbortController();
    const first = shared.run("report-a", work, leaving.signal);
    const second = shared.run("report-a", work, staying.signal);

    leaving.abort(new Error("first left"));
    await expect(first).rejects.toThrow("first left");
    expect(state.stopped).toBe(false);

    staying.abort(new Error("second left"));
    await expect(second).rejects.toThrow("second left");
    expect(state.stopped).toBe(true);

    // Stopped work is not joined: the next caller starts afresh.
    const next = shared.run("report-a", work);
    expect(state.started).toBe(2);
    state.finish("pdf");
    await expect(next).resolves.toBe("pdf");
  });

  it("never stops work that a caller without a signal waits for", async () => {
    const shared = new SharedWork();
    const { state, work } = controllableWork<string>();
    const patient = shared.run("report-a", work);
    const impatient = new AbortController();
    const leaving = shared.run("report-a", work, impatient.signal);
    impatient.abort(new Error("left"));
    await expect(leaving).rejects.toThrow("left");
    expect(state.stopped).toBe(false);
    state.finish("pdf");
    await expect(patient).resolves.toBe("pdf");
  });

  it("refuses at once a caller that has already given up", async () => {
    const shared = new SharedWork();
    const { state, work } = controllableWork<string>();
    const gone = new AbortController();
    gone.abort(new Error("gone"));
    await expect(shared.run("report-a", work, gone.signal)).rejects.toThrow("gone");
    expect(state.started).toBe(0);
  });
});
