import { sql, type SelectQueryBuilder } from "kysely";

import type { Executor } from "~db/client";
import type { Database } from "~db/schema";

import { HIGHLIGHT_END, HIGHLIGHT_START } from "./snippet";

/**
 * Full-text search over priority text with SQLite FTS5 (Porter stemming, bm25 ranking, snippets).
 * The only module that knows about FTS5; a PostgreSQL version would use tsvector, ts_rank and
 * ts_headline behind the same functions.
 */

/** Words only, each quoted: whatever someone types becomes a plain "all of these words" query. */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFC").match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  return words.length > 0 ? words.map((word) => `"${word}"`).join(" ") : null;
}

/**
 * Ranking scores every matching priority, so it is used while that stays cheap. A word that is in
 * most responses ("cancer") gains nothing from relevance anyway; those results come newest first.
 */
export const MOST_PRIORITIES_RANKED = 10_000;
/** Counting every response a common word matches costs more than the number is worth. */
export const MOST_RESPONSES_COUNTED = 1_000;

export type SearchOrder = "relevance" | "newest";

export interface SearchPage {
  submissionIds: number[];
  /** The best-matching priority's text around the match, with highlight markers (see snippet.ts). */
  snippets: [number, string][];
  /** Responses matching, up to MOST_RESPONSES_COUNTED. */
  total: number;
  /** There are more than MOST_RESPONSES_COUNTED. */
  totalIsLowerBound: boolean;
  hasMore: boolean;
  order: SearchOrder;
}

/** Narrows matches by the other inbox filters; null when there are none. */
export type SubmissionFilter = (<O>(query: SelectQueryBuilder<Database, "submissions", O>) => SelectQueryBuilder<Database, "submissions", O>) | null;
type FtsQuery<O> = SelectQueryBuilder<Database, "priorities_fts" | "priorities" | "submissions", O>;

function matchingPriorities(db: Executor, match: string, filter: SubmissionFilter) {
  const from = db
    .selectFrom("priorities_fts")
    .innerJoin("priorities", "priorities.id", "priorities_fts.rowid")
    .innerJoin("submissions", "submissions.id", "priorities.submission_id")
    .where(sql.ref("priorities_fts"), "match", match);
  return <O>(select: (query: typeof from) => FtsQuery<O>) =>
    filter ? (filter(select(from) as unknown as SelectQueryBuilder<Database, "submissions", O>) as unknown as FtsQuery<O>) : select(from);
}

async function chooseOrder(db: Executor, match: string): Promise<SearchOrder> {
  const row = await db
    .selectFrom("priorities_fts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(sql.ref("priorities_fts"), "match", match)
    .executeTakeFirstOrThrow();
  return Number(row.n) <= MOST_PRIORITIES_RANKED ? "relevance" : "newest";
}

interface Match {
  priority_id: number;
  submission_id: number;
}

/**
 * Matching priorities in result order. Priorities are stored in the order responses arrive, so
 * "newest" with a limit stops early. Ranking scores every match. With no other filter the best are
 * picked from the search index alone and only they are joined, a third faster than joining every
 * match; the order is FTS5's own for `rank` (bm25, then oldest first), so both ways list the same.
 */
async function orderedMatches(db: Executor, match: string, filter: SubmissionFilter, order: SearchOrder, limit: number | null): Promise<Match[]> {
  if (order === "relevance" && !filter && limit !== null) {
    const best = db
      .selectFrom("priorities_fts")
      .select(["priorities_fts.rowid", sql<number>`bm25(priorities_fts)`.as("score")])
      .where(sql.ref("priorities_fts"), "match", match)
      .orderBy("score")
      .orderBy("priorities_fts.rowid")
      .limit(limit)
      .as("best");
    return db
      .selectFrom(best)
      .innerJoin("priorities", "priorities.id", "best.rowid")
      .select(["priorities.id as priority_id", "priorities.submission_id"])
      .orderBy("best.score")
      .orderBy("best.rowid")
      .execute();
  }
  return matchingPriorities(db, match, filter)((from) => from.select(["priorities.id as priority_id", "priorities.submission_id"]))
    .orderBy(order === "relevance" ? sql`priorities_fts.rank` : sql`priorities_fts.rowid desc`)
    .$if(limit !== null, (query) => query.limit(limit!))
    .execute();
}

/** Each response once, at its best-matching priority. */
function firstPerResponse(matches: Match[]): Match[] {
  const seen = new Set<number>();
  return matches.filter((row) => !seen.has(row.submission_id) && seen.add(row.submission_id));
}

/** The text around the match in each priority, with highlight markers (see snippet.ts). */
async function snippetsOf(db: Executor, match: string, priorityIds: number[]): Promise<Map<number, string>> {
  if (priorityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("priorities_fts")
    .select(["priorities_fts.rowid", sql<string | null>`snippet(priorities_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 14)`.as("snippet")])
    .where(sql.ref("priorities_fts"), "match", match)
    .where("priorities_fts.rowid", "in", priorityIds)
    .execute();
  return new Map(rows.map((row) => [row.rowid, row.snippet ?? ""]));
}

export async function searchPriorityText(db: Executor, input: string, filter: SubmissionFilter, { limit, offset }: { limit: number; offset: number }): Promise<SearchPage> {
  const match = toFtsQuery(input);
  if (!match) return { submissionIds: [], snippets: [], total: 0, totalIsLowerBound: false, hasMore: false, order: "relevance" };
  const order = await chooseOrder(db, match);
  // A response has at most three priorities, so this many matching priorities holds enough responses.
  const [matches, counted] = await Promise.all([
    orderedMatches(db, match, filter, order, 3 * (offset + limit + 1)).then(firstPerResponse),
    db
      .selectFrom(
        matchingPriorities(db, match, filter)((from) => from.select("priorities.submission_id").distinct())
          .limit(MOST_RESPONSES_COUNTED + 1)
          .as("counted"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const page = matches.slice(offset, offset + limit);
  const snippets = await snippetsOf(db, match, page.map((row) => row.priority_id));
  return {
    submissionIds: page.map((row) => row.submission_id),
    snippets: page.map((row) => [row.submission_id, snippets.get(row.priority_id) ?? ""]),
    total: Math.min(Number(counted.n), MOST_RESPONSES_COUNTED),
    totalIsLowerBound: Number(counted.n) > MOST_RESPONSES_COUNTED,
    hasMore: matches.length > offset + limit,
    order,
  };
}

/** Every matching response, in the order the search lists them (for bulk actions and next/previous). */
export async function allMatchingSubmissionIds(db: Executor, input: string, filter: SubmissionFilter): Promise<number[]> {
  const match = toFtsQuery(input);
  if (!match) return [];
  const matches = firstPerResponse(await orderedMatches(db, match, filter, await chooseOrder(db, match), null));
  return matches.map((row) => row.submission_id);
}

/** Ids of the priorities whose text matches, as a subquery (for adding a theme to just those). */
export function priorityIdsMatching(db: Executor, input: string) {
  const match = toFtsQuery(input);
  return match ? db.selectFrom("priorities_fts").select("priorities_fts.rowid").where(sql.ref("priorities_fts"), "match", match) : null;
}
