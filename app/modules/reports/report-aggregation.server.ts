import { sql } from "kysely";

import type { Executor } from "~db/client";
import type { ExclusionReason, Role, SupportNeeded } from "~db/schema";

import { can } from "~/modules/auth/permissions";
import { equalityAnswerColumns, equalityQuestions } from "~/modules/submissions/equality-options";
import { londonMonthOf, monthLabel, monthsBetween } from "~/modules/time/london-time";
import { exclusionReasons } from "~/modules/triage/inbox-filters";

import { redactPersonalDetails } from "./redaction";
import {
  describeReportFilters,
  NOT_GIVEN,
  respondentTypeFilterCodes,
  respondentTypeReportLabels,
  type ReportFilters,
} from "./report-filters";
import {
  emptyReportModel,
  reportCount,
  SUPPRESSION_THRESHOLD,
  type EqualityBreakdown,
  type LabelledCount,
  type MonthCount,
  type Quote,
  type ReportModel,
  type ThemeRanking,
  type ThemeSection,
} from "./report-model";
import { resolveReportScope, submissionInScope, withReportScope, type ReportReferenceData, type ReportScope } from "./report-scope.server";
import { formatShare } from "./report-text";

/**
 * The themed summary, aggregated in SQL: a handful of GROUP BY queries whose results are bounded
 * by themes × months × places, never by the number of responses. Run it inside one read
 * transaction so every figure comes from the same snapshot.
 */

export interface ReportViewer {
  name: string;
  /** Has read:equality: the report includes equality breakdowns. */
  canSeeEquality: boolean;
}

/** Who the report is for: named on its cover, and with equality breakdowns only for read:equality. */
export function reportViewerFor(user: { name: string; role: Role }): ReportViewer {
  return { name: user.name, canSeeEquality: can(user.role, "read:equality") };
}

export const REPORT_TITLE = "Themed summary of priorities for cancer care";
export const QUOTES_PER_THEME = 5;

const rankLabels: Record<number, string> = { 1: "First priority", 2: "Second priority", 3: "Third priority" };

const exclusionLabels: Record<ExclusionReason, string> = {
  spam: "Marked as spam",
  duplicate: "Duplicate responses",
  out_of_scope: "Outside the scope of this engagement",
  test: "Test responses",
};

