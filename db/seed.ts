import type { DB } from "./client";
import { defaultCampaign, places, themes, trusts } from "./reference-data";
import { safetyPhrases } from "./safety-phrases";

/**
 * Inserts the starting reference data. Idempotent: rows are matched by code, slug or phrase and
 * never overwritten, so admins' later edits survive every restart.
 */
export async function seedReferenceData(db: DB, now: Date = new Date()): Promise<void> {
  const createdAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("campaigns")
      .values({ ...defaultCampaign, opens_at: createdAt, closes_at: null, created_at: createdAt })
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("places")
      .values(places.map((place) => ({ ...place, active: 1 as const })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("trusts")
      .values(trusts.map((trust) => ({ ...trust, active: 1 as const })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("themes")
      .values(
        themes.map((theme) => ({
          slug: theme.slug,
          name: theme.name,
          description: theme.description,
          keywords: JSON.stringify(theme.keywords),
          sort_order: theme.sort_order,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
    await trx
      .insertInto("safety_phrases")
      .values(safetyPhrases.map((entry) => ({ phrase: entry.phrase, kind: entry.kind, active: 1 as const, created_at: createdAt })))
      .onConflict((oc) => oc.columns(["phrase", "kind"]).doNothing())
      .execute();
  });
}
