import { sql, type Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per staff notification made: its counts, and the newest submission and flag it
  // covered, so the next one starts exactly where this one ended.
  await db.schema
    .createTable("staff_notification_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('immediate', 'daily')`))
    // For a daily digest, the time it was due: unique, so each day's digest is made once.
    .addColumn("due_at", "text", (c) => c.unique())
    .addColumn("last_submission_id", "integer", (c) => c.notNull())
    .addColumn("last_flag_id", "integer", (c) => c.notNull())
    .addColumn("new_responses", "integer", (c) => c.notNull())
    .addColumn("flagged_safety", "integer", (c) => c.notNull())
    .addColumn("flagged_complaint", "integer", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // Outbox status: the oldest pending message, and dead messages newest first.
  await db.schema.createIndex("outbox_state_created").on("outbox").columns(["state", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_state_created").execute();
  await db.schema.dropTable("staff_notification_runs").execute();
}
