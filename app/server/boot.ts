import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { createCookie } from "@remix-run/node";

import { openDatabase } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { createLogger, type Logger } from "~/modules/observability/logger";
import { ReferenceDataCache } from "~/modules/reference-data/cache.server";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
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
  };

  const db = openDatabase({ filename: databasePath });
  const migrations = await migrateToLatestOrThrow(db);
  for (const migration of migrations) logger.info("db.migrated", { migration: migration.migrationName });
  await seedReferenceData(db);

  return {
    db,
    config,
    cookies: { draft: createDraftCookie(config) },
    limiters: {
      submissions: new FixedWindowRateLimiter(env.SUBMISSION_RATE_LIMIT, env.SUBMISSION_RATE_WINDOW_MINUTES * 60_000),
    },
    referenceData: new ReferenceDataCache(db),
    submissions: new SubmissionWriter(db, logger),
    reportRenderer: new ReportRenderer({
      // The worker bundle sits next to the bundle this file is built into (build/server/start.js).
      workerUrl: new URL("./report-pdf-worker.js", import.meta.url),
      concurrency: env.REPORT_RENDER_CONCURRENCY,
      timeoutMs: env.REPORT_RENDER_TIMEOUT_MS,
      logger,
    }),
    logger,
    now: () => new Date(),
  };
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
