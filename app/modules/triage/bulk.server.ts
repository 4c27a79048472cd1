import type { DB, Executor } from "~db/client";
import type { ExclusionReason, SubmissionStatus } from "~db/schema";

import { recordAudit, type Actor } from "~/modules/audit/audit-log.server";

import { MAX_THEMES } from "./theme-limits";
import { priorityIdsMatching } from "./search.server";

export type BulkAction =
  | { kind: "status"; status: SubmissionStatus; exclusionReason: ExclusionReason | null }
  | { kind: "add-theme"; themeId: number; searchText: string | null }
  | { kind: "assign"; userId: number | null };

export type BulkResult = { kind: "done"; count: number; skipped: number } | { kind: "invalid"; message: string };

/** SQLite limits bound parameters per statement; updates go in chunks of this size. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) result.push(items.slice(index, index + CHUNK));
  return result;
}

/**
 * Applies one action to many responses in one transaction, with one audit entry listing every id.
 * Adding a theme tags the priorities that matched the search when there is one, otherwise each
 * response's first priority, and skips priorities that already have three themes.
 */
export async function applyBulkAction(
  db: DB,
  ids: readonly number[],
  action: BulkAction,
  context: { actor: Actor; clientAddress: string; now: Date; scope: "selected" | "filter" },
): Promise<BulkResult> {
  if (ids.length === 0) return { kind: "invalid", message: "Select at least one response" };
  if (action.kind === "status" && action.status === "excluded" && !action.exclusionReason) return { kind: "invalid", message: "Select why the responses are excluded" };
  if (action.kind === "assign" && action.userId !== null) {
    const assignee = await db.selectFrom("users").select("id").where("id", "=", action.userId).where("disabled_at", "is", null).where("role", "in", ["lead", "admin"]).executeTakeFirst();
    if (!assignee) return { kind: "invalid", message: "Choose an engagement lead from the list" };
  }
  if (action.kind === "add-theme") {
    const theme = await db.selectFrom("themes").select("id").where("id", "=", action.themeId).where("retired_at", "is", null).executeTakeFirst();
    if (!theme) return { kind: "invalid", message: "Choose a theme from the list" };
  }

  return db.transaction().execute(async (trx) => {
    let skipped = 0;
    for (const group of chunks(ids)) {
      const existing = await trx.selectFrom("submissions").select("id").where("id", "in", group).execute();
      const present = existing.map((row) => row.id);
      skipped += group.length - present.length;
      if (present.length === 0) continue;
      if (action.kind === "status") {
        await trx
          .updateTable("submissions")
          .set({ status: action.status, excluded_reason: action.status === "excluded" ? action.exclusionReason : null })
          .where("id", "in", present)
          .execute();
      } else if (action.kind === "assign") {
        await trx.updateTable("submissions").set({ assigned_to_user_id: action.userId }).where("id", "in", present).execute();
      } else {
        skipped += await addTheme(trx, present, action, context);
      }
      await trx
        .updateTable("submissions")
        .set((eb) => ({ version: eb("version", "+", 1), updated_at: context.now.toISOString() }))
        .where("id", "in", present)
        .execute();
    }
    await recordAudit(trx, {
      action: "response.bulk_updated",
      actor: context.actor,
      target: { type: "responses", id: ids.length },
      clientAddress: context.clientAddress,
      details: {
        action: action.kind,
        ...(action.kind === "status" ? { status: action.status, reason: action.exclusionReason } : {}),
        ...(action.kind === "add-theme" ? { theme: action.themeId } : {}),
        ...(action.kind === "assign" ? { assignee: action.userId } : {}),
        scope: context.scope,
        ids: [...ids],
      },
      at: context.now,
    });
    return { kind: "done" as const, count: ids.length - skipped, skipped };
  });
}

/** Returns how many responses had no priority the theme could be added to. */
async function addTheme(trx: Executor, ids: number[], action: Extract<BulkAction, { kind: "add-theme" }>, context: { actor: Actor; now: Date }): Promise<number> {
  const matching = action.searchText ? priorityIdsMatching(trx, action.searchText) : null;
  let priorities = trx.selectFrom("priorities").select(["priorities.id", "priorities.submission_id"]).where("priorities.submission_id", "in", ids);
  priorities = matching
    ? priorities.where("priorities.id", "in", matching)
    : priorities.where("priorities.rank", "=", (eb) => eb.selectFrom("priorities as first").select((inner) => inner.fn.min("first.rank").as("rank")).whereRef("first.submission_id", "=", "priorities.submission_id"));
  const targets = await priorities.where("priorities.theme_count", "<", MAX_THEMES).execute();
  if (targets.length > 0) {
    await trx
      .insertInto("priority_themes")
      .values(targets.map((target) => ({ priority_id: target.id, theme_id: action.themeId, assigned_by_user_id: context.actor.id, assigned_at: context.now.toISOString() })))
      .onConflict((oc) => oc.columns(["priority_id", "theme_id"]).doNothing())
      .execute();
  }
  return ids.length - new Set(targets.map((target) => target.submission_id)).size;
}
