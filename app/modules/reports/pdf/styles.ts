import { StyleSheet } from "@react-pdf/renderer";

import { lineCount, type FontWeight } from "../text-metrics";

/** The family registered by fonts.server.ts (Arimo, bundled from npm). */
export const FONT_FAMILY = "Arimo";

export const colours = {
  nhsBlue: "#005eb8",
  darkBlue: "#003087",
  text: "#212b32",
  secondaryText: "#4c6272",
  border: "#d8dde0",
  paleGrey: "#f0f4f5",
  white: "#ffffff",
} as const;

/** A4 portrait, in points. The planner fills `contentHeight`; the footer takes the bottom margin. */
export const page = {
  width: 595.28,
  height: 841.89,
  marginTop: 48,
  /** The footer's height plus the space below it. */
  marginBottom: 64,
  footerHeight: 36,
  marginX: 48,
} as const;
export const contentWidth = page.width - 2 * page.marginX;
export const contentHeight = page.height - page.marginTop - page.marginBottom;

interface TextKind {
  fontSize: number;
  lineHeight: number;
  weight: FontWeight;
  marginBottom: number;
}

/** Every kind of text on a page, used both to style it and to work out how tall it is. */
export const text = {
  title: { fontSize: 26, lineHeight: 1.2, weight: "bold", marginBottom: 16 },
  h2: { fontSize: 18, lineHeight: 1.25, weight: "bold", marginBottom: 8 },
  h3: { fontSize: 12.5, lineHeight: 1.3, weight: "bold", marginBottom: 5 },
  body: { fontSize: 10, lineHeight: 1.4, weight: "regular", marginBottom: 8 },
  note: { fontSize: 10, lineHeight: 1.4, weight: "regular", marginBottom: 16 },
  quote: { fontSize: 10, lineHeight: 1.4, weight: "regular", marginBottom: 2 },
  small: { fontSize: 8.5, lineHeight: 1.35, weight: "regular", marginBottom: 6 },
  tileLabel: { fontSize: 8.5, lineHeight: 1.3, weight: "regular", marginBottom: 0 },
  tileValue: { fontSize: 15, lineHeight: 1.25, weight: "bold", marginBottom: 0 },
  cell: { fontSize: 9, lineHeight: 1.3, weight: "regular", marginBottom: 0 },
  cellHeading: { fontSize: 9, lineHeight: 1.3, weight: "bold", marginBottom: 0 },
} as const satisfies Record<string, TextKind>;

export const CHART_FONT_SIZE = 8;

/** Spacing used both by the styles below and by the height estimates in report-document.tsx. */
export const spacing = {
  beforeH3: 8,
  cellPadding: 3,
  cellGutter: 6,
  tableCaptionGap: 3,
  tableMargin: 12,
  tileBorder: 3,
  tilePadding: 8,
  tileGap: 8,
  tilesMargin: 10,
  noteRule: 4,
  quoteRule: 3,
  ruleGap: 10,
  quoteMargin: 10,
  chartMargin: 10,
  summaryMargin: 16,
  contentsRowPadding: 4,
} as const;

const band = { paddingTop: 28, paddingBottom: 20, marginBottom: 36, organisation: 14, gap: 4, service: 11 } as const;
/** The cover's blue band, as far as the content below it is concerned (it reaches up into the top margin). */
export const bandHeight =
  -page.marginTop + band.paddingTop + (band.organisation + band.service) * text.body.lineHeight + band.gap + band.paddingBottom + band.marginBottom;

/** react-pdf breaks lines a little differently from a simple greedy wrap: measure against a narrower line. */
const WRAP_SAFETY = 0.96;

/** Height of `value` set as `kind` in a box `width` wide, including the space after it. */
export function textHeight(value: string, kind: TextKind, width: number = contentWidth): number {
  return lineCount(value, kind.fontSize, width * WRAP_SAFETY, kind.weight) * kind.fontSize * kind.lineHeight + kind.marginBottom;
}

