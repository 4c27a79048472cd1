import type { DB, Executor } from "~db/client";
import type { ExclusionReason, FlagKind, SubmissionStatus } from "~db/schema";

import { recordAudit, type ChangeContext } from "~/modules/audit/audit-log.server";

import { MAX_THEMES } from "./theme-limits";

export const NOTE_MAX_CHARACTERS = 2000;

export type ResponseChange =
  | { kind: "status"; status: SubmissionStatus; exclusionReason: ExclusionReason | null }
  | { kind: "themes"; priorityId: number; themeIds: number[] }
  | { kind: "quotable"; priorityId: number; quotable: boolean }
  | { kind: "assign"; userId: number | null }
  | { kind: "duplicate"; resolution: "merge" | "exclude" | "not-duplicate" };

/** Additions that cannot overwrite anyone's work, so they need no version check. */
export type ResponseAddition =
  | { kind: "note"; body: string }
  | { kind: "flag"; flagKind: FlagKind }
  | { kind: "action-flag"; flagId: number; note: string }
  | { kind: "reopen-flag"; flagId: number };

export type ChangeResult = { kind: "done" } | { kind: "conflict" } | { kind: "not-found" } | { kind: "invalid"; message: string };


class Invalid extends Error {}

/**
 * Applies one change to a response if nobody has changed it since the person loaded it (the
 * version they saw); otherwise reports a conflict and changes nothing.
 */
export async function changeResponse(db: DB, id: number, version: number, change: ResponseChange, context: ChangeContext): Promise<ChangeResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("submissions").select(["id", "version", "status", "excluded_reason", "assigned_to_user_id", "duplicate_of_id"]).where("id", "=", id).executeTakeFirst();
      if (!current) return { kind: "not-found" as const };
      const claimed = await trx
        .updateTable("submissions")
        .set({ version: version + 1, updated_at: context.now.toISOString() })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return { kind: "conflict" as const };
      const details = await apply(trx, id, current, change, context);
      await recordAudit(trx, { action: "response.updated", actor: context.actor, target: { type: "response", id }, clientAddress: context.clientAddress, details, at: context.now });
      return { kind: "done" as const };
    });
  } catch (error) {
    if (error instanceof Invalid) return { kind: "invalid", message: error.message };
    throw error;
  }
}

type Current = { status: SubmissionStatus; excluded_reason: ExclusionReason | null; assigned_to_user_id: number | null; duplicate_of_id: number | null };

async function apply(trx: Executor, id: number, current: Current, change: ResponseChange, context: ChangeContext): Promise<Record<string, string | number | boolean | null | (string | number)[]>> {
  switch (change.kind) {
    case "status": {
      if (change.status === "excluded" && !change.exclusionReason) throw new Invalid("Select why the response is excluded");
      const reason = change.status === "excluded" ? change.exclusionReason : null;
      await trx.updateTable("submissions").set({ status: change.status, excluded_reason: reason }).where("id", "=", id).execute();
      return { field: "status", from: current.status, to: change.status, ...(reason ? { reason } : {}) };
    }
    case "themes": {
      if (change.themeIds.length > MAX_THEMES) throw new Invalid(`Choose up to ${MAX_THEMES} themes for a priority`);
      const priority = await trx.selectFrom("priorities").select("id").where("id", "=", change.priorityId).where("submission_id", "=", id).executeTakeFirst();
      if (!priority) throw new Invalid("That priority is not part of this response");
      const existing = await trx.selectFrom("priority_themes").select("theme_id").where("priority_id", "=", change.priorityId).execute();
      const kept = new Set(existing.map((row) => row.theme_id));
      const usable = change.themeIds.length
        ? await trx.selectFrom("themes").select(["id", "retired_at"]).where("id", "in", change.themeIds).execute()
        : [];
      // A retired theme can stay where it already is, but cannot be newly chosen.
      if (usable.length !== change.themeIds.length || usable.some((theme) => theme.retired_at && !kept.has(theme.id))) {
        throw new Invalid("Choose themes from the list");
      }
      await trx.deleteFrom("priority_themes").where("priority_id", "=", change.priorityId).execute();
      if (change.themeIds.length) {
        await trx
          .insertInto("priority_themes")
          .values(change.themeIds.map((themeId) => ({ priority_id: change.priorityId, theme_id: themeId, assigned_by_user_id: context.actor.id, assigned_at: context.now.toISOString() })))
          .execute();
      }
      return { field: "themes", priority: change.priorityId, from: [...kept], to: change.themeIds };
    }
    case "quotable": {
      const updated = await trx
        .updateTable("priorities")
        .set({ suitable_to_quote: change.quotable ? 1 : 0 })
        .where("id", "=", change.priorityId)
        .where("submission_id", "=", id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Invalid("That priority is not part of this response");
      return { field: "suitable_to_quote", priority: change.priorityId, to: change.quotable };
    }
    case "assign": {
      if (change.userId !== null) {
        const assignee = await trx.selectFrom("users").select("id").where("id", "=", change.userId).where("disabled_at", "is", null).where("role", "in", ["lead", "admin"]).executeTakeFirst();
        if (!assignee) throw new Invalid("Choose an engagement lead from the list");
      }
      await trx.updateTable("submissions").set({ assigned_to_user_id: change.userId }).where("id", "=", id).execute();
      return { field: "assigned_to", from: current.assigned_to_user_id, to: change.userId };
    }
    case "duplicate": {
      if (!current.duplicate_of_id) throw new Invalid("This response is not marked as a likely duplicate");
      if (change.resolution === "not-duplicate") {
        await trx.updateTable("submissions").set({ duplicate_of_id: null }).where("id", "=", id).execute();
        return { field: "duplicate_of", from: current.duplicate_of_id, to: null };
      }
      if (change.resolution === "merge") await copyThemesToOriginal(trx, id, current.duplicate_of_id, context);
      await trx.updateTable("submissions").set({ status: "excluded", excluded_reason: "duplicate" }).where("id", "=", id).execute();
      return { field: "status", from: current.status, to: "excluded", reason: "duplicate", duplicateOf: current.duplicate_of_id, merged: change.resolution === "merge" };
    }
  }
}

/** Merging a duplicate keeps its themes: they are added to the original's priority of the same rank. */
async function copyThemesToOriginal(trx: Executor, duplicateId: number, originalId: number, context: ChangeContext): Promise<void> {
  const themes = await trx
    .selectFrom("priority_themes")
    .innerJoin("priorities as duplicate", "duplicate.id", "priority_themes.priority_id")
    .innerJoin("priorities as original", (join) => join.onRef("original.rank", "=", "duplicate.rank").on("original.submission_id", "=", originalId))
    .select(["original.id as priority_id", "priority_themes.theme_id"])
    .where("duplicate.submission_id", "=", duplicateId)
    .execute();
  for (const { priority_id, theme_id } of themes) {
    const count = await trx.selectFrom("priority_themes").select((eb) => eb.fn.countAll<number>().as("n")).where("priority_id", "=", priority_id).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_THEMES) continue;
    await trx
      .insertInto("priority_themes")
      .values({ priority_id, theme_id, assigned_by_user_id: context.actor.id, assigned_at: context.now.toISOString() })
      .onConflict((oc) => oc.columns(["priority_id", "theme_id"]).doNothing())
      .execute();
  }
  await trx.updateTable("submissions").set((eb) => ({ version: eb("version", "+", 1), updated_at: context.now.toISOString() })).where("id", "=", originalId).execute();
}

