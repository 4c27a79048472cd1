import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

/** A real, migrated and seeded SQLite file in a temporary folder. */
export async function createTestDatabase(): Promise<{ db: DB; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "icct-db-"));
  const path = join(dir, "app.db");
  const db = openDatabase({ filename: path });
  await migrateToLatestOrThrow(db);
  await seedReferenceData(db);
  return {
    db,
    path,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