/** A count of 1 to 4 is hidden, so ranks treat every hidden count as the same. */
function isSuppressed(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

/**
 * Competition ranks (1 for the largest; ties share a rank). Themes with a hidden count share the
 * rank after every shown one, so their order cannot reveal their counts; themes with none come last.
 */
export function rankThemes(rows: readonly { priorities: number; score: number }[]): { byCount: number[]; byScore: number[] } {
  const countKey = (row: { priorities: number }) => (isSuppressed(row.priorities) ? 0.5 : row.priorities);
  const scoreKey = (row: { priorities: number; score: number }) => (isSuppressed(row.priorities) ? 0.5 : row.score);
  const rank = (keys: number[]) => keys.map((key) => 1 + keys.filter((other) => other > key).length);
  return { byCount: rank(rows.map(countKey)), byScore: rank(rows.map(scoreKey)) };
}

function labelled(label: string, count: number, total: number): LabelledCount {
  const shown = reportCount(count);
  return { label, count: shown, share: shown.value === null || total === 0 ? null : count / total };
}

function sumOf(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Adds `count` to the entry for `key`. */
function add<K>(map: Map<K, number>, key: K, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

export async function buildReportModel(
  db: Executor,
  filters: ReportFilters,
  viewer: ReportViewer,
  reference: ReportReferenceData,
  generatedAt: Date = new Date(),
): Promise<ReportModel> {
  const scope = resolveReportScope(filters, reference);
  const campaign = reference.campaigns.find((candidate) => candidate.code === filters.campaign)!;
  const frame = {
    title: REPORT_TITLE,
    campaign: { code: campaign.code, title: campaign.title },
    period: { from: filters.from, to: filters.to },
    filtersInWords: describeReportFilters(filters, reference),
    generatedAt: generatedAt.toISOString(),
    generatedBy: viewer.name,
  };

  const extent = await db
    .selectFrom("submissions")
    .select((eb) => [eb.fn.countAll<number>().as("responses"), eb.fn.min("submissions.received_at").as("first"), eb.fn.max("submissions.received_at").as("last")])
    .where((eb) => submissionInScope(eb, scope))
    .executeTakeFirstOrThrow();
  if (Number(extent.responses) === 0 || !extent.first || !extent.last) return emptyReportModel(frame);

  const months = monthsBetween(londonMonthOf(extent.first), londonMonthOf(extent.last));
  const withMonths = withReportScope(db, scope, months);
  const scoped = withReportScope(db, scope, null);
  const placesInScope = reference.places.filter((place) => filters.places.length === 0 || filters.places.includes(place.code));
  const typesInScope = respondentTypeFilterCodes.filter((code) => filters.respondentTypes.length === 0 || filters.respondentTypes.includes(code));
  const chosenThemes = scope.themeIds.length > 0;

  // One query at a time, letting other requests run in between: each holds the event loop for
  // as long as SQLite takes to answer it.
  const byMonthAndPlace = await withMonths
    .selectFrom("s")
    .select(["s.month", "s.place_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["s.month", "s.place_id"])
    .execute();
  await yieldToEventLoop();
  const byType = await scoped
    .selectFrom("s")
    .leftJoin("submission_respondent_types as rt", "rt.submission_id", "s.id")
    .select([sql<string>`coalesce(rt.respondent_type, ${NOT_GIVEN})`.as("type"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(sql`coalesce(rt.respondent_type, ${NOT_GIVEN})`)
    .execute();
  await yieldToEventLoop();
  const priorityTotals = await scoped
    .selectFrom("p")
    .select((eb) => [
      eb.fn.countAll<number>().as("priorities"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.exists(eb.selectFrom("priority_themes as pt").select("pt.priority_id").whereRef("pt.priority_id", "=", "p.id")))
            .then(1)
            .else(0)
            .end(),
        )
        .as("themed"),
    ])
    .executeTakeFirstOrThrow();
  await yieldToEventLoop();
  const themeGrid = await withMonths
    .selectFrom("p")
    .innerJoin("priority_themes as pt", "pt.priority_id", "p.id")
    .$if(chosenThemes, (qb) => qb.where("pt.theme_id", "in", scope.themeIds))
    .select(["pt.theme_id", "p.month", "p.place_id", "p.support_needed", "p.rank", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["pt.theme_id", "p.month", "p.place_id", "p.support_needed", "p.rank"])
    .execute();
  await yieldToEventLoop();
  const themeByType = await scoped
    .selectFrom("p")
    .innerJoin("priority_themes as pt", "pt.priority_id", "p.id")
    .leftJoin("submission_respondent_types as rt", "rt.submission_id", "p.submission_id")
    .$if(chosenThemes, (qb) => qb.where("pt.theme_id", "in", scope.themeIds))
    .select(["pt.theme_id", sql<string>`coalesce(rt.respondent_type, ${NOT_GIVEN})`.as("type"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["pt.theme_id", sql`coalesce(rt.respondent_type, ${NOT_GIVEN})`])
    .execute();
  await yieldToEventLoop();
  const quoteRows = await loadQuotes(db, scope);
  await yieldToEventLoop();
  const equality = viewer.canSeeEquality ? await aggregateEquality(db, scope) : null;
  await yieldToEventLoop();
  const excluded = scope.statuses.includes("excluded")
    ? []
    : await db
        .selectFrom("submissions")
        .select(["submissions.excluded_reason", (eb) => eb.fn.countAll<number>().as("n")])
        .where((eb) => submissionInScope(eb, scope, ["excluded"]))
        .groupBy("submissions.excluded_reason")
        .execute();

  // Responses: by month, by place, by respondent type.
  const responses = sumOf(byMonthAndPlace.map((row) => Number(row.n)));
  const responsesByMonth = new Map<string, number>();
  const responsesByPlace = new Map<number | null, number>();
  for (const row of byMonthAndPlace) {
    add(responsesByMonth, row.month, Number(row.n));
    add(responsesByPlace, row.place_id, Number(row.n));
  }
  const respondentsWithPlace = sumOf(placesInScope.map((place) => responsesByPlace.get(place.id) ?? 0));
  const typeCounts = new Map(byType.map((row) => [row.type, Number(row.n)]));
  const respondentMix = typesInScope.map((code) => labelled(respondentTypeReportLabels[code], typeCounts.get(code) ?? 0, responses));
  const placeRows = placesInScope.map((place) => labelled(place.name, responsesByPlace.get(place.id) ?? 0, respondentsWithPlace));
  const monthRows = (counts: Map<string, number>): MonthCount[] =>
    months.map(({ month }) => ({ month, label: monthLabel(month), count: reportCount(counts.get(month) ?? 0) }));

  // Themes: counts, rank-weighted scores and the breakdowns of each, from the one grid.
  const priorities = Number(priorityTotals.priorities);
  const themedPriorities = Number(priorityTotals.themed ?? 0);
  interface ThemeTally {
    priorities: number;
    score: number;
    byMonth: Map<string, number>;
    byPlace: Map<number | null, number>;
    bySupport: Map<SupportNeeded | null, number>;
    byType: Map<string, number>;
  }
  const tallies = new Map<number, ThemeTally>();
  const tallyOf = (themeId: number) => {
    let tally = tallies.get(themeId);
    if (!tally) {
      tally = { priorities: 0, score: 0, byMonth: new Map(), byPlace: new Map(), bySupport: new Map(), byType: new Map() };
      tallies.set(themeId, tally);
    }
    return tally;
  };
  for (const row of themeGrid) {
    const count = Number(row.n);
    const tally = tallyOf(row.theme_id);
    tally.priorities += count;
    tally.score += count * (4 - row.rank);
    add(tally.byMonth, row.month, count);
    add(tally.byPlace, row.place_id, count);
    add(tally.bySupport, row.support_needed, count);
  }
  for (const row of themeByType) add(tallyOf(row.theme_id).byType, row.type, Number(row.n));

  // A theme filter reports on exactly the chosen themes; otherwise every theme in use, and every
  // theme any priority in the report was tagged with.
  const reportedThemes = reference.themes.filter((theme) =>
    scope.themeIds.length > 0 ? scope.themeIds.includes(theme.id) : !theme.retired || (tallies.get(theme.id)?.priorities ?? 0) > 0,
  );
  const themeCounts = reportedThemes.map((theme) => ({ priorities: tallies.get(theme.id)?.priorities ?? 0, score: tallies.get(theme.id)?.score ?? 0 }));
  const ranks = rankThemes(themeCounts);
  const themes: ThemeRanking[] = reportedThemes.map((theme, index) => {
    const { priorities: count, score } = themeCounts[index]!;
    const shown = reportCount(count);
    return {
      slug: theme.slug,
      name: theme.name,
      priorities: shown,
      share: shown.value === null || themedPriorities === 0 ? null : count / themedPriorities,
      weightedScore: shown.value === null ? null : score,
      rankByCount: ranks.byCount[index]!,
      rankByScore: ranks.byScore[index]!,
    };
  });

  const quotesByTheme = new Map<number, Quote[]>();
  for (const row of quoteRows) {
    const quotes = quotesByTheme.get(row.theme_id) ?? [];
    quotes.push({ text: redactPersonalDetails(row.what_text).text, rankLabel: rankLabels[row.rank]!, place: row.place });
    quotesByTheme.set(row.theme_id, quotes);
  }

  const themeSections: ThemeSection[] = reportedThemes
    .map((theme, index) => ({ theme, ranking: themes[index]! }))
    .filter(({ theme }) => (tallies.get(theme.id)?.priorities ?? 0) > 0)
    .sort((a, b) => a.ranking.rankByCount - b.ranking.rankByCount)
    .map(({ theme, ranking }) => {
      const tally = tallies.get(theme.id)!;
      return {
        slug: theme.slug,
        name: theme.name,
        description: theme.description,
        priorities: ranking.priorities,
        share: ranking.share,
        byMonth: monthRows(tally.byMonth),
        byPlace: placesInScope.map((place) => labelled(place.name, tally.byPlace.get(place.id) ?? 0, tally.priorities)),
        byRespondentType: typesInScope.map((code) => labelled(respondentTypeReportLabels[code], tally.byType.get(code) ?? 0, tally.priorities)),
        support: {
          investment: reportCount(tally.bySupport.get("investment") ?? 0),
          projectSupport: reportCount(tally.bySupport.get("project_support") ?? 0),
          both: reportCount(tally.bySupport.get("both") ?? 0),
          notSure: reportCount(tally.bySupport.get("not_sure") ?? 0),
          notAnswered: reportCount(tally.bySupport.get(null) ?? 0),
        },
        // Quoting from a theme with a hidden count could point to the few people in it.
        quotes: ranking.priorities.value === null ? [] : (quotesByTheme.get(theme.id) ?? []),
      };
    });

  const alliancePopulation = sumOf(reference.places.filter((place) => place.kind === "place").map((place) => place.population ?? 0));
  const populationSources = [...new Set(placesInScope.flatMap((place) => (place.population_source ? [place.population_source] : [])))];
  const excludedTotal = sumOf(excluded.map((row) => Number(row.n)));
  const excludedRows = exclusionReasons
    .map((reason) => ({ reason, count: Number(excluded.find((row) => row.excluded_reason === reason)?.n ?? 0) }))
    .filter((row) => row.count > 0)
    .map((row) => labelled(exclusionLabels[row.reason], row.count, responses + excludedTotal));

  return {
    ...frame,
    empty: false,
    headline: {
      responses: reportCount(responses),
      priorities: reportCount(priorities),
      themedShare: priorities === 0 ? 0 : themedPriorities / priorities,
      respondentMix,
      places: placeRows,
      responsesByMonth: monthRows(responsesByMonth),
    },
    themes,
    themeSections,
    reach: {
      places: placesInScope.map((place, index) => ({
        name: place.name,
        respondents: placeRows[index]!.count,
        shareOfRespondents: placeRows[index]!.share,
        populationShare: place.kind === "place" && place.population !== null && alliancePopulation > 0 ? place.population / alliancePopulation : null,
      })),
      populationSource: populationSources.length > 0 ? populationSources.join("; ") : null,
      respondentTypes: respondentMix,
      equality,
    },
    methodology: {
      paragraphs: methodologyParagraphs(filters, priorities === 0 ? 0 : themedPriorities / priorities),
      excluded: excludedRows,
    },
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Up to five quotes a theme, from priorities a lead marked suitable to quote: first priorities
 * first, then the most recent. The text is redacted by the caller.
 */
async function loadQuotes(db: Executor, scope: ReportScope) {
  const candidates = withReportScope(db, scope, null)
    .selectFrom("p")
    .innerJoin("priority_themes as pt", "pt.priority_id", "p.id")
    .leftJoin("places", "places.id", "p.place_id")
    .$if(scope.themeIds.length > 0, (qb) => qb.where("pt.theme_id", "in", scope.themeIds))
    .where("p.suitable_to_quote", "=", 1)
    .select((eb) => [
      "pt.theme_id",
      "p.rank",
      "p.what_text",
      "places.name as place",
      eb.fn
        .agg<number>("row_number")
        .over((over) => over.partitionBy("pt.theme_id").orderBy("p.rank").orderBy("p.received_at", "desc").orderBy("p.id", "desc"))
        .as("position"),
    ]);
  return db
    .selectFrom(candidates.as("q"))
    .select(["q.theme_id", "q.rank", "q.what_text", "q.place"])
    .where("q.position", "<=", QUOTES_PER_THEME)
    .orderBy("q.theme_id")
    .orderBy("q.position")
    .execute();
}

/**
 * Answers to each equality question, from the respondents in the report who answered it: one
 * pass over the answers, counting every option of every question at once.
 */
async function aggregateEquality(db: Executor, scope: ReportScope): Promise<EqualityBreakdown[]> {
  const alias = (question: number, option: number) => `q${question}_${option}`;
  const counts = await withReportScope(db, scope, null)
    .selectFrom("s")
    .innerJoin("equality_answers as e", "e.submission_id", "s.id")
    .select((eb) =>
      equalityQuestions.flatMap((question, questionIndex) =>
        question.options.map((option, optionIndex) =>
          eb.fn
            .countAll<number>()
            .filterWhere(sql.ref(`e.${equalityAnswerColumns[question.name]}`), "=", option.code)
            .as(alias(questionIndex, optionIndex)),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return equalityQuestions.map((question, questionIndex) => {
    const answers = question.options.map((option, optionIndex) => ({ option, count: Number((counts as Record<string, number>)[alias(questionIndex, optionIndex)] ?? 0) }));
    const answered = sumOf(answers.map((answer) => answer.count));
    return { question: question.legend, rows: answers.map(({ option, count }) => labelled(option.label, count, answered)) };
  });
}

function methodologyParagraphs(filters: ReportFilters, themedShare: number): string[] {
  const paragraphs = [
    "Engagement leads read every response and tagged each priority with up to three themes from the Alliance's theme list. Only themes a lead confirmed are counted.",
    "A priority tagged with more than one theme counts once in each of its themes, so theme counts add up to more than the number of priorities.",
  ];
  if (themedShare < 1) {
    paragraphs.push(
      `${formatShare(themedShare)} of the priorities in this report had a theme when it was generated. The others are counted in the headline figures but in no theme.`,
    );
  }
  paragraphs.push(
    filters.statuses.includes("excluded")
      ? "This report includes responses that an engagement lead excluded (spam, duplicates, tests and responses outside the scope of this engagement)."
      : "Responses that an engagement lead excluded (spam, duplicates, tests and responses outside the scope of this engagement) are left out; the table below says how many there were for these filters.",
    "Dates and months are in UK time. Respondents could choose more than one description of themselves, so those counts add up to more than the number of respondents.",
    `Themes with fewer than ${SUPPRESSION_THRESHOLD} priorities share the rank after the others, so that their order cannot reveal their counts, and none of their priorities are quoted. Up to ${QUOTES_PER_THEME} quotes are shown for each theme, first priorities first and then the most recent.`,
  );
  return paragraphs;
}
