/**
 * Realistic synthetic report models, shaped as the SQL aggregation produces them, for warming up
 * PDF workers (render-worker.server.ts), tests and benchmarks:
 * the theme taxonomy, places and equality questions of the real service, figures that add up,
 * and deterministic output for a given seed.
 */
import { places as referencePlaces, themes as referenceThemes } from "~db/reference-data";

import {
  emptyReportModel,
  reportCount,
  type EqualityBreakdown,
  type LabelledCount,
  type MonthCount,
  type Quote,
  type ReportModel,
  type ThemeRanking,
  type ThemeSection,
} from "~/modules/reports/report-model";
import { equalityQuestions } from "~/modules/submissions/equality-options";

export interface SampleReportOptions {
  /** Responses the report summarises; every other figure is scaled from it. */
  responses?: number;
  /** Themes with priorities (the 19 of the taxonomy; more are added as "Additional theme N"). */
  themes?: number;
  /** Months in the period, from January 2026. */
  months?: number;
  quotesPerTheme?: number;
  /** Quotes near the 1,000-character limit of a priority. */
  longQuotes?: boolean;
  /** Force some counts of 1 to 4 in every kind of breakdown, so suppression shows everywhere. */
  suppressSome?: boolean;
  /** Include equality breakdowns (the viewer has read:equality). */
  equality?: boolean;
  seed?: number;
}

const respondentTypes = [
  { label: "People who have, or have had, cancer", weight: 0.34 },
  { label: "Carers and family members", weight: 0.27 },
  { label: "People who have lost someone to cancer", weight: 0.16 },
  { label: "Health and care professionals", weight: 0.12 },
  { label: "Members of the public", weight: 0.14 },
  { label: "Organisations", weight: 0.02 },
  { label: "Prefer not to say", weight: 0.03 },
];

const rankLabels = ["First priority", "Second priority", "Third priority"];

const quoteOpenings = [
  "It would make the most difference if",
  "Please make sure that",
  "My biggest worry is that",
  "What helped us most was when",
  "I would like the Alliance to",
];
const quoteMiddles = [
  "people did not have to chase results themselves, because waiting without news is the hardest part",
  "there was one named person to ring who knows you and your history",
  "appointments were closer to home, as the bus journey takes two hours each way",
  "my husband [removed] was listened to the first time he went to the GP",
  "carers were asked how they are coping too, not only the patient",
  "information came in plain English and in other languages for our community",
  "the hospital could be reached by phone at [removed] without waiting an hour",
];

export const SAMPLE_GENERATED_AT = "2026-11-20T14:30:00.000Z";

