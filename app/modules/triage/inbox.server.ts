import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";

import type { Executor } from "~db/client";
import type { Database, SubmissionChannel, SubmissionStatus } from "~db/schema";

import type { FilterIds, InboxFilters } from "./inbox-filters";
import { londonMidnightUtc, nextDay } from "~/modules/time/london-time";

import { allMatchingSubmissionIds, searchPriorityText, type SearchOrder, type SubmissionFilter } from "./search.server";

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

/**
 * How a filter on another table is written. "exists" checks each response in turn, which streams
 * a page of newest responses without reading the rest; "in" collects the matching ids first,
 * which is several times faster when every matching response has to be counted or listed.
 */
export type Membership = "exists" | "in";

type Condition = (eb: ExpressionBuilder<Database, "submissions">) => Expression<SqlBool>;

/** Filters on the response's own columns. */
function directConditions(filters: InboxFilters, ids: FilterIds): Condition[] {
  const conditions: Condition[] = [];
  const { status, channel, place, from, to, assigned } = filters;
  const { campaignId, placeId, viewerId } = ids;
  if (status) conditions.push((eb) => eb("submissions.status", "=", status));
  if (channel) conditions.push((eb) => eb("submissions.channel", "=", channel));
  if (filters.campaign && campaignId) conditions.push((eb) => eb("submissions.campaign_id", "=", campaignId));
  if (place === "none") conditions.push((eb) => eb("submissions.place_id", "is", null));
  else if (place && placeId) conditions.push((eb) => eb("submissions.place_id", "=", placeId));
  // Days are UK days, as dates are shown to staff.
  if (from) conditions.push((eb) => eb("submissions.received_at", ">=", londonMidnightUtc(from)));
  if (to) conditions.push((eb) => eb("submissions.received_at", "<", londonMidnightUtc(nextDay(to))));
  if (assigned === "me") conditions.push((eb) => eb("submissions.assigned_to_user_id", "=", viewerId));
  if (assigned === "unassigned") conditions.push((eb) => eb("submissions.assigned_to_user_id", "is", null));
  return conditions;
}

/** A filter on another table: the ids of the responses it matches, and the column that holds them. */
interface RelatedFilter {
  // Each subquery has its own aliased tables, so its database type is left open.
  matching: SelectQueryBuilder<any, any, { submission_id: number }>;
  linkedBy: string;
}

function relatedFilters(db: Executor, filters: InboxFilters, ids: FilterIds): RelatedFilter[] {
  const related: RelatedFilter[] = [];
  if (filters.respondentType) {
    related.push({
      matching: db.selectFrom("submission_respondent_types as rt").select("rt.submission_id").where("rt.respondent_type", "=", filters.respondentType),
      linkedBy: "rt.submission_id",
    });
  }
  if (filters.theme === "none") {
    related.push({ matching: db.selectFrom("priorities as p").select("p.submission_id").where("p.theme_count", "=", 0), linkedBy: "p.submission_id" });
  } else if (filters.theme && ids.themeId) {
    related.push({
      matching: db.selectFrom("priority_themes as pt").innerJoin("priorities as p", "p.id", "pt.priority_id").select("p.submission_id").where("pt.theme_id", "=", ids.themeId),
      linkedBy: "p.submission_id",
    });
  }
  if (filters.flagged) {
    let flags = db.selectFrom("submission_flags as f").select("f.submission_id");
    if (filters.flagged === "open") flags = flags.where("f.state", "=", "open");
    if (filters.flagged === "safety" || filters.flagged === "complaint") flags = flags.where("f.kind", "=", filters.flagged);
    related.push({ matching: flags, linkedBy: "f.submission_id" });
  }
  return related;
}

