import type { Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A bottom-k sketch of each response's word shingles, for finding near duplicates through an index.
  await db.schema
    .createTable("submission_text_sketch")
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("submission_text_sketch_pk", ["value", "submission_id"])
    .execute();
  await db.schema.createIndex("submission_text_sketch_submission").on("submission_text_sketch").column("submission_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("submission_text_sketch").execute();
}
