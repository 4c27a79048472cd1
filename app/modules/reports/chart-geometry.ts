import { textWidth } from "./text-metrics";

/**
 * Where every bar, label and figure of a report chart goes. The HTML report draws the result as
 * inline SVG and the PDF with react-pdf's Svg primitives, so both charts are the same drawing.
 *
 * A value of null is a suppressed count: it gets no bar (a bar's length would reveal the number),
 * only its text, "fewer than 5".
 */

export interface ChartValue {
  value: number | null;
  /** Printed at the end of the bar: "1,234", "12.3%", "fewer than 5". */
  text: string;
}

export interface BarChartInput {
  label: string;
  /** One value per series (most charts have one; "reach" compares two). */
  values: ChartValue[];
}

export interface BarGeometry {
  series: number;
  x: number;
  y: number;
  /** null: suppressed, nothing is drawn. */
  width: number | null;
  height: number;
  text: string;
  textX: number;
  /** Text baseline. */
  textY: number;
}

export interface BarRowGeometry {
  label: string;
  labelX: number;
  /** Label baseline. */
  labelY: number;
  bars: BarGeometry[];
}

export interface BarChartGeometry {
  width: number;
  height: number;
  fontSize: number;
  /** True when labels sit on their own line above the bars (labels too long to sit beside them). */
  stacked: boolean;
  barX: number;
  rows: BarRowGeometry[];
}

export interface ChartOptions {
  width: number;
  fontSize: number;
}

/** From the middle of a line to the baseline of text centred on it, as a share of the font size. */
const CENTRED_BASELINE = 0.35;

/** Horizontal bars, one row per label, longest value scaled to the space left after labels and figures. */
export function layoutBarChart(rows: readonly BarChartInput[], { width, fontSize }: ChartOptions): BarChartGeometry {
  const gap = fontSize * 0.6;
  const lineHeight = fontSize * 1.3;
  const barHeight = fontSize * 1.1;
  const seriesGap = fontSize * 0.2;
  const rowGap = fontSize * 0.5;
  const series = Math.max(1, ...rows.map((row) => row.values.length));

  const widestLabel = Math.max(0, ...rows.map((row) => textWidth(row.label, fontSize)));
  const widestText = Math.max(0, ...rows.flatMap((row) => row.values.map((value) => textWidth(value.text, fontSize))));
  const stacked = widestLabel > width * 0.42;
  const barX = stacked ? 0 : widestLabel + gap;
  const barArea = Math.max(0, width - barX - gap - widestText);
  const max = Math.max(0, ...rows.flatMap((row) => row.values.map((value) => value.value ?? 0)));
  const barsHeight = series * barHeight + (series - 1) * seriesGap;
  const rowHeight = stacked ? lineHeight + barsHeight : Math.max(lineHeight, barsHeight);

  const geometry = rows.map((row, index): BarRowGeometry => {
    const top = index * (rowHeight + rowGap);
    const barsTop = stacked ? top + lineHeight : top + (rowHeight - barsHeight) / 2;
    return {
      label: row.label,
      labelX: 0,
      labelY: (stacked ? top + lineHeight / 2 : top + rowHeight / 2) + fontSize * CENTRED_BASELINE,
      bars: row.values.map((value, seriesIndex) => {
        const y = barsTop + seriesIndex * (barHeight + seriesGap);
        const barWidth = value.value === null ? null : max === 0 ? 0 : (value.value / max) * barArea;
        return {
          series: seriesIndex,
          x: barX,
          y,
          width: barWidth,
          height: barHeight,
          text: value.text,
          textX: barX + (barWidth ?? 0) + gap,
          textY: y + barHeight / 2 + fontSize * CENTRED_BASELINE,
        };
      }),
    };
  });
  const height = rows.length === 0 ? 0 : rows.length * rowHeight + (rows.length - 1) * rowGap;
  return { width, height, fontSize, stacked, barX, rows: geometry };
}

export interface ColumnInput {
  label: string;
  value: number | null;
}

export interface ColumnGeometry {
  label: string;
  x: number;
  width: number;
  /** null: suppressed, nothing is drawn. */
  y: number | null;
  height: number | null;
  /** Only some columns are labelled when there are too many to label them all. */
  showLabel: boolean;
  labelX: number;
}

export interface ColumnChartGeometry {
  width: number;
  height: number;
  fontSize: number;
  plotX: number;
  plotTop: number;
  baselineY: number;
  /** The value at the top gridline, and its label. */
  axisMax: number;
  axisMaxText: string;
  labelY: number;
  columns: ColumnGeometry[];
}

/** Vertical columns over time (months), on an axis from 0 to a round number at or above the largest value. */
export function layoutColumnChart(columns: readonly ColumnInput[], { width, height, fontSize }: ChartOptions & { height: number }): ColumnChartGeometry {
  const max = Math.max(0, ...columns.map((column) => column.value ?? 0));
  const axisMax = roundAxisMaximum(max);
  const axisMaxText = axisMax.toLocaleString("en-GB");
  const gap = fontSize * 0.5;
  const plotX = Math.max(textWidth(axisMaxText, fontSize), textWidth("0", fontSize)) + gap;
  const plotTop = fontSize * 0.6;
  const labelY = height - fontSize * 0.3;
  const baselineY = height - fontSize * 1.6;
  const plotHeight = baselineY - plotTop;
  const step = columns.length === 0 ? 0 : (width - plotX) / columns.length;
  const widestLabel = Math.max(0, ...columns.map((column) => textWidth(column.label, fontSize)));
  const labelEvery = step === 0 ? 1 : Math.max(1, Math.ceil((widestLabel + gap) / step));

  return {
    width,
    height,
    fontSize,
    plotX,
    plotTop,
    baselineY,
    axisMax,
    axisMaxText,
    labelY,
    columns: columns.map((column, index) => {
      const columnHeight = column.value === null ? null : axisMax === 0 ? 0 : (column.value / axisMax) * plotHeight;
      const x = plotX + index * step + step * 0.15;
      return {
        label: column.label,
        x,
        width: step * 0.7,
        y: columnHeight === null ? null : baselineY - columnHeight,
        height: columnHeight,
        showLabel: index % labelEvery === 0,
        labelX: plotX + index * step + step / 2,
      };
    }),
  };
}

/** 1, 2, 2.5 or 5 times a power of ten: the smallest at or above `value` (1 for an empty chart). */
export function roundAxisMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value)!;
  return Math.max(1, Math.round(nice * power));
}