/** Notes and flags: added to the response without a version check. */
export async function addToResponse(db: DB, id: number, addition: ResponseAddition, context: ChangeContext): Promise<ChangeResult> {
  const exists = await db.selectFrom("submissions").select("id").where("id", "=", id).executeTakeFirst();
  if (!exists) return { kind: "not-found" };
  return db.transaction().execute(async (trx) => {
    const audit = (details: Record<string, string | number | boolean | null>) =>
      recordAudit(trx, { action: "response.updated", actor: context.actor, target: { type: "response", id }, clientAddress: context.clientAddress, details, at: context.now });
    switch (addition.kind) {
      case "note": {
        const body = addition.body.trim();
        if (!body) return { kind: "invalid" as const, message: "Enter a note" };
        if (body.length > NOTE_MAX_CHARACTERS) return { kind: "invalid" as const, message: `Note must be ${NOTE_MAX_CHARACTERS.toLocaleString("en-GB")} characters or less` };
        await trx.insertInto("submission_notes").values({ submission_id: id, author_user_id: context.actor.id, body, created_at: context.now.toISOString() }).execute();
        await audit({ field: "note", change: "added" });
        return { kind: "done" as const };
      }
      case "flag": {
        await trx
          .insertInto("submission_flags")
          .values({
            submission_id: id,
            kind: addition.flagKind,
            source: "manual",
            state: "open",
            matched_phrase: null,
            raised_by_user_id: context.actor.id,
            raised_at: context.now.toISOString(),
            actioned_by_user_id: null,
            actioned_at: null,
            action_note: null,
          })
          .onConflict((oc) => oc.columns(["submission_id", "kind"]).doUpdateSet({ state: "open", actioned_at: null, actioned_by_user_id: null }))
          .execute();
        await audit({ field: "flag", kind: addition.flagKind, change: "raised" });
        return { kind: "done" as const };
      }
      case "action-flag":
      case "reopen-flag": {
        const actioned = addition.kind === "action-flag";
        const note = actioned ? addition.note.trim() : null;
        if (actioned && !note) return { kind: "invalid" as const, message: "Say what was done about the flag" };
        if (note && note.length > NOTE_MAX_CHARACTERS) return { kind: "invalid" as const, message: `What was done must be ${NOTE_MAX_CHARACTERS.toLocaleString("en-GB")} characters or less` };
        const updated = await trx
          .updateTable("submission_flags")
          .set(
            actioned
              ? { state: "actioned", actioned_by_user_id: context.actor.id, actioned_at: context.now.toISOString(), action_note: note }
              : { state: "open", actioned_by_user_id: null, actioned_at: null },
          )
          .where("id", "=", addition.flagId)
          .where("submission_id", "=", id)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return { kind: "invalid" as const, message: "That flag is not on this response" };
        await audit({ field: "flag", flag: addition.flagId, change: actioned ? "actioned" : "reopened" });
        return { kind: "done" as const };
      }
    }
  });
}
