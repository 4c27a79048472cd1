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

/** Copies a web stream to a Node writable, waiting for "drain" whenever the writable is full. */
export async function writeBody(body: ReadableStream<Uint8Array>, writable: Writable & { flush?: () => void }): Promise<void> {
  const reader = body.getReader();
  const closed = once(writable, "close").then(() => "closed" as const);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const hasRoom = writable.write(value);
      // compression() buffers until flushed; flushing each chunk keeps streamed pages streaming.
      writable.flush?.();
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
