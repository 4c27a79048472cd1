import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";

import type { Executor } from "~db/client";
import type { Database, SubmissionChannel, SubmissionStatus } from "~db/schema";

import type { FilterIds, InboxFilters } from "./inbox-filters";
import { searchPriorityText } from "./search.server";

export const INBOX_PAGE_SIZE = 25;

export interface InboxRow {
  id: number;
  reference: string;
  receivedAt: string;
  channel: SubmissionChannel;
  status: SubmissionStatus;
  respondentTypes: string[];
  place: string | null;
  firstPriority: string;
  themes: string[];
  flags: { kind: "safety" | "complaint"; state: "open" | "actioned" }[];
  assignee: string | null;
  likelyDuplicate: boolean;
  /** Search results only: the matching text, with highlight markers (see search.server.ts). */
  snippet?: string;
}


/** A query that includes the submissions table (on its own, or joined to priorities and the search index). */
export type SubmissionQuery<O> = SelectQueryBuilder<Database, "submissions", O>;

/** Adds the inbox filters to any query over `submissions`; shared by the list, counts, search and bulk actions. */
export function applyInboxFilters<O>(query: SubmissionQuery<O>, filters: InboxFilters, ids: FilterIds): SubmissionQuery<O> {
  let q = query;
  if (filters.status) q = q.where("submissions.status", "=", filters.status);
  if (filters.channel) q = q.where("submissions.channel", "=", filters.channel);
  if (filters.campaign && ids.campaignId) q = q.where("submissions.campaign_id", "=", ids.campaignId);
  if (filters.place === "none") q = q.where("submissions.place_id", "is", null);
  else if (filters.place && ids.placeId) q = q.where("submissions.place_id", "=", ids.placeId);
  if (filters.from) q = q.where("submissions.received_at", ">=", `${filters.from}T00:00:00.000Z`);
  if (filters.to) q = q.where("submissions.received_at", "<", new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  if (filters.assigned === "me") q = q.where("submissions.assigned_to_user_id", "=", ids.viewerId);
  if (filters.assigned === "unassigned") q = q.where("submissions.assigned_to_user_id", "is", null);
  if (filters.respondentType) {
    const type = filters.respondentType;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("submission_respondent_types as rt")
          .select("rt.submission_id")
          .whereRef("rt.submission_id", "=", "submissions.id")
          .where("rt.respondent_type", "=", type),
      ),
    );
  }
  if (filters.theme === "none") {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("priorities as p")
          .select("p.id")
          .whereRef("p.submission_id", "=", "submissions.id")
          .where((inner) => inner.not(inner.exists(inner.selectFrom("priority_themes as pt").select("pt.priority_id").whereRef("pt.priority_id", "=", "p.id")))),
      ),
    );
  } else if (filters.theme && ids.themeId) {
    const themeId = ids.themeId;
    q = q.where("submissions.id", "in", (eb: ExpressionBuilder<Database, "submissions">) =>
      eb
        .selectFrom("priority_themes as pt")
        .innerJoin("priorities as p", "p.id", "pt.priority_id")
        .select("p.submission_id")
        .where("pt.theme_id", "=", themeId),
    );
  }
  if (filters.flagged) {
    const flagged = filters.flagged;
    q = q.where((eb) => {
      let flags = eb.selectFrom("submission_flags as f").select("f.id").whereRef("f.submission_id", "=", "submissions.id");
      if (flagged === "open") flags = flags.where("f.state", "=", "open");
      if (flagged === "safety" || flagged === "complaint") flags = flags.where("f.kind", "=", flagged);
      return eb.exists(flags);
    });
  }
  return q;
}