function textStyle(kind: TextKind) {
  return {
    fontSize: kind.fontSize,
    lineHeight: kind.lineHeight,
    fontWeight: kind.weight === "bold" ? 700 : 400,
    marginBottom: kind.marginBottom,
  } as const;
}

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    color: colours.text,
    paddingTop: page.marginTop,
    paddingBottom: page.marginBottom - page.footerHeight,
    paddingHorizontal: page.marginX,
    ...textStyle(text.body),
  },
  /**
   * An unwrapped react-pdf page is as tall as its content: the body fills the planned height, so
   * a page is exactly A4, and content that outgrew its plan makes a longer page (which the tests
   * catch) rather than being cut off or running under the footer.
   */
  pageBody: { minHeight: contentHeight },
  footer: { height: page.footerHeight, paddingTop: 14 },
  footerRow: {
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.75,
    borderTopColor: colours.border,
    paddingTop: 6,
    fontSize: 8,
    color: colours.secondaryText,
  },
  band: {
    backgroundColor: colours.nhsBlue,
    color: colours.white,
    marginTop: -page.marginTop,
    marginHorizontal: -page.marginX,
    paddingHorizontal: page.marginX,
    paddingTop: band.paddingTop,
    paddingBottom: band.paddingBottom,
    marginBottom: band.marginBottom,
  },
  bandOrganisation: { fontSize: band.organisation, fontWeight: 700, marginBottom: band.gap },
  bandService: { fontSize: band.service },
  title: { ...textStyle(text.title), color: colours.text },
  summary: { marginBottom: spacing.summaryMargin, borderTopWidth: 0.5, borderTopColor: colours.border },
  summaryKey: { ...textStyle(text.body), fontWeight: 700, marginBottom: 0, paddingVertical: spacing.cellPadding, paddingRight: spacing.cellGutter },
  summaryValues: { paddingVertical: spacing.cellPadding },
  summaryValue: { ...textStyle(text.body), marginBottom: 0 },
  h2: { ...textStyle(text.h2), color: colours.text },
  h3: { ...textStyle(text.h3), color: colours.text, marginTop: spacing.beforeH3 },
  body: textStyle(text.body),
  small: { ...textStyle(text.small), color: colours.secondaryText },
  note: {
    ...textStyle(text.note),
    borderLeftWidth: spacing.noteRule,
    borderLeftColor: colours.nhsBlue,
    paddingLeft: spacing.ruleGap,
  },
  tiles: { flexDirection: "row", marginBottom: spacing.tilesMargin },
  tile: {
    flexGrow: 1,
    flexBasis: 0,
    backgroundColor: colours.paleGrey,
    borderTopWidth: spacing.tileBorder,
    borderTopColor: colours.nhsBlue,
    padding: spacing.tilePadding,
  },
  tileGap: { marginLeft: spacing.tileGap },
  tileLabel: { ...textStyle(text.tileLabel), color: colours.secondaryText },
  tileValue: textStyle(text.tileValue),
  chartCaption: { ...textStyle(text.small), color: colours.secondaryText },
  chart: { marginBottom: spacing.chartMargin },
  tableCaption: { ...textStyle(text.cellHeading), marginBottom: spacing.tableCaptionGap },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: colours.border },
  tableHeaderRow: { flexDirection: "row", borderBottomWidth: 1.25, borderBottomColor: colours.text },
  cell: { ...textStyle(text.cell), paddingVertical: spacing.cellPadding, paddingRight: spacing.cellGutter },
  cellHeading: { ...textStyle(text.cellHeading), paddingVertical: spacing.cellPadding, paddingRight: spacing.cellGutter },
  numeric: { textAlign: "right" },
  table: { marginBottom: spacing.tableMargin },
  quote: {
    borderLeftWidth: spacing.quoteRule,
    borderLeftColor: colours.border,
    paddingLeft: spacing.ruleGap,
    marginBottom: spacing.quoteMargin,
  },
  quoteText: textStyle(text.quote),
  quoteSource: { ...textStyle(text.small), marginBottom: 0 },
  list: { marginBottom: 8 },
  contentsRow: {
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.5,
    borderBottomColor: colours.border,
    paddingVertical: spacing.contentsRowPadding,
  },
  link: { color: colours.nhsBlue, textDecoration: "none" },
});
