import { G, Line, Rect, Svg, Text } from "@react-pdf/renderer";

import type { BarChartGeometry, ColumnChartGeometry } from "../chart-geometry";

import { colours, FONT_FAMILY } from "./styles";

/**
 * The report's charts as react-pdf Svg: one Svg per chart, so a chart costs a few dozen
 * primitives however many responses it summarises. Labels and figures are real text.
 * Series are told apart by fill and outline, never by colour alone.
 */

const seriesStyle = [
  { fill: colours.nhsBlue, stroke: colours.nhsBlue },
  { fill: colours.white, stroke: colours.text },
] as const;

/** react-pdf hands a group's style down to the text inside it (an Svg's own style is not). */
function chartFont(fontSize: number) {
  return { fontFamily: FONT_FAMILY, fontSize };
}

export function PdfBarChart({ geometry }: { geometry: BarChartGeometry }) {
  return (
    <Svg width={geometry.width} height={geometry.height}>
      <G style={chartFont(geometry.fontSize)}>
        {geometry.rows.map((row, index) => (
          <G key={`${row.label}-${index}`}>
            <Text x={row.labelX} y={row.labelY} fill={colours.text}>
              {row.label}
            </Text>
            {row.bars.map((bar) => (
              <G key={bar.series}>
                {bar.width !== null && bar.width > 0 ? (
                  <Rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} strokeWidth={0.75} {...seriesStyle[bar.series % seriesStyle.length]} />
                ) : null}
                <Text x={bar.textX} y={bar.textY} fill={colours.text}>
                  {bar.text}
                </Text>
              </G>
            ))}
          </G>
        ))}
      </G>
    </Svg>
  );
}

export function PdfColumnChart({ geometry }: { geometry: ColumnChartGeometry }) {
  const { plotX, plotTop, baselineY, width, fontSize } = geometry;
  return (
    <Svg width={width} height={geometry.height}>
      <G style={chartFont(fontSize)}>
        <Line x1={plotX} y1={plotTop} x2={width} y2={plotTop} stroke={colours.border} strokeWidth={0.75} />
        <Text x={plotX - 4} y={plotTop + fontSize * 0.35} fill={colours.secondaryText} textAnchor="end">
          {geometry.axisMaxText}
        </Text>
        <Text x={plotX - 4} y={baselineY + fontSize * 0.35} fill={colours.secondaryText} textAnchor="end">
          0
        </Text>
        {geometry.columns.map((column, index) => (
          <G key={`${column.label}-${index}`}>
            {column.y !== null && column.height !== null && column.height > 0 ? (
              <Rect x={column.x} y={column.y} width={column.width} height={column.height} fill={colours.nhsBlue} />
            ) : null}
            {column.showLabel ? (
              <Text x={column.labelX} y={geometry.labelY} fill={colours.text} textAnchor="middle">
                {column.label}
              </Text>
            ) : null}
          </G>
        ))}
        <Line x1={plotX} y1={baselineY} x2={width} y2={baselineY} stroke={colours.text} strokeWidth={0.75} />
      </G>
    </Svg>
  );
}
