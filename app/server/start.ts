import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import { purgeExpiredSessions } from "~/modules/auth/sessions.server";
import { purgeOldFailures } from "~/modules/auth/throttle.server";
import { countActiveAdmins } from "~/modules/auth/users.server";
import { runStaffNotifications } from "~/modules/mail/staff-notifications.server";
import { createLogger } from "~/modules/observability/logger";
import { eraseExpiredResponses } from "~/modules/privacy/erasure.server";
import { storePendingRedactions } from "~/modules/reports/redaction-store.server";
import { purgeExpiredDrafts } from "~/modules/submissions/drafts.server";
import { screenPendingNearDuplicates } from "~/modules/triage/screening.server";

import { bootServices } from "./boot";
import { EnvError, parseEnv } from "./env";
import { createHttpApp } from "./http";
import { startIntervalJob, startYieldingJob } from "./jobs";

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
    startIntervalJob("sessions.purge", 15 * 60_000, logger, async () => {
      await purgeExpiredSessions(services.db, services.now(), services.auth.policy);
      await purgeOldFailures(services.db, services.now(), services.auth.throttle);
    }),
    startIntervalJob("responses.retention", 6 * 60 * 60_000, logger, async () => {
      const erased = await eraseExpiredResponses(services.db, services.now(), env.RESPONSE_RETENTION_MONTHS);
      if (erased > 0) logger.info("responses.erased_for_retention", { count: erased, months: env.RESPONSE_RETENTION_MONTHS });
    }),
    // New and edited priorities are redacted for CSV exports within a minute or so; a whole
    // database (after an upgrade or an import) 10,000 priorities every 15 seconds. A batch of 500
    // holds the event loop for tens of milliseconds, so while people are waiting, 50 at a time.
    startYieldingJob("reports.redaction", 15_000, logger, async (busy) => {
      const redacted = await storePendingRedactions(services.db, busy ? { batchSize: 50, limit: 50 } : { limit: 10_000 });
      if (redacted > 0) logger.info("reports.redactions_stored", { count: redacted });
    }),
    // A response is checked for near duplicates within a second of arriving; while people are
    // waiting for pages, only a few a second, catching up once the rush is over.
    startYieldingJob("screening.near_duplicates", 250, logger, async (busy) => {
      await screenPendingNearDuplicates(services.db, { limit: busy ? 4 : 400 });
    }),
  ];
  if (services.config.staffNotifications.mode !== "off") {
    jobs.push(
      startIntervalJob("mail.staff_notifications", 60_000, logger, async () => {
        const run = await runStaffNotifications(services.db, services.config.staffNotifications, services.now());
        if (run) logger.info("mail.staff_notification_queued", { ...run });
      }),
    );
  }
  services.mailWorker?.start();

  const server = createServer(app);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;
    logger.info("server.listening", { url, publicUrl: services.config.publicUrl.href, dataDir: services.config.dataDir });
    process.stdout.write(`Improving Cancer Care Together is running at ${url}\n`);
  });
  if ((await countActiveAdmins(services.db)) === 0) {
    process.stdout.write(
      "No staff accounts yet. Create the first admin (it prints a one-time invite link):\n" +
        '  npm run user -- add --email you@example.nhs.uk --name "Your Name" --role admin\n',
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("server.stopping", { signal });
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    // The mail worker finishes sends in progress for up to 5 s, then puts the rest back to pending.
    await Promise.all([...jobs.map((job) => job.stop()), services.mailWorker?.stop(5_000)]);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.reportRenderer.close();
    await services.reportDb.destroy();
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
