import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import { purgeExpiredDrafts } from "~/modules/submissions/drafts.server";
import { createLogger } from "~/modules/observability/logger";

import { bootServices } from "./boot";
import { EnvError, parseEnv } from "./env";
import { createHttpApp } from "./http";
import { startIntervalJob } from "./jobs";

const bootLogger = createLogger("info");

async function start(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const services = await bootServices(env, logger);
  const build = (await import(fileURLToPath(new URL("../index.js", import.meta.url)))) as ServerBuild;
  const app = createHttpApp({ services, build, publicDir: fileURLToPath(new URL("../../public", import.meta.url)) });

  const jobs = [
    startIntervalJob("drafts.purge", 15 * 60_000, logger, async () => {
      const purged = await purgeExpiredDrafts(services.db, services.now());
      if (purged > 0) logger.info("drafts.purged", { count: purged });
    }),
    startIntervalJob("rate_limits.prune", 60_000, logger, async () => {
      services.limiters.submissions.prune(services.now().getTime());
    }),
  ];

  const server = createServer(app);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;
    logger.info("server.listening", { url, publicUrl: services.config.publicUrl.href, dataDir: services.config.dataDir });
    process.stdout.write(`Improving Cancer Care Together is running at ${url}\n`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("server.stopping", { signal });
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await Promise.all(jobs.map((job) => job.stop()));
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.reportRenderer.close();
    await services.submissions.drain();
    await services.db.destroy();
    logger.info("server.stopped", { signal });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

try {
  await start();
} catch (error) {
  if (error instanceof EnvError) {
    bootLogger.error("config.invalid", { problems: error.problems.join("; ") });
    process.stderr.write(`${error.message}\n`);
  } else {
    bootLogger.error("server.boot_failed", { error: error instanceof Error ? error.message : String(error) });
    process.stderr.write(`The server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