export function buildSampleReportModel(options: SampleReportOptions = {}): ReportModel {
  const {
    responses = 1_200,
    themes: themeTotal = referenceThemes.length,
    months = 12,
    quotesPerTheme = 5,
    longQuotes = false,
    suppressSome = false,
    equality = true,
    seed = 1,
  } = options;
  const random = mulberry32(seed);
  const priorities = Math.round(responses * 2.1);
  const themedPriorities = Math.round(priorities * 0.94);
  const monthKeys = Array.from({ length: months }, (_, index) => monthOf(index));

  const themeDefinitions = Array.from({ length: themeTotal }, (_, index) => {
    const reference = referenceThemes[index];
    return reference
      ? { slug: reference.slug, name: reference.name, description: reference.description }
      : { slug: `additional-theme-${index + 1}`, name: `Additional theme ${index + 1}`, description: `A theme added by an administrator (${index + 1}).` };
  });
  // Popularity falls away like real free-text themes: a few large themes and a long tail.
  const weights = themeDefinitions.map((_, index) => (1 / (index + 1) ** 0.8) * (0.7 + random() * 0.6));
  const weightTotal = sum(weights);
  const themeCounts = weights.map((weight) => Math.max(5, Math.round(((themedPriorities * 1.25 * weight) / weightTotal))));
  if (suppressSome) themeCounts[themeCounts.length - 1] = 3;
  const scores = themeCounts.map((count) => Math.round(count * (1.6 + random())));
  const rankByCount = ranks(themeCounts);
  const rankByScore = ranks(scores);

  const themes: ThemeRanking[] = themeDefinitions.map((definition, index) => {
    const count = reportCount(themeCounts[index]!);
    return {
      slug: definition.slug,
      name: definition.name,
      priorities: count,
      share: count.value === null ? null : count.value / themedPriorities,
      weightedScore: count.value === null ? null : scores[index]!,
      rankByCount: rankByCount[index]!,
      rankByScore: rankByScore[index]!,
    };
  });

  const placeWeights = referencePlaces.map((place) => (place.population ?? 15_000) * (0.7 + random() * 0.6));
  const typeWeights = respondentTypes.map((type) => type.weight);
  const monthWeights = monthKeys.map((_, index) => (index === 0 ? 2.2 : 1) * (0.6 + random() * 0.8));

  const themeSections: ThemeSection[] = themeDefinitions.map((definition, index) => {
    const total = themeCounts[index]!;
    const count = reportCount(total);
    const byMonth = monthCounts(monthKeys, split(total, monthWeights));
    const byPlace = labelled(referencePlaces.map((place) => place.name), split(total, placeWeights), total);
    const byRespondentType = labelled(respondentTypes.map((type) => type.label), split(Math.round(total * 1.1), typeWeights), total);
    const [investment, projectSupport, both, notSure, notAnswered] = split(total, [0.31, 0.27, 0.22, 0.08, 0.12]);
    if (suppressSome) {
      forceSmall(byMonth[byMonth.length - 1]!, 2);
      forceSmall(byPlace[byPlace.length - 1]!, 1);
      forceSmall(byRespondentType[5]!, 4);
    }
    return {
      slug: definition.slug,
      name: definition.name,
      description: definition.description,
      priorities: count,
      share: count.value === null ? null : total / themedPriorities,
      byMonth,
      byPlace,
      byRespondentType,
      support: {
        investment: reportCount(investment!),
        projectSupport: reportCount(projectSupport!),
        both: reportCount(both!),
        notSure: reportCount(suppressSome ? 3 : notSure!),
        notAnswered: reportCount(notAnswered!),
      },
      quotes: count.value === null ? [] : Array.from({ length: quotesPerTheme }, (_, quoteIndex) => buildQuote(random, definition.name, quoteIndex, longQuotes)),
    };
  });

  const placeRespondents = split(Math.round(responses * 0.92), placeWeights);
  if (suppressSome) placeRespondents[referencePlaces.findIndex((place) => place.code === "isle-of-man")] = 2;
  const answeredPlace = sum(placeRespondents);
  const population = sum(referencePlaces.map((place) => place.population ?? 0));
  const typeCounts = split(Math.round(responses * 1.15), typeWeights);
  if (suppressSome) typeCounts[5] = 4;
  const respondentMix = labelled(respondentTypes.map((type) => type.label), typeCounts, responses);

  const excludedCounts = [Math.round(responses * 0.006) + 5, Math.round(responses * 0.004) + 5, 3];
  return {
    title: "Themed summary of priorities for cancer care",
    campaign: { code: "ICCT", title: "Improving Cancer Care Together" },
    period: { from: `${monthKeys[0]}-01`, to: lastDayOf(monthKeys[monthKeys.length - 1]!) },
    filtersInWords: ["Places: all places", "Respondent types: all", "Themes: all themes", "Statuses: every status except excluded"],
    generatedAt: SAMPLE_GENERATED_AT,
    generatedBy: "Alex Morgan",
    empty: false,
    headline: {
      responses: reportCount(responses),
      priorities: reportCount(priorities),
      themedShare: themedPriorities / priorities,
      respondentMix,
      places: labelled(referencePlaces.map((place) => place.name), placeRespondents, answeredPlace),
      responsesByMonth: monthCounts(monthKeys, split(responses, monthWeights)),
    },
    themes,
    themeSections,
    reach: {
      places: referencePlaces.map((place, index) => {
        const respondents = reportCount(placeRespondents[index]!);
        return {
          name: place.name,
          respondents,
          shareOfRespondents: respondents.value === null ? null : respondents.value / answeredPlace,
          populationShare: place.population === null ? null : place.population / population,
        };
      }),
      populationSource: referencePlaces[0]!.population_source,
      respondentTypes: respondentMix,
      equality: equality ? equalityBreakdowns(random, Math.round(responses * 0.6), suppressSome) : null,
    },
    methodology: {
      paragraphs: [
        "Engagement leads read every response and tagged each priority with up to three themes from the Alliance's theme list. Only confirmed themes are counted; suggested themes that a lead has not confirmed are not.",
        "A priority tagged with more than one theme counts once in each of its themes, so theme counts add up to more than the number of priorities.",
      ],
      excluded: labelled(["Marked as spam", "Duplicate responses", "Withdrawn by the respondent"], excludedCounts, responses + sum(excludedCounts)),
    },
  };
}

