import type { DB, Executor } from "~db/client";
import type { Theme } from "~db/schema";

import { recordAudit, type ChangeContext } from "~/modules/audit/audit-log.server";

export interface ThemeWithUsage extends Theme {
  keywordList: string[];
  priorities: number;
  mergedIntoName: string | null;
}

export function parseKeywords(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((keyword): keyword is string => typeof keyword === "string") : [];
}

export async function listThemesWithUsage(db: Executor): Promise<ThemeWithUsage[]> {
  const rows = await db
    .selectFrom("themes")
    .leftJoin("themes as merged", "merged.id", "themes.merged_into_id")
    .selectAll("themes")
    .select("merged.name as merged_into_name")
    .select((eb) =>
      eb.selectFrom("priority_themes").select((inner) => inner.fn.countAll<number>().as("n")).whereRef("priority_themes.theme_id", "=", "themes.id").as("priorities"),
    )
    .orderBy("themes.retired_at")
    .orderBy("themes.sort_order")
    .execute();
  return rows.map(({ merged_into_name, priorities, ...theme }) => ({
    ...theme,
    keywordList: parseKeywords(theme.keywords),
    priorities: Number(priorities ?? 0),
    mergedIntoName: merged_into_name,
  }));
}

/** Themes staff can tag with: not retired, in taxonomy order. */
export async function listActiveThemes(db: Executor): Promise<(Theme & { keywordList: string[] })[]> {
  const themes = await db.selectFrom("themes").selectAll().where("retired_at", "is", null).orderBy("sort_order").execute();
  return themes.map((theme) => ({ ...theme, keywordList: parseKeywords(theme.keywords) }));
}

export interface ThemeInput {
  name: string;
  description: string;
  keywords: string[];
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "theme"
  );
}

export type TaxonomyResult = { kind: "done"; themeId: number } | { kind: "name-taken" } | { kind: "not-found" } | { kind: "invalid"; message: string };

async function nameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("themes").select("id").where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  if (exceptId) query = query.where("id", "!=", exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function addTheme(db: DB, input: ThemeInput, change: ChangeContext): Promise<TaxonomyResult> {
  if (await nameTaken(db, input.name)) return { kind: "name-taken" };
  return db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom("themes").select((eb) => eb.fn.max("sort_order").as("max")).executeTakeFirst();
    let slug = slugify(input.name);
    for (let suffix = 2; await trx.selectFrom("themes").select("id").where("slug", "=", slug).executeTakeFirst(); suffix += 1) {
      slug = `${slugify(input.name)}-${suffix}`;
    }
    const { id } = await trx
      .insertInto("themes")
      .values({
        slug,
        name: input.name,
        description: input.description,
        keywords: JSON.stringify(input.keywords),
        sort_order: Number(last?.max ?? 0) + 1,
        retired_at: null,
        merged_into_id: null,
        created_at: change.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: "taxonomy.changed", actor: change.actor, target: { type: "theme", id }, clientAddress: change.clientAddress, details: { change: "added" }, at: change.now });
    return { kind: "done" as const, themeId: id };
  });
}

export async function updateTheme(db: DB, id: number, input: ThemeInput, change: ChangeContext): Promise<TaxonomyResult> {
  const theme = await db.selectFrom("themes").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
  if (!theme) return { kind: "not-found" };
  if (await nameTaken(db, input.name, id)) return { kind: "name-taken" };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("themes")
      .set({ name: input.name, description: input.description, keywords: JSON.stringify(input.keywords) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      action: "taxonomy.changed",
      actor: change.actor,
      target: { type: "theme", id },
      clientAddress: change.clientAddress,
      details: { change: theme.name === input.name ? "described" : "renamed" },
      at: change.now,
    });
  });
  return { kind: "done", themeId: id };
}

export async function setThemeRetired(db: DB, id: number, retired: boolean, change: ChangeContext): Promise<TaxonomyResult> {
  const result = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("themes")
      .set({ retired_at: retired ? change.now.toISOString() : null, ...(retired ? {} : { merged_into_id: null }) })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordAudit(trx, { action: "taxonomy.changed", actor: change.actor, target: { type: "theme", id }, clientAddress: change.clientAddress, details: { change: retired ? "retired" : "restored" }, at: change.now });
    return true;
  });
  return result ? { kind: "done", themeId: id } : { kind: "not-found" };
}

/**
 * Merges one theme into another: every priority tagged with the first is tagged with the second
 * (once), and the first is retired, pointing at the second.
 */
export async function mergeThemes(db: DB, { fromId, intoId }: { fromId: number; intoId: number }, change: ChangeContext): Promise<TaxonomyResult> {
  if (fromId === intoId) return { kind: "invalid", message: "Choose a different theme to merge into" };
  const [from, into] = await Promise.all([
    db.selectFrom("themes").select(["id", "retired_at"]).where("id", "=", fromId).executeTakeFirst(),
    db.selectFrom("themes").select(["id", "retired_at"]).where("id", "=", intoId).executeTakeFirst(),
  ]);
  if (!from || !into) return { kind: "not-found" };
  if (into.retired_at) return { kind: "invalid", message: "Choose a theme that is in use to merge into" };
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .insertInto("priority_themes")
      .columns(["priority_id", "theme_id", "assigned_by_user_id", "assigned_at"])
      .expression((eb) =>
        eb
          .selectFrom("priority_themes")
          .select(["priority_id", eb.val(intoId).as("theme_id"), "assigned_by_user_id", "assigned_at"])
          .where("theme_id", "=", fromId),
      )
      .onConflict((oc) => oc.columns(["priority_id", "theme_id"]).doNothing())
      .executeTakeFirst();
    await trx.deleteFrom("priority_themes").where("theme_id", "=", fromId).execute();
    await trx.updateTable("themes").set({ retired_at: change.now.toISOString(), merged_into_id: intoId }).where("id", "=", fromId).execute();
    await recordAudit(trx, {
      action: "taxonomy.changed",
      actor: change.actor,
      target: { type: "theme", id: fromId },
      clientAddress: change.clientAddress,
      details: { change: "merged", into: intoId, prioritiesMoved: Number(moved.numInsertedOrUpdatedRows ?? 0) },
      at: change.now,
    });
  });
  return { kind: "done", themeId: intoId };
}
