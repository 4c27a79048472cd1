import type { DB, Executor } from "~db/client";
import type { FlagKind } from "~db/schema";

import { recordAudit, type ChangeContext } from "~/modules/audit/audit-log.server";

import type { SafetyPhraseInput } from "./safety-phrase-form";

export interface SafetyPhraseRow {
  id: number;
  phrase: string;
  kind: FlagKind;
  active: boolean;
  /** Responses flagged automatically because of this phrase. */
  flagsRaised: number;
}

export async function listSafetyPhrases(db: Executor): Promise<SafetyPhraseRow[]> {
  const rows = await db
    .selectFrom("safety_phrases")
    .select((eb) => [
      "safety_phrases.id",
      "safety_phrases.phrase",
      "safety_phrases.kind",
      "safety_phrases.active",
      eb
        .selectFrom("submission_flags")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("submission_flags.matched_phrase", "=", "safety_phrases.phrase")
        .whereRef("submission_flags.kind", "=", "safety_phrases.kind")
        .where("submission_flags.source", "=", "auto")
        .as("flags_raised"),
    ])
    .orderBy("safety_phrases.kind", "desc")
    .orderBy("safety_phrases.phrase")
    .execute();
  return rows.map((row) => ({ id: row.id, phrase: row.phrase, kind: row.kind, active: row.active === 1, flagsRaised: Number(row.flags_raised ?? 0) }));
}

/** Adds a phrase to the list (or turns a listed one back on). Applies to responses saved from now on. */
export async function addSafetyPhrase(db: DB, input: SafetyPhraseInput, change: ChangeContext): Promise<{ kind: "added" | "turned-on" | "already-listed"; id: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("safety_phrases").select(["id", "active"]).where("phrase", "=", input.phrase).where("kind", "=", input.kind).executeTakeFirst();
    if (existing?.active === 1) return { kind: "already-listed" as const, id: existing.id };
    const id = existing
      ? (await trx.updateTable("safety_phrases").set({ active: 1 }).where("id", "=", existing.id).returning("id").executeTakeFirstOrThrow()).id
      : (await trx.insertInto("safety_phrases").values({ phrase: input.phrase, kind: input.kind, active: 1, created_at: change.now.toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
    const result = existing ? ("turned-on" as const) : ("added" as const);
    await recordAudit(trx, {
      action: "safety_phrases.changed",
      actor: change.actor,
      target: { type: "safety_phrase", id },
      clientAddress: change.clientAddress,
      details: { change: result, phrase: input.phrase, kind: input.kind },
      at: change.now,
    });
    return { kind: result, id };
  });
}

/** Turns a phrase off or on; flags it already raised stay. */
export async function setSafetyPhraseActive(db: DB, id: number, active: boolean, change: ChangeContext): Promise<{ kind: "done"; phrase: string } | { kind: "not-found" }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable("safety_phrases").set({ active: active ? 1 : 0 }).where("id", "=", id).returning(["phrase", "kind"]).executeTakeFirst();
    if (!row) return { kind: "not-found" as const };
    await recordAudit(trx, {
      action: "safety_phrases.changed",
      actor: change.actor,
      target: { type: "safety_phrase", id },
      clientAddress: change.clientAddress,
      details: { change: active ? "turned-on" : "turned-off", phrase: row.phrase, kind: row.kind },
      at: change.now,
    });
    return { kind: "done" as const, phrase: row.phrase };
  });
}
