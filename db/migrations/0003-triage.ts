import { sql, type Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("submissions")
    .addColumn("excluded_reason", "text", (c) => c.check(sql`excluded_reason in ('spam', 'duplicate', 'out_of_scope', 'test')`))
    .execute();
  await db.schema.alterTable("submissions").addColumn("assigned_to_user_id", "integer", (c) => c.references("users.id")).execute();
  await db.schema.alterTable("submissions").addColumn("duplicate_of_id", "integer", (c) => c.references("submissions.id")).execute();
  await db.schema.alterTable("submissions").addColumn("text_fingerprint", "text").execute();
  await db.schema.createIndex("submissions_assigned").on("submissions").columns(["assigned_to_user_id", "received_at"]).execute();
  await db.schema.createIndex("submissions_fingerprint").on("submissions").column("text_fingerprint").execute();
  await db.schema.createIndex("submissions_channel_received").on("submissions").columns(["channel", "received_at"]).execute();

  await db.schema.alterTable("priorities").addColumn("suitable_to_quote", "integer", (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable("priority_themes")
    .addColumn("priority_id", "integer", (c) => c.notNull().references("priorities.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id"))
    .addColumn("assigned_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("assigned_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("priority_themes_pk", ["priority_id", "theme_id"])
    .execute();
  await db.schema.createIndex("priority_themes_theme").on("priority_themes").columns(["theme_id", "priority_id"]).execute();

  await db.schema
    .createTable("submission_notes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("author_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("submission_notes_submission").on("submission_notes").columns(["submission_id", "created_at"]).execute();

  await db.schema
    .createTable("submission_flags")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('safety', 'complaint')`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('auto', 'manual')`))
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open").check(sql`state in ('open', 'actioned')`))
    .addColumn("matched_phrase", "text")
    .addColumn("raised_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("actioned_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actioned_at", "text")
    .addColumn("action_note", "text")
    .addUniqueConstraint("submission_flags_one_per_kind", ["submission_id", "kind"])
    .execute();
  await db.schema.createIndex("submission_flags_state").on("submission_flags").columns(["state", "kind", "raised_at"]).execute();

  await db.schema
    .createTable("safety_phrases")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("phrase", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('safety', 'complaint')`))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("safety_phrases_phrase_kind", ["phrase", "kind"])
    .execute();

  // Full-text search over priority text (SQLite FTS5 with Porter stemming), kept in step by
  // triggers. Only app/modules/triage/search.server.ts queries it.
  await sql`create virtual table priorities_fts using fts5(what_text, why_text, content='priorities', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into priorities_fts(rowid, what_text, why_text) select id, what_text, coalesce(why_text, '') from priorities`.execute(db);
  await sql`create trigger priorities_fts_insert after insert on priorities begin
    insert into priorities_fts(rowid, what_text, why_text) values (new.id, new.what_text, coalesce(new.why_text, ''));
  end`.execute(db);
  await sql`create trigger priorities_fts_delete after delete on priorities begin
    insert into priorities_fts(priorities_fts, rowid, what_text, why_text) values ('delete', old.id, old.what_text, coalesce(old.why_text, ''));
  end`.execute(db);
  await sql`create trigger priorities_fts_update after update of what_text, why_text on priorities begin
    insert into priorities_fts(priorities_fts, rowid, what_text, why_text) values ('delete', old.id, old.what_text, coalesce(old.why_text, ''));
    insert into priorities_fts(rowid, what_text, why_text) values (new.id, new.what_text, coalesce(new.why_text, ''));
  end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["priorities_fts_insert", "priorities_fts_delete", "priorities_fts_update"]) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table priorities_fts`.execute(db);
  for (const table of ["safety_phrases", "submission_flags", "submission_notes", "priority_themes"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("priorities").dropColumn("suitable_to_quote").execute();
  for (const index of ["submissions_assigned", "submissions_fingerprint", "submissions_channel_received"]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ["text_fingerprint", "duplicate_of_id", "assigned_to_user_id", "excluded_reason"]) {
    await db.schema.alterTable("submissions").dropColumn(column).execute();
  }
}
