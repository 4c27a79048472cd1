import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import type { Logger } from "~/modules/observability/logger";
import { randomToken } from "~/modules/security/pseudonym.server";

import type { AppConfig } from "./context";
import type { Env } from "./env";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Settings derived from the environment, shared by the server and the command-line tools: the
 * data directory (created if missing), the database path, the public URL and the secret.
 */
export function resolveConfig(env: Env, logger: Logger): AppConfig {
  const { dataDir, databasePath } = prepareDataDirectory(env);
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  return {
    env,
    publicUrl,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    dataDir,
    databasePath,
    sessionSecret: env.SESSION_SECRET ?? loadOrCreateSecret(dataDir, logger),
    draftTtlMs: env.DRAFT_TTL_DAYS * DAY_MS,
    staffNotifications: { mode: env.STAFF_NOTIFICATIONS, digestHour: env.STAFF_DIGEST_HOUR, messageIdDomain: publicUrl.hostname },
  };
}

/** The data directory (created if missing, private to this user) and the database file in it. */
export function prepareDataDirectory(env: Env): { dataDir: string; databasePath: string } {
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return { dataDir, databasePath: join(dataDir, "app.db") };
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
