import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { writeBody } from "~/server/remix-handler";

const CHUNK = 64 * 1024;

/** A body of `chunks` pieces, made only when asked for, counting how many were asked for. */
function countedBody(chunks: number) {
  const state = { made: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.made += 1;
        controller.enqueue(new Uint8Array(CHUNK));
        if (state.made === chunks) controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

/** A client that reads nothing until told to. */
function slowClient() {
  const waiting: (() => void)[] = [];
  let received = 0;
  const sink = new Writable({
    highWaterMark: 2 * CHUNK,
    write(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      waiting.push(done);
    },
  });
  return {
    sink,
    received: () => received,
    readWhatIsWaiting: () => waiting.splice(0).forEach((done) => done()),
    readEverything: async () => {
      while (!sink.writableFinished) {
        waiting.splice(0).forEach((done) => done());
        await sleep(1);
      }
    },
  };
}

describe("writeBody", () => {
  it("makes the body only as fast as the client reads it, then sends all of it", async () => {
    const { body, state } = countedBody(200);
    const client = slowClient();
    const writing = writeBody(body, client.sink);
    await sleep(50);
    // The stock Remix writer would have made all 200 chunks (12.5 MB) by now, to sit in memory.
    expect(state.made).toBeLessThanOrEqual(4);

    await Promise.all([writing, client.readEverything()]);
    expect(state.made).toBe(200);
    expect(client.received()).toBe(200 * CHUNK);
  });

  it("stops making the body when the client goes away", async () => {
    const { body, state } = countedBody(200);
    const client = slowClient();
    const writing = writeBody(body, client.sink);
    await sleep(20);
    client.sink.destroy();
    await writing;
    expect(state.cancelled).toBe(true);
    expect(state.made).toBeLessThanOrEqual(4);
  });

  it("writes the pieces of a page made together as one, and what comes after a pause separately", async () => {
    const encoder = new TextEncoder();
    let later: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // As React hands over a page's shell: many small pieces at once.
        for (let i = 0; i < 30; i += 1) controller.enqueue(encoder.encode(`<p>${i}</p>`));
        later = controller;
      },
    });
    const writes: string[] = [];
    let flushes = 0;
    const sink = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          writes.push(chunk.toString());
          done();
        },
      }),
      { flush: () => (flushes += 1) },
    );
    const writing = writeBody(body, sink);
    await sleep(20);
    // The shell has reached the client before the deferred part exists.
    expect(writes).toEqual([Array.from({ length: 30 }, (_, i) => `<p>${i}</p>`).join("")]);
    expect(flushes).toBe(1);

    later!.enqueue(encoder.encode("<p>deferred</p>"));
    later!.close();
    await writing;
    expect(writes).toEqual([writes[0], "<p>deferred</p>"]);
    expect(flushes).toBe(2);
  });

  it("passes on a failure of the body that happens while the client is not reading", async () => {
    let fail: (error: Error) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // Enough to fill the client, then the next piece is still being made when the body fails.
        controller.enqueue(new Uint8Array(CHUNK));
        controller.enqueue(new Uint8Array(CHUNK));
        fail = (error) => controller.error(error);
      },
    });
    const client = slowClient();
    const writing = writeBody(body, client.sink);
    const failed = expect(writing).rejects.toThrow("render failed");
    await sleep(20);
    fail(new Error("render failed"));
    // Nothing is reported until the client reads again (and no rejection goes unhandled meanwhile).
    await sleep(20);
    for (let i = 0; i < 3; i += 1) {
      client.readWhatIsWaiting();
      await sleep(1);
    }
    await failed;
    expect(client.sink.destroyed).toBe(true);
  });

  it("passes on a failure of the body to a client that is reading, leaving nothing unhandled", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("<p>shell</p>"));
        setTimeout(() => controller.error(new Error("render failed")), 5);
      },
    });
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const errors: unknown[] = [];
    sink.on("error", (error) => errors.push(error));
    await expect(writeBody(body, sink)).rejects.toThrow("render failed");
    await sleep(10);
    expect(errors).toHaveLength(1);
    expect(sink.destroyed).toBe(true);
  });
});
