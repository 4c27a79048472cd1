import { sql, type Kysely } from "kysely";

// Frozen migration: never import application code here, and never edit it once released.
// Kysely's schema builder keeps it portable; `autoIncrement` maps to SERIAL/IDENTITY on PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("campaigns")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn("opens_at", "text")
    .addColumn("closes_at", "text")
    .addColumn("summary_due", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("places")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('place', 'other')`))
    .addColumn("population", "integer")
    .addColumn("population_year", "integer")
    .addColumn("population_source", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("trusts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("themes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addColumn("merged_into_id", "integer", (c) => c.references("themes.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("submissions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("campaigns.id"))
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("channel", "text", (c) =>
      c.notNull().check(sql`channel in ('online', 'paper', 'email', 'phone', 'event')`),
    )
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("place_id", "integer", (c) => c.references("places.id"))
    .addColumn("place_prefer_not_to_say", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancer_type", "text")
    .addColumn("organisation_name", "text")
    .addColumn("email", "text")
    .addColumn("opt_in_updates", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("opt_in_involvement", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("new").check(sql`status in ('new', 'in_review', 'themed', 'closed', 'excluded')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("submissions_campaign_received")
    .on("submissions")
    .columns(["campaign_id", "received_at"])
    .execute();
  await db.schema.createIndex("submissions_status_received").on("submissions").columns(["status", "received_at"]).execute();
  await db.schema.createIndex("submissions_place_received").on("submissions").columns(["place_id", "received_at"]).execute();
  await db.schema.createIndex("submissions_received").on("submissions").column("received_at").execute();

  await db.schema
    .createTable("priorities")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("rank", "integer", (c) => c.notNull().check(sql`rank between 1 and 3`))
    .addColumn("what_text", "text", (c) => c.notNull())
    .addColumn("why_text", "text")
    .addColumn("support_needed", "text", (c) =>
      c.check(sql`support_needed in ('investment', 'project_support', 'both', 'not_sure')`),
    )
    .addUniqueConstraint("priorities_submission_rank", ["submission_id", "rank"])
    .execute();

  await db.schema
    .createTable("submission_respondent_types")
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("respondent_type", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("submission_respondent_types_pk", ["submission_id", "respondent_type"])
    .execute();
  await db.schema
    .createIndex("submission_respondent_types_type")
    .on("submission_respondent_types")
    .columns(["respondent_type", "submission_id"])
    .execute();

  await db.schema
    .createTable("submission_trusts")
    .addColumn("submission_id", "integer", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("trust_id", "integer", (c) => c.references("trusts.id"))
    .addColumn("other_answer", "text")
    .addCheckConstraint("submission_trusts_one_answer", sql`(trust_id is null) <> (other_answer is null)`)
    .execute();
  await db.schema.createIndex("submission_trusts_submission").on("submission_trusts").column("submission_id").execute();
  await db.schema
    .createIndex("submission_trusts_trust")
    .on("submission_trusts")
    .columns(["trust_id", "submission_id"])
    .execute();

  await db.schema
    .createTable("equality_answers")
    .addColumn("submission_id", "integer", (c) =>
      c.primaryKey().references("submissions.id").onDelete("cascade"),
    )
    .addColumn("age_band", "text")
    .addColumn("sex", "text")
    .addColumn("gender_same_as_birth", "text")
    .addColumn("sexual_orientation", "text")
    .addColumn("ethnic_group", "text")
    .addColumn("ethnic_background", "text")
    .addColumn("religion", "text")
    .addColumn("disability", "text")
    .addColumn("unpaid_carer", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("campaigns.id"))
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("submission_id", "integer", (c) => c.references("submissions.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("drafts_expires").on("drafts").column("expires_at").execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("recipient", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`state in ('pending', 'sending', 'sent', 'dead')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_expires_at", "text")
    .addColumn("last_error", "text")
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("submission_id", "integer", (c) => c.references("submissions.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_state_next").on("outbox").columns(["state", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_submission").on("outbox").column("submission_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "outbox",
    "drafts",
    "equality_answers",
    "submission_trusts",
    "submission_respondent_types",
    "priorities",
    "submissions",
    "themes",
    "trusts",
    "places",
    "campaigns",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
