import { sql, type Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.

/**
 * What a report is built from, and the columns of it that a report reads. Any change to these
 * bumps one counter, so a cached report can tell in one read whether it is still right.
 */
const watched: { table: string; updateOf: string[] | null }[] = [
  { table: "submissions", updateOf: ["campaign_id", "received_at", "place_id", "status", "excluded_reason"] },
  { table: "priorities", updateOf: ["submission_id", "rank", "what_text", "why_text", "support_needed", "suitable_to_quote"] },
  { table: "priority_themes", updateOf: null },
  { table: "submission_respondent_types", updateOf: null },
  { table: "equality_answers", updateOf: null },
  { table: "themes", updateOf: ["slug", "name", "description", "sort_order", "retired_at", "merged_into_id"] },
  { table: "places", updateOf: ["code", "name", "kind", "population", "population_year", "population_source", "sort_order"] },
  { table: "campaigns", updateOf: ["code", "title"] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("report_data_version")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into report_data_version (id, version) values (1, 1)`.execute(db);

  // SQLite triggers (row-level); a PostgreSQL dialect would use statement-level triggers instead.
  for (const { table, updateOf } of watched) {
    const events = { insert: "insert", delete: "delete", update: updateOf ? `update of ${updateOf.join(", ")}` : "update" };
    for (const [name, event] of Object.entries(events)) {
      await sql`create trigger ${sql.id(`report_data_version_${table}_${name}`)} after ${sql.raw(event)} on ${sql.id(table)} begin
        update report_data_version set version = version + 1 where id = 1;
      end`.execute(db);
    }
  }

  // Priority text with personal details removed, kept so CSV exports need not redact every row
  // again. A row per priority; rules_version 0 means "not redacted yet" (new or edited text), and
  // a row redacted under older rules is redacted again.
  await db.schema
    .createTable("priority_redactions")
    .addColumn("priority_id", "integer", (c) => c.primaryKey().references("priorities.id").onDelete("cascade"))
    .addColumn("rules_version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("what_text", "text")
    .addColumn("why_text", "text")
    .execute();
  await db.schema.createIndex("priority_redactions_rules").on("priority_redactions").column("rules_version").execute();
  await sql`insert into priority_redactions (priority_id) select id from priorities`.execute(db);
  await sql`create trigger priority_redactions_new after insert on priorities begin
    insert into priority_redactions (priority_id) values (new.id);
  end`.execute(db);
  await sql`create trigger priority_redactions_stale after update of what_text, why_text on priorities begin
    update priority_redactions set rules_version = 0, what_text = null, why_text = null where priority_id = new.id;
  end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["priority_redactions_new", "priority_redactions_stale"]) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await db.schema.dropTable("priority_redactions").execute();
  for (const { table } of watched) {
    for (const name of ["insert", "delete", "update"]) await sql`drop trigger ${sql.id(`report_data_version_${table}_${name}`)}`.execute(db);
  }
  await db.schema.dropTable("report_data_version").execute();
}
