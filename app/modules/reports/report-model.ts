/**
 * The themed summary as data: everything the HTML report, the PDF and the figures in the CSV
 * header agree on. Built by aggregation in SQL (never one element per response) and rendered by
 * app/components/reports (HTML) and app/modules/reports/pdf (PDF).
 */

/** Counts under this are shown as "fewer than 5" everywhere, so small groups cannot be identified. */
export const SUPPRESSION_THRESHOLD = 5;

export interface ReportCount {
  /** The true count, or null when it is suppressed. */
  value: number | null;
  /** What to print: "1,234", "0" or "fewer than 5". */
  display: string;
}

export function reportCount(value: number): ReportCount {
  if (value > 0 && value < SUPPRESSION_THRESHOLD) return { value: null, display: "fewer than 5" };
  return { value, display: value.toLocaleString("en-GB") };
}

export interface LabelledCount {
  label: string;
  count: ReportCount;
  /** Share of the relevant total, 0..1; null when the count is suppressed. */
  share: number | null;
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  /** e.g. "Nov 2026" */
  label: string;
  count: ReportCount;
}

export interface ThemeRanking {
  slug: string;
  name: string;
  /** Priorities tagged with the theme. */
  priorities: ReportCount;
  /** Share of all themed priorities, 0..1 (null when suppressed). */
  share: number | null;
  /** First priority 3 points, second 2, third 1 (null when the priority count is suppressed). */
  weightedScore: number | null;
  rankByCount: number;
  rankByScore: number;
}

export interface SupportSplit {
  investment: ReportCount;
  projectSupport: ReportCount;
  both: ReportCount;
  notSure: ReportCount;
  notAnswered: ReportCount;
}

export interface Quote {
  /** Already passed through redaction: personal details are "[removed]". */
  text: string;
  /** "First priority", "Second priority" or "Third priority". */
  rankLabel: string;
  /** The respondent's place, when known. */
  place: string | null;
}

export interface ThemeSection {
  slug: string;
  name: string;
  description: string;
  priorities: ReportCount;
  share: number | null;
  byMonth: MonthCount[];
  byPlace: LabelledCount[];
  byRespondentType: LabelledCount[];
  support: SupportSplit;
  /** Up to five, only from priorities a lead marked suitable to quote. */
  quotes: Quote[];
}

export interface ReachByPlace {
  name: string;
  respondents: ReportCount;
  /** Share of respondents who said where they live, 0..1 (null when suppressed). */
  shareOfRespondents: number | null;
  /** The place's share of the Alliance population, 0..1; null for Isle of Man / elsewhere. */
  populationShare: number | null;
}

export interface EqualityBreakdown {
  question: string;
  rows: LabelledCount[];
}

export interface ReportModel {
  title: string;
  campaign: { code: string; title: string };
  /** ISO dates (yyyy-mm-dd), inclusive; null when open-ended. */
  period: { from: string | null; to: string | null };
  /** The filters in plain words, e.g. "Places: Wirral and Sefton". */
  filtersInWords: string[];
  /** ISO timestamp. */
  generatedAt: string;
  generatedBy: string;
  /** True when no responses match: renderers print a short report that says so. */
  empty: boolean;
  headline: {
    responses: ReportCount;
    priorities: ReportCount;
    /** Share of priorities with at least one confirmed theme, 0..1. */
    themedShare: number;
    respondentMix: LabelledCount[];
    places: LabelledCount[];
    responsesByMonth: MonthCount[];
  };
  themes: ThemeRanking[];
  themeSections: ThemeSection[];
  reach: {
    places: ReachByPlace[];
    /** e.g. "ONS Census 2021, usual resident population (rounded to the nearest 100)" */
    populationSource: string | null;
    respondentTypes: LabelledCount[];
    /** Present only when the person generating the report may see equality data. */
    equality: EqualityBreakdown[] | null;
  };
  methodology: {
    paragraphs: string[];
    excluded: LabelledCount[];
  };
}

/** The short report for filters that match no responses: the cover and a sentence saying so. */
export function emptyReportModel(frame: Omit<ReportModel, "empty" | "headline" | "themes" | "themeSections" | "reach" | "methodology">): ReportModel {
  const zero = reportCount(0);
  return {
    ...frame,
    empty: true,
    headline: { responses: zero, priorities: zero, themedShare: 0, respondentMix: [], places: [], responsesByMonth: [] },
    themes: [],
    themeSections: [],
    reach: { places: [], populationSource: null, respondentTypes: [], equality: null },
    methodology: { paragraphs: [], excluded: [] },
  };
}
