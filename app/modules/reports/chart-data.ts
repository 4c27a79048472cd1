import type { BarChartInput, ColumnInput } from "./chart-geometry";
import type { LabelledCount, MonthCount, ReachByPlace, SupportSplit, ThemeRanking } from "./report-model";
import { countAndShare, formatPopulationShare, formatScore, formatShare, supportRows } from "./report-text";

/**
 * What each chart of the report shows, for both renderers. A suppressed count's value is null,
 * so it gets no bar; its text says "fewer than 5".
 */

export function themeCountBars(themes: readonly ThemeRanking[]): BarChartInput[] {
  return themes.map((theme) => ({ label: theme.name, values: [{ value: theme.priorities.value, text: theme.priorities.display }] }));
}

export function themeScoreBars(themes: readonly ThemeRanking[]): BarChartInput[] {
  return themes.map((theme) => ({ label: theme.name, values: [{ value: theme.weightedScore, text: formatScore(theme.weightedScore) }] }));
}

export function labelledCountBars(rows: readonly LabelledCount[]): BarChartInput[] {
  return rows.map((row) => ({ label: row.label, values: [{ value: row.count.value, text: countAndShare(row) }] }));
}

export function supportBars(split: SupportSplit): BarChartInput[] {
  return supportRows(split).map((row) => ({ label: row.label, values: [{ value: row.count.value, text: row.count.display }] }));
}

/** Two bars a place: its share of respondents (series 0), and its share of the population (series 1). */
export function reachBars(places: readonly ReachByPlace[]): BarChartInput[] {
  return places.map((place) => ({
    label: place.name,
    values: [
      {
        value: place.shareOfRespondents,
        text: place.shareOfRespondents === null ? `${place.respondents.display} respondents` : `${formatShare(place.shareOfRespondents)} of respondents`,
      },
      { value: place.populationShare, text: place.populationShare === null ? formatPopulationShare(null) : `${formatShare(place.populationShare)} of population` },
    ],
  }));
}

export function monthColumns(months: readonly MonthCount[]): ColumnInput[] {
  return months.map((month) => ({ label: month.label, value: month.count.value }));
}
