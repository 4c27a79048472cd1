import { sql, type Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

export async function up(db: Kysely<unknown>): Promise<void> {
  // "No theme yet" is asked of every response on the inbox and dashboard. Keeping a count of each
  // priority's themes, maintained by triggers, lets a partial index answer it instead of one
  // lookup per priority.
  await db.schema.alterTable("priorities").addColumn("theme_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql`update priorities set theme_count = (select count(*) from priority_themes where priority_themes.priority_id = priorities.id)`.execute(db);
  await sql`create trigger priority_themes_count_insert after insert on priority_themes begin
    update priorities set theme_count = theme_count + 1 where id = new.priority_id;
  end`.execute(db);
  await sql`create trigger priority_themes_count_delete after delete on priority_themes begin
    update priorities set theme_count = theme_count - 1 where id = old.priority_id;
  end`.execute(db);
  await sql`create index priorities_untagged on priorities (submission_id) where theme_count = 0`.execute(db);

  // A response page lists the responses marked as duplicates of it.
  await sql`create index submissions_duplicate_of on submissions (duplicate_of_id) where duplicate_of_id is not null`.execute(db);

  // The inbox's "flagged" filter looks up each response's flags by state.
  await db.schema.createIndex("submission_flags_submission_state").on("submission_flags").columns(["submission_id", "state"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("submission_flags_submission_state").execute();
  await db.schema.dropIndex("submissions_duplicate_of").execute();
  await db.schema.dropIndex("priorities_untagged").execute();
  await sql`drop trigger priority_themes_count_delete`.execute(db);
  await sql`drop trigger priority_themes_count_insert`.execute(db);
  await db.schema.alterTable("priorities").dropColumn("theme_count").execute();
}
