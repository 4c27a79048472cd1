import { SUPPRESSION_THRESHOLD, type LabelledCount, type ReportCount, type ReportModel, type SupportSplit, type ThemeRanking } from "./report-model";

/**
 * Words and number formats shared by the HTML report and the PDF, so the two always say the
 * same thing in the same way.
 */

/** Printed where a share or score would let a reader work back to a suppressed count. */
export const NOT_SHOWN = "not shown";

export const reportCopy = {
  organisation: "Cheshire and Merseyside Cancer Alliance",
  service: "Improving Cancer Care Together",
  empty: "No responses matched these filters.",
  emptyAdvice: "This report has no figures. Try a wider date range or fewer filters.",
  suppression: `Counts under ${SUPPRESSION_THRESHOLD} are shown as “fewer than ${SUPPRESSION_THRESHOLD}” so that small groups of people cannot be identified. Shares and scores for those groups are ${NOT_SHOWN}, and their bars are not drawn.`,
  quotes:
    "Quotes come only from priorities that an engagement lead marked as suitable to quote. Names, contact details, NHS numbers, dates of birth and addresses are removed automatically and replaced with “[removed]”.",
  noQuotes: "No priorities in this theme have been marked as suitable to quote.",
  rankWeighted:
    "Themes are ranked two ways: by the number of priorities tagged with the theme, and by a rank-weighted score in which a first priority counts 3 points, a second priority 2 points and a third priority 1 point.",
  accessibleVersion:
    "This PDF is a printable summary. The HTML version of this report, in the staff area of Improving Cancer Care Together, is the fully accessible version: it works with screen readers and every chart has a table of the same figures.",
  chartTable: "The same figures are in the table that follows.",
  monthsChart: "Months with fewer than 5 have no column; every figure is in the table below.",
  manyTypes: "A respondent may choose more than one.",
  reachLegend:
    "In the chart, solid bars show each place's share of the respondents who said where they live, and outlined bars show the place's share of the Alliance population.",
  reachIntro: "Where respondents live, compared with each place's share of the Alliance's population, and how respondents describe themselves.",
  equalityIntro: "Answers to the optional equality questions, from respondents who chose to answer them.",
  equalityNotIncluded: "Equality information is not included in this report.",
  noFilters: "None: every response not excluded",
  noMonths: "No months to show.",
  noExclusions: "No responses were excluded.",
} as const;

const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const londonDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/** 0.1234 → "12.3%"; a suppressed share → "not shown". */
export function formatShare(share: number | null): string {
  return share === null ? NOT_SHOWN : percent.format(share);
}

/** "1,234 (12.3%)", or just "fewer than 5" when the count is suppressed. */
export function countAndShare(row: LabelledCount): string {
  return row.share === null ? row.count.display : `${row.count.display} (${formatShare(row.share)})`;
}

/** A place's share of the Alliance population; places outside it (Isle of Man, elsewhere) have none. */
export function formatPopulationShare(share: number | null): string {
  return share === null ? "outside the Alliance" : formatShare(share);
}

export function describePopulationSource(source: string): string {
  return `Population source: ${source}.`;
}

/** A rank-weighted score, or "not shown" when the theme's count is suppressed. */
export function formatScore(score: number | null): string {
  return score === null ? NOT_SHOWN : wholeNumber.format(score);
}

/** "2026-03-01" → "1 March 2026". */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An ISO timestamp as UK local time: "20 November 2026 at 14:30". */
export function formatDateTime(isoTimestamp: string): string {
  const parts = Object.fromEntries(londonDateTime.formatToParts(new Date(isoTimestamp)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

export function describePeriod({ from, to }: ReportModel["period"]): string {
  if (from && to) return `${formatDate(from)} to ${formatDate(to)}`;
  if (from) return `From ${formatDate(from)}`;
  if (to) return `Up to ${formatDate(to)}`;
  return "All dates";
}

/** The five answers to "does it need investment or project support?", in the order asked. */
export function supportRows(split: SupportSplit): { label: string; count: ReportCount }[] {
  return [
    { label: "Investment", count: split.investment },
    { label: "Project support", count: split.projectSupport },
    { label: "Both", count: split.both },
    { label: "Not sure", count: split.notSure },
    { label: "Not answered", count: split.notAnswered },
  ];
}

export function themesByCount(themes: readonly ThemeRanking[]): ThemeRanking[] {
  return [...themes].sort((a, b) => a.rankByCount - b.rankByCount || a.name.localeCompare(b.name));
}

export function themesByScore(themes: readonly ThemeRanking[]): ThemeRanking[] {
  return [...themes].sort((a, b) => a.rankByScore - b.rankByScore || a.name.localeCompare(b.name));
}

/** "3rd of 19" */
export function formatRank(rank: number, of: number): string {
  const lastTwo = rank % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[rank % 10] ?? "th";
  return `${rank}${suffix} of ${of}`;
}

/** Stable, readable ids for in-page and in-PDF links: "theme-prevention". */
export function themeAnchor(slug: string): string {
  return `theme-${slug}`;
}
