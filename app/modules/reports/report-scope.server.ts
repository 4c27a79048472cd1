import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool, type Expression } from "kysely";

import type { Executor } from "~db/client";
import type { Database, PlaceTable, SubmissionStatus } from "~db/schema";

import { londonMidnightUtc, nextDay } from "~/modules/time/london-time";

import { NOT_GIVEN, type ReportFilterOptions, type ReportFilters } from "./report-filters";

/**
 * Which responses and priorities a report covers, as SQL shared by the report's aggregation and
 * its CSV exports, so a report and its CSVs always agree.
 */

export interface ReportReferenceData extends ReportFilterOptions {
  campaigns: { id: number; code: string; title: string }[];
  places: (Pick<PlaceTable, "code" | "name" | "kind" | "population" | "population_year" | "population_source"> & { id: number })[];
  themes: { id: number; slug: string; name: string; description: string; retired: boolean }[];
}

/**
 * Campaigns (open ones first, newest first: the first is the default), places and themes in their
 * own order. Themes merged into another have no priorities left, so they are not offered.
 */
export async function loadReportReferenceData(db: Executor): Promise<ReportReferenceData> {
  const [campaigns, places, themes] = await Promise.all([
    db
      .selectFrom("campaigns")
      .select(["id", "code", "title"])
      .orderBy(sql`case when status = 'open' then 0 else 1 end`)
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("places")
      .select(["id", "code", "name", "kind", "population", "population_year", "population_source"])
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("themes")
      .select(["id", "slug", "name", "description", "retired_at"])
      .where("merged_into_id", "is", null)
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  ]);
  return {
    campaigns,
    places,
    themes: themes.map(({ retired_at, ...theme }) => ({ ...theme, retired: retired_at !== null })),
  };
}

/** Filters turned into ids and UTC bounds. */
export interface ReportScope {
  campaignId: number;
  /** Inclusive UTC bound of received_at, or null. */
  receivedFrom: string | null;
  /** Exclusive UTC bound of received_at, or null. */
  receivedBefore: string | null;
  /** null: every place, and none. */
  places: { ids: number[]; orNone: boolean } | null;
  /** null: every response, with or without a respondent type. */
  respondentTypes: { codes: string[]; orNone: boolean } | null;
  /** Empty: every priority, themed or not. */
  themeIds: number[];
  statuses: SubmissionStatus[];
}

export function resolveReportScope(filters: ReportFilters, reference: ReportReferenceData): ReportScope {
  const campaign = reference.campaigns.find((candidate) => candidate.code === filters.campaign);
  if (!campaign) throw new Error(`unknown campaign ${filters.campaign}: filters must be parsed against the same reference data`);
  const idsOf = <T extends { id: number }>(items: T[], matches: (item: T) => boolean) => items.filter(matches).map((item) => item.id);
  return {
    campaignId: campaign.id,
    receivedFrom: filters.from ? londonMidnightUtc(filters.from) : null,
    receivedBefore: filters.to ? londonMidnightUtc(nextDay(filters.to)) : null,
    places:
      filters.places.length > 0
        ? { ids: idsOf(reference.places, (place) => filters.places.includes(place.code)), orNone: filters.places.includes(NOT_GIVEN) }
        : null,
    respondentTypes:
      filters.respondentTypes.length > 0
        ? { codes: filters.respondentTypes.filter((code) => code !== NOT_GIVEN), orNone: filters.respondentTypes.includes(NOT_GIVEN) }
        : null,
    themeIds: idsOf(reference.themes, (theme) => filters.themes.includes(theme.slug)),
    statuses: filters.statuses,
  };
}

type SubmissionsEb = ExpressionBuilder<Database, "submissions">;
export type PrioritiesEb = ExpressionBuilder<Database, "priorities">;

/** True for a priority tagged with one of the chosen themes. */
function taggedWithChosenTheme(eb: PrioritiesEb, themeIds: number[]): Expression<SqlBool> {
  return eb.exists(
    eb.selectFrom("priority_themes as chosen").select("chosen.priority_id").whereRef("chosen.priority_id", "=", "priorities.id").where("chosen.theme_id", "in", themeIds),
  );
}

