import { join } from "node:path";

import { createCookie } from "@remix-run/node";

import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { SecretBox } from "~/modules/auth/secret-box.server";
import { createMailTransport } from "~/modules/mail/transport.server";
import { OutboxWorker } from "~/modules/mail/worker.server";
import { createLogger, type Logger } from "~/modules/observability/logger";
import { ReferenceDataCache } from "~/modules/reference-data/cache.server";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import { ReportCache } from "~/modules/reports/report-cache.server";
import { SubmissionWriter } from "~/modules/submissions/submission-writer.server";
import { FixedWindowRateLimiter } from "~/modules/security/rate-limit";

import { resolveConfig } from "./config";
import type { AppConfig, AppServices } from "./context";
import type { Env } from "./env";

/**
 * Everything that must be true before the first request: data directory, secret, migrated and
 * seeded database. Throws (and the process exits) rather than serving on a broken setup.
 */
export async function bootServices(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<AppServices> {
  const config = resolveConfig(env, logger);
  const db = openDatabase({ filename: config.databasePath });
  const migrations = await migrateToLatestOrThrow(db);
  for (const migration of migrations) logger.info("db.migrated", { migration: migration.migrationName });
  await seedReferenceData(db);
  const now = () => new Date();

  return {
    db,
    config,
    cookies: { draft: createDraftCookie(config) },
    limiters: {
      submissions: new FixedWindowRateLimiter(env.SUBMISSION_RATE_LIMIT, env.SUBMISSION_RATE_WINDOW_MINUTES * 60_000),
    },
    referenceData: new ReferenceDataCache(db),
    auth: {
      cookie: createStaffCookie(config),
      policy: { idleMs: env.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.STAFF_SESSION_ABSOLUTE_HOURS * 3_600_000 },
      throttle: {
        accountLimit: env.AUTH_FAILURES_PER_ACCOUNT,
        clientLimit: env.AUTH_FAILURES_PER_CLIENT,
        windowMs: env.AUTH_FAILURE_WINDOW_MINUTES * 60_000,
      },
      secretBox: new SecretBox(config.sessionSecret, "totp-secrets"),
    },
    submissions: new SubmissionWriter(db, logger),
    mailWorker: createMailWorker(config, db, logger, now),
    reportRenderer: new ReportRenderer({
      // The worker bundle sits next to the bundle this file is built into (build/server/start.js).
      workerUrl: new URL("./report-pdf-worker.js", import.meta.url),
      concurrency: env.REPORT_RENDER_CONCURRENCY,
      timeoutMs: env.REPORT_RENDER_TIMEOUT_MS,
      logger,
    }),
    reportDb: openDatabase({ filename: config.databasePath, readonly: true }),
    reportCache: new ReportCache(env.REPORT_CACHE_MB * 1024 * 1024),
    logger,
    now,
  };
}

/** Holds only a random session id; timeouts are enforced on the server. No Max-Age: it ends with the browser. */
function createStaffCookie(config: AppConfig) {
  return createCookie(config.cookieSecure ? "__Host-icct_staff" : "icct_staff", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    path: "/",
    secrets: [config.sessionSecret],
  });
}

/**
 * With no SMTP_URL, mail is written to DATA_DIR/mail as .eml files, so a fresh machine needs
 * nothing else. A broken SMTP_URL is reported, and mail waits in the outbox: responses are still
 * accepted, and the mail goes once the setting is fixed and the server restarted.
 */
function createMailWorker(config: AppConfig, db: DB, logger: Logger, now: () => Date): OutboxWorker | null {
  const { env } = config;
  const setup = createMailTransport(env, join(config.dataDir, "mail"));
  if (!setup.ok) {
    logger.error("mail.transport_invalid", {
      problem: setup.problem,
      consequence: "No email is sent until SMTP_URL is fixed and the server restarted; emails wait in the outbox and responses are still accepted.",
    });
    return null;
  }
  if (setup.transport.kind === "file") {
    logger.warn("mail.file_sink", { directory: setup.transport.description, advice: "SMTP_URL is not set: emails are written to this folder as .eml files, not sent." });
  }
  return new OutboxWorker({
    db,
    transport: setup.transport,
    logger,
    now,
    from: env.MAIL_FROM ?? { name: "Improving Cancer Care Together", address: `no-reply@${config.publicUrl.hostname}` },
    retry: { baseDelayMs: env.MAIL_RETRY_BASE_SECONDS * 1000, maxDelayMs: env.MAIL_RETRY_MAX_SECONDS * 1000, maxAttempts: env.MAIL_MAX_ATTEMPTS },
    leaseMs: env.MAIL_LEASE_SECONDS * 1000,
    concurrency: env.SMTP_MAX_CONNECTIONS,
    retention: env.RESPONDENT_EMAIL_RETENTION,
    publicUrl: config.publicUrl,
    contactEmail: env.CONTACT_EMAIL,
  });
}

function createDraftCookie(config: AppConfig) {
  return createCookie(config.cookieSecure ? "__Host-icct_draft" : "icct_draft", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    path: "/",
    maxAge: Math.floor(config.draftTtlMs / 1000),
    secrets: [config.sessionSecret],
  });
}
