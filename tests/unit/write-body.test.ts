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
});
