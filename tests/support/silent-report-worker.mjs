// A report worker that takes requests and never answers, like a render stuck on a huge input:
// for testing ReportRenderer's timeout, cap and shutdown without depending on how long a real
// render takes.
import { parentPort } from "node:worker_threads";

parentPort.on("message", () => {});
