import { once } from "node:events";
import type { Writable } from "node:stream";

// Not re-exported from the package's index, but public in its server module (and its types);
// the version is pinned to 2.17.x.
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { RequestHandler, Response as ExpressResponse } from "express";

/**
 * Remix's Express handler, except that a streamed body is written only as fast as the client
 * reads it. The stock handler writes every chunk as soon as it is made, so a CSV export of a
 * quarter of a million rows to a slow connection would sit in the server's memory.
 */
export function createRemixHandler({ build, getLoadContext }: { build: ServerBuild; getLoadContext: (req: Parameters<RequestHandler>[0], res: ExpressResponse) => AppLoadContext }): RequestHandler {
  const handleRequest = createRequestHandler(build, build.mode);
  return async (req, res, next) => {
    try {
      const response = await handleRequest(createRemixRequest(req, res), getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeBody(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** Pieces of a body that are ready together are written as one, up to this size. */
const MOST_BYTES_PER_WRITE = 64 * 1024;

const PAUSED = Symbol("paused");

/**
 * Copies a web stream to a Node writable, waiting for "drain" whenever the writable is full.
 *
 * React hands over a page in a few dozen small pieces. Each piece written and flushed on its own
 * through compression() costs a zlib round trip and a sync flush, about 8 ms for an inbox page; so
 * the pieces already made are gathered and written as one, then flushed, which still streams pages
 * whose deferred data comes later.
 */
export async function writeBody(body: ReadableStream<Uint8Array>, writable: Writable & { flush?: () => void }): Promise<void> {
  const reader = body.getReader();
  // once() rejects if the writable errors; that too means the client is gone.
  const gone = () => "closed" as const;
  const closed = once(writable, "close").then(gone, gone);
  // A read can fail while this waits for "drain"; the failure is taken when the read is awaited.
  const read = () => {
    const result = reader.read();
    result.catch(() => undefined);
    return result;
  };
  try {
    let pending = read();
    for (;;) {
      const first = await pending;
      if (first.done) break;
      const pieces = [first.value];
      let bytes = first.value.byteLength;
      let finished = false;
      // Reads of pieces already made settle before the next turn of the event loop.
      const paused = new Promise<typeof PAUSED>((resolve) => setImmediate(resolve, PAUSED));
      pending = read();
      while (bytes < MOST_BYTES_PER_WRITE) {
        const next = await Promise.race([pending, paused]);
        if (next === PAUSED) break;
        if (next.done) {
          finished = true;
          break;
        }
        pieces.push(next.value);
        bytes += next.value.byteLength;
        pending = read();
      }
      const hasRoom = writable.write(pieces.length === 1 ? first.value : Buffer.concat(pieces, bytes));
      // compression() holds output until flushed; each write ends where the body paused (or is full).
      writable.flush?.();
      if (finished) break;
      if (!hasRoom && (await Promise.race([once(writable, "drain").then(() => "drained" as const), closed])) === "closed") {
        await reader.cancel();
        return;
      }
    }
    writable.end();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    writable.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
