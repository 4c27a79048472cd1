import type { Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Responses waiting for their background near-duplicate check, which stores the response's
  // text sketch and compares it with every earlier response sharing sketch values: too much work
  // to do before telling the person their response was sent.
  await db.schema
    .createTable("near_duplicate_checks")
    .addColumn("submission_id", "integer", (c) => c.primaryKey().references("submissions.id").onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("near_duplicate_checks").execute();
}
