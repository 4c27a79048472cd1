import type { DB, Executor } from "~db/client";

import { randomToken, sha256 } from "~/modules/security/pseudonym.server";

import type { JourneyPage } from "./journey-paths";

/** What someone has typed so far, exactly as typed (after normalisation), page by page. */
export interface DraftAnswers {
  /** Sent with "Send my response": repeated posts of it create one submission. */
  submissionKey: string;
  /** When the person first saw the form, for the minimum-time check. */
  startedAt: string | null;
  pages: Partial<Record<JourneyPage, Record<string, unknown>>>;
  /** Equality answers in progress, after the response was sent (they are saved separately). */
  equality?: Record<string, unknown>;
}

export interface Draft {
  id: string;
  campaignId: number;
  answers: DraftAnswers;
  submissionId: number | null;
  createdAt: Date;
}

export function draftIdFor(token: string): string {
  return sha256(token);
}

export async function findDraft(db: Executor, token: string, now: Date): Promise<Draft | null> {
  const row = await db
    .selectFrom("drafts")
    .selectAll()
    .where("id", "=", draftIdFor(token))
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    campaignId: row.campaign_id,
    answers: parseAnswers(row.answers),
    submissionId: row.submission_id,
    createdAt: new Date(row.created_at),
  };
}

function parseAnswers(json: string): DraftAnswers {
  const parsed = JSON.parse(json) as Partial<DraftAnswers>;
  return { submissionKey: parsed.submissionKey ?? randomToken(16), startedAt: parsed.startedAt ?? null, pages: parsed.pages ?? {}, equality: parsed.equality };
}

export async function createDraft(
  db: Executor,
  {
    campaignId,
    startedAt,
    pages = {},
    now,
    ttlMs,
  }: { campaignId: number; startedAt: Date | null; pages?: DraftAnswers["pages"]; now: Date; ttlMs: number },
): Promise<{ token: string; draft: Draft }> {
  const token = randomToken(32);
  const answers: DraftAnswers = { submissionKey: randomToken(16), startedAt: startedAt?.toISOString() ?? null, pages };
  const draft: Draft = { id: draftIdFor(token), campaignId, answers, submissionId: null, createdAt: now };
  await db
    .insertInto("drafts")
    .values({
      id: draft.id,
      campaign_id: campaignId,
      answers: JSON.stringify(answers),
      submission_id: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    })
    .execute();
  return { token, draft };
}

/** Replaces the draft's answers and extends its life: someone still typing keeps their answers. */
export async function writeDraftAnswers(
  db: Executor,
  { draftId, answers, now, ttlMs }: { draftId: string; answers: DraftAnswers; now: Date; ttlMs: number },
): Promise<void> {
  await db
    .updateTable("drafts")
    .set({
      answers: JSON.stringify(answers),
      updated_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    })
    .where("id", "=", draftId)
    .execute();
}

export async function deleteDraft(db: Executor, draftId: string): Promise<void> {
  await db.deleteFrom("drafts").where("id", "=", draftId).execute();
}

/** Deletes expired drafts (answers never sent, or sent responses' confirmation links). */
export async function purgeExpiredDrafts(db: DB, now: Date): Promise<number> {
  const result = await db.deleteFrom("drafts").where("expires_at", "<=", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
