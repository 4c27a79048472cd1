import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { createCookie } from "@remix-run/node";

import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { createMailTransport } from "~/modules/mail/transport.server";
import { OutboxWorker } from "~/modules/mail/worker.server";
import { createLogger, type Logger } from "~/modules/observability/logger";
import { ReferenceDataCache } from "~/modules/reference-data/cache.server";
import { SubmissionWriter } from "~/modules/submissions/submission-writer.server";
import { randomToken } from "~/modules/security/pseudonym.server";
import { FixedWindowRateLimiter } from "~/modules/security/rate-limit";

import type { AppConfig, AppServices } from "./context";
import type { Env } from "./env";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Everything that must be true before the first request: data directory, secret, migrated and
 * seeded database. Throws (and the process exits) rather than serving on a broken setup.
 */
export async function bootServices(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<AppServices> {
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const databasePath = join(dataDir, "app.db");
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);

  const config: AppConfig = {
    env,
    publicUrl,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    dataDir,
    databasePath,
    sessionSecret: env.SESSION_SECRET ?? loadOrCreateSecret(dataDir, logger),
    draftTtlMs: env.DRAFT_TTL_DAYS * DAY_MS,
    staffNotifications: { mode: env.STAFF_NOTIFICATIONS, digestHour: env.STAFF_DIGEST_HOUR, messageIdDomain: publicUrl.hostname },
  };

  const db = openDatabase({ filename: databasePath });
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
    submissions: new SubmissionWriter(db, logger),
    mailWorker: createMailWorker(config, db, logger, now),
    logger,
    now,
  };
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

function loadOrCreateSecret(dataDir: string, logger: Logger): string {
  const path = join(dataDir, "session-secret");
  if (!existsSync(path)) {
    writeFileSync(path, `${randomToken(48)}\n`, { mode: 0o600, flag: "wx" });
    logger.warn("config.session_secret_generated", {
      path,
      advice: "Set SESSION_SECRET in the environment for production; keep this file private and backed up.",
    });
  }
  return readFileSync(path, "utf8").trim();
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
