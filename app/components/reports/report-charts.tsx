import { layoutBarChart, layoutColumnChart, type BarChartInput, type ColumnInput } from "~/modules/reports/chart-geometry";

/**
 * The report's charts as inline SVG, from the same geometry as the PDF's. Each is one image with
 * a title and a description (role="img"), so screen readers announce it once and move on to the
 * table of the same figures that always follows it. Colours come from CSS classes (the content
 * security policy forbids style attributes); series differ by fill and outline, not colour alone.
 */

const BAR_CHART_WIDTH = 640;
const BAR_CHART_FONT_SIZE = 14;
const COLUMN_CHART_HEIGHT = 170;
const COLUMN_CHART_FONT_SIZE = 13;

interface ChartText {
  /** Unique on the page: the SVG's title and description are referenced by id. */
  id: string;
  title: string;
  description: string;
}

export function BarChartSvg({ id, title, description, rows }: ChartText & { rows: BarChartInput[] }) {
  const geometry = layoutBarChart(rows, { width: BAR_CHART_WIDTH, fontSize: BAR_CHART_FONT_SIZE });
  return (
    <svg
      className="app-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-description`}
      viewBox={`0 0 ${geometry.width} ${Math.max(1, geometry.height)}`}
      width={geometry.width}
      height={Math.max(1, geometry.height)}
      fontSize={geometry.fontSize}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-description`}>{description}</desc>
      {geometry.rows.map((row, index) => (
        <g key={`${row.label}-${index}`}>
          <text className="app-chart__text" x={row.labelX} y={row.labelY}>
            {row.label}
          </text>
          {row.bars.map((bar) => (
            <g key={bar.series}>
              {bar.width !== null && bar.width > 0 ? (
                <rect className={`app-chart__bar app-chart__bar--series-${bar.series}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
              ) : null}
              <text className="app-chart__text" x={bar.textX} y={bar.textY}>
                {bar.text}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

export function ColumnChartSvg({ id, title, description, columns }: ChartText & { columns: ColumnInput[] }) {
  const geometry = layoutColumnChart(columns, { width: BAR_CHART_WIDTH, height: COLUMN_CHART_HEIGHT, fontSize: COLUMN_CHART_FONT_SIZE });
  const { plotX, plotTop, baselineY, width, fontSize } = geometry;
  return (
    <svg
      className="app-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-description`}
      viewBox={`0 0 ${width} ${geometry.height}`}
      width={width}
      height={geometry.height}
      fontSize={fontSize}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-description`}>{description}</desc>
      <line className="app-chart__gridline" x1={plotX} y1={plotTop} x2={width} y2={plotTop} />
      <text className="app-chart__text app-chart__text--axis" x={plotX - 6} y={plotTop + fontSize * 0.35} textAnchor="end">
        {geometry.axisMaxText}
      </text>
      <text className="app-chart__text app-chart__text--axis" x={plotX - 6} y={baselineY + fontSize * 0.35} textAnchor="end">
        0
      </text>
      {geometry.columns.map((column, index) => (
        <g key={`${column.label}-${index}`}>
          {column.y !== null && column.height !== null && column.height > 0 ? (
            <rect className="app-chart__bar app-chart__bar--series-0" x={column.x} y={column.y} width={column.width} height={column.height} />
          ) : null}
          {column.showLabel ? (
            <text className="app-chart__text" x={column.labelX} y={geometry.labelY} textAnchor="middle">
              {column.label}
            </text>
          ) : null}
        </g>
      ))}
      <line className="app-chart__axis" x1={plotX} y1={baselineY} x2={width} y2={baselineY} />
    </svg>
  );
}
