import { Migrator, type MigrationResult } from "kysely";

import type { DB } from "./client";
import { migrations } from "./migrations/index";

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** Brings the schema up to date, or throws: the server must not start on a half-migrated database. */
export async function migrateToLatestOrThrow(db: DB): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(failed ? `Database migration ${failed} failed: ${reason}` : `Database migrations cannot run: ${reason}`, results, {
      cause: error,
    });
  }
  return results;
}