/**
 * True for a response the report covers. `statuses` overrides the scope's statuses (the
 * methodology counts the excluded responses that match every other filter).
 */
export function submissionInScope(eb: SubmissionsEb, scope: ReportScope, statuses: readonly SubmissionStatus[] = scope.statuses): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb("submissions.campaign_id", "=", scope.campaignId), eb("submissions.status", "in", [...statuses])];
  if (scope.receivedFrom) conditions.push(eb("submissions.received_at", ">=", scope.receivedFrom));
  if (scope.receivedBefore) conditions.push(eb("submissions.received_at", "<", scope.receivedBefore));
  if (scope.places) {
    const { ids, orNone } = scope.places;
    const either: Expression<SqlBool>[] = [];
    if (ids.length > 0) either.push(eb("submissions.place_id", "in", ids));
    if (orNone) either.push(eb("submissions.place_id", "is", null));
    conditions.push(eb.or(either));
  }
  if (scope.respondentTypes) {
    const { codes, orNone } = scope.respondentTypes;
    const types = eb.selectFrom("submission_respondent_types as rt").select("rt.submission_id").whereRef("rt.submission_id", "=", "submissions.id");
    const either: Expression<SqlBool>[] = [];
    if (codes.length > 0) either.push(eb.exists(types.where("rt.respondent_type", "in", codes)));
    if (orNone) either.push(eb.not(eb.exists(types)));
    conditions.push(eb.or(either));
  }
  if (scope.themeIds.length > 0) {
    const themeIds = scope.themeIds;
    conditions.push(
      eb.exists(
        eb
          .selectFrom("priorities")
          .select("priorities.id")
          .whereRef("priorities.submission_id", "=", "submissions.id")
          .where((inner) => taggedWithChosenTheme(inner as unknown as PrioritiesEb, themeIds)),
      ),
    );
  }
  return eb.and(conditions);
}

/** True for a priority the report covers, given that its response is covered. */
export function priorityInScope(eb: PrioritiesEb, scope: ReportScope): Expression<SqlBool> {
  return scope.themeIds.length > 0 ? taggedWithChosenTheme(eb, scope.themeIds) : eb.lit(true);
}

/**
 * The London month of each response (YYYY-MM), as a CASE over the months' starting instants,
 * so grouping by month stays in SQL and in UK time on any database.
 */
export function londonMonthExpression(months: Months): RawBuilder<string> {
  const [first, ...later] = months;
  if (!first) throw new Error("a report has at least one month");
  if (later.length === 0) return sql<string>`${first.month}`;
  const branches = later.reverse().map(({ month, startsAt }) => sql`when submissions.received_at >= ${startsAt} then ${month}`);
  return sql<string>`case ${sql.join(branches, sql` `)} else ${first.month} end`;
}

type Months = readonly { month: string; startsAt: string }[];

/** Every response in scope with its place and, when `months` are given, its London month. */
function scopedSubmissions(db: Executor, scope: ReportScope, months: Months | null) {
  return db
    .selectFrom("submissions")
    .select(["submissions.id", "submissions.place_id", "submissions.received_at", (months ? londonMonthExpression(months) : sql<string>`null`).as("month")])
    .where((eb) => submissionInScope(eb, scope));
}

/**
 * CTEs: "s" (responses in scope) and "p" (their priorities in scope, with the response's place
 * and time). Both carry the London month only when `months` are given: working it out costs a
 * CASE for every response, so queries that do not group by month leave it out.
 */
export function withReportScope(db: Executor, scope: ReportScope, months: Months | null) {
  return db
    .with("s", () => scopedSubmissions(db, scope, months))
    .with("p", (qb) =>
      qb
        .selectFrom("priorities")
        .innerJoin("s", "s.id", "priorities.submission_id")
        .select([
          "priorities.id",
          "priorities.submission_id",
          "priorities.rank",
          "priorities.support_needed",
          "priorities.suitable_to_quote",
          "priorities.what_text",
          "s.place_id",
          "s.month",
          "s.received_at",
        ])
        .where((eb) => priorityInScope(eb as unknown as PrioritiesEb, scope)),
    );
}