/** Adds the inbox filters to any query over `submissions`; shared by the list, counts, search and bulk actions. */
export function applyInboxFilters<O>(db: Executor, query: SubmissionQuery<O>, filters: InboxFilters, ids: FilterIds, membership: Membership = "exists"): SubmissionQuery<O> {
  let q = query;
  for (const condition of directConditions(filters, ids)) q = q.where(condition);
  for (const { matching, linkedBy } of relatedFilters(db, filters, ids)) {
    q = q.where((eb) => (membership === "in" ? eb("submissions.id", "in", matching) : eb.exists(matching.where(sql.ref(linkedBy), "=", sql.ref("submissions.id")))));
  }
  return q;
}

/** The filters other than the search words, for narrowing a search; null when there are none. */
function searchNarrowedBy(db: Executor, filters: InboxFilters, ids: FilterIds): SubmissionFilter {
  const narrowed = directConditions(filters, ids).length > 0 || relatedFilters(db, filters, ids).length > 0;
  return narrowed ? (query) => applyInboxFilters(db, query, filters, ids) : null;
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

/**
 * Responses after the cursor in inbox order (older) or before it (newer). The plain date bound
 * comes first so that SQLite seeks the date index instead of reading every row.
 */
export function beyondCursor(direction: "older" | "newer", cursor: Cursor) {
  const [strictly, orEqual] = direction === "older" ? (["<", "<="] as const) : ([">", ">="] as const);
  return (eb: ExpressionBuilder<Database, "submissions">) =>
    eb.and([
      eb("submissions.received_at", orEqual, cursor.receivedAt),
      eb.or([eb("submissions.received_at", strictly, cursor.receivedAt), eb("submissions.id", strictly, cursor.id)]),
    ]);
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  /** Search results count up to MOST_RESPONSES_COUNTED; there are more than `total`. */
  totalIsLowerBound: boolean;
  /** Search results come by relevance unless the words match too much to rank (search.server.ts). */
  order: SearchOrder | "received";
  /** Keyset cursor for the next (older) page, or null on the last page. */
  nextCursor: string | null;
  /** Search results are ranked, so they page by number. */
  nextPage: number | null;
}

/** Newest first, 25 at a time, keyset-paginated on (received_at, id) so deep pages stay fast. */
export async function listInbox(db: Executor, { filters, ids, cursor, page }: { filters: InboxFilters; ids: FilterIds; cursor: Cursor | null; page: number }): Promise<InboxPage> {
  if (filters.q) {
    const hits = await searchPriorityText(db, filters.q, searchNarrowedBy(db, filters, ids), { limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE });
    const rows = await describeRows(db, hits.submissionIds, new Map(hits.snippets));
    return { rows, total: hits.total, totalIsLowerBound: hits.totalIsLowerBound, order: hits.order, nextCursor: null, nextPage: hits.hasMore ? page + 1 : null };
  }
  let query = applyInboxFilters(db, db.selectFrom("submissions").select(["submissions.id", "submissions.received_at"]), filters, ids);
  if (cursor) {
    query = query.where(beyondCursor("older", cursor));
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
    totalIsLowerBound: false,
    order: "received",
    nextCursor: found.length > INBOX_PAGE_SIZE && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null,
    nextPage: null,
  };
}

export async function countInbox(db: Executor, filters: InboxFilters, ids: FilterIds): Promise<number> {
  const related = relatedFilters(db, filters, ids);
  if (related.length === 1 && directConditions(filters, ids).length === 0) {
    // One filter on another table: count the ids it matches, without looking up each response.
    const counted = await db.selectFrom(related[0]!.matching.distinct().as("matching")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(counted.n);
  }
  const row = await applyInboxFilters(db, db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("n")), filters, ids, "in").executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids of every response matching the filters (for "all matching this filter" bulk actions). */
export async function matchingIds(db: Executor, filters: InboxFilters, ids: FilterIds): Promise<number[]> {
  if (filters.q) return allMatchingSubmissionIds(db, filters.q, searchNarrowedBy(db, filters, ids));
  const rows = await applyInboxFilters(db, db.selectFrom("submissions").select("submissions.id"), filters, ids, "in").execute();
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