/** What the aggregation returns when no response matches the filters. */
export function buildEmptySampleReportModel(): ReportModel {
  return emptyReportModel({
    title: "Themed summary of priorities for cancer care",
    campaign: { code: "ICCT", title: "Improving Cancer Care Together" },
    period: { from: "2026-10-01", to: "2026-10-31" },
    filtersInWords: ["Places: Isle of Man", "Respondent types: Organisations", "Themes: Children and young people"],
    generatedAt: SAMPLE_GENERATED_AT,
    generatedBy: "Alex Morgan",
  });
}

function equalityBreakdowns(random: () => number, answered: number, suppressSome: boolean): EqualityBreakdown[] {
  return equalityQuestions.map((question, questionIndex) => {
    const weights = question.options.map((_, index) => (index === question.options.length - 1 ? 0.04 : 0.2 + random()));
    const counts = split(answered, weights);
    if (suppressSome && questionIndex === 0) counts[0] = 2;
    return { question: question.legend, rows: labelled(question.options.map((option) => option.label), counts, answered) };
  });
}

function buildQuote(random: () => number, themeName: string, index: number, long: boolean): Quote {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  let text = `${pick(quoteOpenings)} ${pick(quoteMiddles)} (${themeName.toLowerCase()}).`;
  while (long && text.length < 900) text += ` ${pick(quoteOpenings)} ${pick(quoteMiddles)}.`;
  return { text, rankLabel: rankLabels[index % rankLabels.length]!, place: index % 4 === 3 ? null : pick(referencePlaces).name };
}

function labelled(labels: readonly string[], counts: readonly number[], total: number): LabelledCount[] {
  return labels.map((label, index) => {
    const count = reportCount(counts[index] ?? 0);
    return { label, count, share: count.value === null || total === 0 ? null : count.value / total };
  });
}

function forceSmall(row: LabelledCount | MonthCount, value: number): void {
  row.count = reportCount(value);
  if ("share" in row) row.share = null;
}

function monthCounts(keys: readonly string[], counts: readonly number[]): MonthCount[] {
  return keys.map((month, index) => ({ month, label: monthLabel(month), count: reportCount(counts[index]!) }));
}

/** Splits `total` into whole numbers in proportion to `weights`, adding up to `total`. */
function split(total: number, weights: readonly number[]): number[] {
  const weightTotal = sum(weights);
  const exact = weights.map((weight) => (total * weight) / weightTotal);
  const counts = exact.map(Math.floor);
  let left = total - sum(counts);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}

/** 1 for the largest; ties share a rank. */
function ranks(values: readonly number[]): number[] {
  return values.map((value) => 1 + values.filter((other) => other > value).length);
}

function monthOf(index: number): string {
  const date = new Date(Date.UTC(2026, index, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function monthLabel(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, monthNumber!, 0)).toISOString().slice(0, 10);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A small seeded generator, so a fixture is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
