import { createCookie } from "@remix-run/node";

import { openDatabase } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { SecretBox } from "~/modules/auth/secret-box.server";
import { createLogger, type Logger } from "~/modules/observability/logger";
import { ReferenceDataCache } from "~/modules/reference-data/cache.server";
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
    logger,
    now: () => new Date(),
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