export interface Cursor {
  receivedAt: string;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | null): Cursor | null {
  if (!value || value.length > 100) return null;
  const [receivedAt, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const parsed = Number(id);
  if (!receivedAt || Number.isNaN(Date.parse(receivedAt)) || !Number.isSafeInteger(parsed)) return null;
  return { receivedAt, id: parsed };
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  /** Keyset cursor for the next (older) page, or null on the last page. */
  nextCursor: string | null;
  /** Search results are ranked, so they page by number. */
  nextPage: number | null;
}

/** Newest first, 25 at a time, keyset-paginated on (received_at, id) so deep pages stay fast. */
export async function listInbox(db: Executor, { filters, ids, cursor, page }: { filters: InboxFilters; ids: FilterIds; cursor: Cursor | null; page: number }): Promise<InboxPage> {
  if (filters.q) {
    const hits = await searchPriorityText(db, filters.q, (query) => applyInboxFilters(query, filters, ids), { limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE });
    const rows = await describeRows(db, hits.submissionIds, new Map(hits.snippets));
    return { rows, total: hits.total, nextCursor: null, nextPage: hits.total > page * INBOX_PAGE_SIZE ? page + 1 : null };
  }
  let query = applyInboxFilters(db.selectFrom("submissions").select(["submissions.id", "submissions.received_at"]), filters, ids);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("submissions.received_at", "<", cursor.receivedAt), eb.and([eb("submissions.received_at", "=", cursor.receivedAt), eb("submissions.id", "<", cursor.id)])]),
    );
  }
  const [found, total] = await Promise.all([
    query.orderBy("submissions.received_at", "desc").orderBy("submissions.id", "desc").limit(INBOX_PAGE_SIZE + 1).execute(),
    countInbox(db, filters, ids),
  ]);
  const pageRows = found.slice(0, INBOX_PAGE_SIZE);
  const last = pageRows.at(-1);
  return {
    rows: await describeRows(db, pageRows.map((row) => row.id)),
    total,
    nextCursor: found.length > INBOX_PAGE_SIZE && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null,
    nextPage: null,
  };
}

export async function countInbox(db: Executor, filters: InboxFilters, ids: FilterIds): Promise<number> {
  const row = await applyInboxFilters(db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("n")), filters, ids).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids of every response matching the filters (for "all matching this filter" bulk actions). */
export async function matchingIds(db: Executor, filters: InboxFilters, ids: FilterIds): Promise<number[]> {
  if (filters.q) {
    const hits = await searchPriorityText(db, filters.q, (query) => applyInboxFilters(query, filters, ids), { limit: 100_000, offset: 0 });
    return hits.submissionIds;
  }
  const rows = await applyInboxFilters(db.selectFrom("submissions").select("submissions.id"), filters, ids).execute();
  return rows.map((row) => row.id);
}

const FIRST_PRIORITY_PREVIEW = 140;

/** The columns of the inbox table for a page of responses, in the order given. */
async function describeRows(db: Executor, ids: number[], snippets = new Map<number, string>()): Promise<InboxRow[]> {
  if (ids.length === 0) return [];
  const [submissions, types, priorities, themes, flags] = await Promise.all([
    db
      .selectFrom("submissions")
      .leftJoin("places", "places.id", "submissions.place_id")
      .leftJoin("users", "users.id", "submissions.assigned_to_user_id")
      .select([
        "submissions.id",
        "submissions.reference",
        "submissions.received_at",
        "submissions.channel",
        "submissions.status",
        "submissions.duplicate_of_id",
        "places.name as place",
        "users.name as assignee",
      ])
      .where("submissions.id", "in", ids)
      .execute(),
    db.selectFrom("submission_respondent_types").select(["submission_id", "respondent_type"]).where("submission_id", "in", ids).execute(),
    db.selectFrom("priorities").select(["submission_id", "rank", "what_text"]).where("submission_id", "in", ids).orderBy("rank").execute(),
    db
      .selectFrom("priority_themes")
      .innerJoin("priorities", "priorities.id", "priority_themes.priority_id")
      .innerJoin("themes", "themes.id", "priority_themes.theme_id")
      .select(["priorities.submission_id", "themes.name"])
      .where("priorities.submission_id", "in", ids)
      .orderBy("themes.sort_order")
      .execute(),
    db.selectFrom("submission_flags").select(["submission_id", "kind", "state"]).where("submission_id", "in", ids).execute(),
  ]);
  const byId = new Map(submissions.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const first = priorities.find((priority) => priority.submission_id === id)?.what_text ?? "";
    return [
      {
        id,
        reference: row.reference,
        receivedAt: row.received_at,
        channel: row.channel,
        status: row.status,
        respondentTypes: types.filter((type) => type.submission_id === id).map((type) => type.respondent_type),
        place: row.place,
        firstPriority: first.length > FIRST_PRIORITY_PREVIEW ? `${first.slice(0, FIRST_PRIORITY_PREVIEW).trimEnd()}…` : first,
        themes: [...new Set(themes.filter((theme) => theme.submission_id === id).map((theme) => theme.name))],
        flags: flags.filter((flag) => flag.submission_id === id).map(({ kind, state }) => ({ kind, state })),
        assignee: row.assignee,
        likelyDuplicate: row.duplicate_of_id !== null,
        ...(snippets.has(id) ? { snippet: snippets.get(id)! } : {}),
      },
    ];
  });
}
