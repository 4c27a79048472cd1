import { sql, type SelectQueryBuilder } from "kysely";

import type { Executor } from "~db/client";
import type { Database } from "~db/schema";

import { HIGHLIGHT_END, HIGHLIGHT_START } from "./snippet";

/**
 * Full-text search over priority text with SQLite FTS5 (Porter stemming, bm25 ranking, snippets).
 * The only module that knows about FTS5; a PostgreSQL version would use tsvector, ts_rank and
 * ts_headline behind the same function.
 */


/** Words only, each quoted: whatever someone types becomes a plain "all of these words" query. */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFC").match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  return words.length > 0 ? words.map((word) => `"${word}"`).join(" ") : null;
}

export interface SearchHits {
  submissionIds: number[];
  snippets: [number, string][];
  total: number;
}

type FtsQuery<O> = SelectQueryBuilder<Database, "priorities_fts" | "priorities" | "submissions", O>;

export async function searchPriorityText(
  db: Executor,
  input: string,
  filter: <O>(query: SelectQueryBuilder<Database, "submissions", O>) => SelectQueryBuilder<Database, "submissions", O>,
  { limit, offset }: { limit: number; offset: number },
): Promise<SearchHits> {
  const match = toFtsQuery(input);
  if (!match) return { submissionIds: [], snippets: [], total: 0 };
  const base = <O>(query: FtsQuery<O>) =>
    filter(query as unknown as SelectQueryBuilder<Database, "submissions", O>) as unknown as FtsQuery<O>;
  const from = db
    .selectFrom("priorities_fts")
    .innerJoin("priorities", "priorities.id", "priorities_fts.rowid")
    .innerJoin("submissions", "submissions.id", "priorities.submission_id")
    .where(sql.ref("priorities_fts"), "match", match);

  // FTS5's ranking and snippet functions cannot run inside an aggregate, so matches are
  // materialised first and grouped per response afterwards (best-scoring priority's snippet).
  const matches = base(
    from.select([
      "priorities.submission_id",
      sql<number>`bm25(priorities_fts)`.as("score"),
      sql<string>`snippet(priorities_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 14)`.as("snippet"),
    ]),
  );
  const withMatches = db.with((cte) => cte("matches").materialized(), () => matches);
  const [ranked, total] = await Promise.all([
    withMatches
      .selectFrom("matches")
      .select(["matches.submission_id", sql<number>`min(matches.score)`.as("best"), "matches.snippet"])
      .groupBy("matches.submission_id")
      .orderBy("best")
      .orderBy("matches.submission_id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    base(from.select(sql<number>`count(distinct priorities.submission_id)`.as("n"))).executeTakeFirstOrThrow(),
  ]);
  return {
    submissionIds: ranked.map((row) => row.submission_id),
    snippets: ranked.map((row) => [row.submission_id, row.snippet]),
    total: Number(total.n),
  };
}
