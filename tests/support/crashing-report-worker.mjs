// A report worker that dies on its first request, as one that ran out of memory would.
import { parentPort } from "node:worker_threads";

parentPort.on("message", () => {
  throw new Error("worker crashed");
});
