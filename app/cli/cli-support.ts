import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { createLogger } from "~/modules/observability/logger";
import { resolveConfig } from "~/server/config";
import type { AppConfig } from "~/server/context";
import { parseEnv } from "~/server/env";

/**
 * Opens the same database as the server (DATA_DIR/app.db, same environment variables). Safe while
 * the server runs: SQLite's WAL and busy timeout let both use the file.
 */
export async function openCliDatabase(): Promise<{ db: DB; config: AppConfig }> {
  const env = parseEnv(process.env);
  const config = resolveConfig(env, createLogger("warn", (line) => process.stderr.write(line)));
  const db = openDatabase({ filename: config.databasePath });
  await migrateToLatestOrThrow(db);
  await seedReferenceData(db);
  return { db, config };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
