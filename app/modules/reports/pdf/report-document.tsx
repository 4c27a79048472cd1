import { Document, Link, Page, Text, View, type DocumentProps } from "@react-pdf/renderer";
import { Fragment, type ReactElement } from "react";

import { labelledCountBars, monthColumns, reachBars, supportBars, themeCountBars, themeScoreBars } from "../chart-data";
import { layoutBarChart, layoutColumnChart, type BarChartInput } from "../chart-geometry";
import type { MonthCount, Quote, ReportModel, ThemeRanking, ThemeSection } from "../report-model";
import {
  describePeriod,
  describePopulationSource,
  formatDateTime,
  formatPopulationShare,
  formatRank,
  formatScore,
  formatShare,
  reportCopy,
  themeAnchor,
  themesByCount,
  themesByScore,
} from "../report-text";

import { PdfBarChart, PdfColumnChart } from "./charts";
import { planPages, type PlanBlock, type PlanSection } from "./page-plan";
import { bandHeight, CHART_FONT_SIZE, contentHeight, contentWidth, spacing, styles, text, textHeight } from "./styles";

/**
 * The themed summary as a react-pdf document. Content is cut into blocks of known height and
 * planned onto fixed pages (page-plan.ts), so every page is laid out once, unwrapped. The
 * document's size depends on the number of themes, months and places, never on the number of
 * responses.
 */

type Block = PlanBlock<ReactElement>;
type Section = PlanSection<ReactElement>;

const SECTION_IDS = {
  cover: "cover",
  contents: "contents",
  headline: "headline-figures",
  ranked: "themes-ranked",
  reach: "reach",
  methodology: "methodology",
} as const;

export interface PlannedReportDocument {
  document: ReactElement<DocumentProps>;
  pageCount: number;
}

export function planReportDocument(model: ReportModel): PlannedReportDocument {
  const pageNumbers = new Map<string, number>();
  const sections: Section[] = model.empty
    ? [coverSection(model)]
    : [
        coverSection(model),
        contentsSection(model, pageNumbers),
        headlineSection(model),
        rankedSection(model),
        ...model.themeSections.map((section, index) => themeSection(model, section, index)),
        reachSection(model),
        methodologySection(model),
      ];
  const plan = planPages(sections, contentHeight);
  for (const [id, pageNumber] of plan.pageOfSection) pageNumbers.set(id, pageNumber);

  const document = (
    <Document
      title={model.title}
      author={reportCopy.organisation}
      subject={`Themed summary of the public's priorities for cancer care: ${model.campaign.title}, ${describePeriod(model.period)}`}
      keywords={["cancer care", "priorities", "engagement", "themed summary", model.campaign.title, model.campaign.code].join(", ")}
      creator={reportCopy.service}
      producer={`${reportCopy.service} (react-pdf)`}
      language="en-GB"
      creationDate={new Date(model.generatedAt)}
      pageMode="useOutlines"
      pageLayout="oneColumn"
    >
      {plan.pages.map((planned, index) => (
        <Page key={index} size="A4" wrap={false} style={styles.page} bookmark={planned.bookmark ? { title: planned.bookmark, fit: true } : undefined}>
          <View style={styles.pageBody}>
            {planned.items.map((render, itemIndex) => (
              <Fragment key={itemIndex}>{render()}</Fragment>
            ))}
          </View>
          <View style={styles.footer}>
            <View style={styles.footerRow}>
              <Text>
                {reportCopy.service}: {model.title}
              </Text>
              <Text>
                Page {index + 1} of {plan.pages.length}
              </Text>
            </View>
          </View>
        </Page>
      ))}
    </Document>
  );
  return { document, pageCount: plan.pages.length };
}

// Sections

function coverSection(model: ReportModel): Section {
  const summary: [string, string[]][] = [
    ["Campaign", [`${model.campaign.title} (${model.campaign.code})`]],
    ["Period", [describePeriod(model.period)]],
    ["Filters", model.filtersInWords.length > 0 ? model.filtersInWords : [reportCopy.noFilters]],
    ["Generated", [`${formatDateTime(model.generatedAt)} by ${model.generatedBy}`]],
  ];
  const blocks: Block[] = [
    fixed(bandHeight, () => (
      <View style={styles.band}>
        <Text style={styles.bandOrganisation}>{reportCopy.organisation}</Text>
        <Text style={styles.bandService}>{reportCopy.service}</Text>
      </View>
    )),
    fixed(textHeight(model.title, text.title), () => (
      <Text style={styles.title} id={SECTION_IDS.cover}>
        {model.title}
      </Text>
    )),
    summaryList(summary),
    note(reportCopy.accessibleVersion),
  ];
  if (model.empty) blocks.push(heading2(reportCopy.empty), paragraph(reportCopy.emptyAdvice));
  return { id: SECTION_IDS.cover, title: "Cover", blocks };
}

function contentsSection(model: ReportModel, pageNumbers: ReadonlyMap<string, number>): Section {
  const entries = [
    { id: SECTION_IDS.headline, title: "Headline figures" },
    { id: SECTION_IDS.ranked, title: "Themes ranked" },
    ...model.themeSections.map((section) => ({ id: themeAnchor(section.slug), title: `Theme: ${section.name}` })),
    { id: SECTION_IDS.reach, title: "Reach: who responded" },
    { id: SECTION_IDS.methodology, title: "Methodology" },
  ];
  const rowHeight = text.body.fontSize * text.body.lineHeight + 2 * spacing.contentsRowPadding + 0.5;
  return {
    id: SECTION_IDS.contents,
    title: "Contents",
    blocks: [
      heading2("Contents", SECTION_IDS.contents),
      {
        kind: "rows",
        headHeight: 0,
        rowHeights: entries.map(() => rowHeight),
        render: (from, to) => (
          <View style={styles.list}>
            {entries.slice(from, to).map((entry) => (
              <View key={entry.id} style={styles.contentsRow}>
                <Link src={`#${entry.id}`} style={styles.link}>
                  {entry.title}
                </Link>
                <Text>{pageNumbers.get(entry.id) ?? ""}</Text>
              </View>
            ))}
          </View>
        ),
      },
      note(reportCopy.suppression),
    ],
  };
}

function headlineSection(model: ReportModel): Section {
  const { headline } = model;
  return {
    id: SECTION_IDS.headline,
    title: "Headline figures",
    blocks: [
      heading2("Headline figures", SECTION_IDS.headline),
      tiles([
        { label: "Responses", value: headline.responses.display },
        { label: "Priorities", value: headline.priorities.display },
        { label: "Priorities with a theme", value: formatShare(headline.themedShare) },
      ]),
      ...monthBlocks("Responses by month", "Responses", headline.responsesByMonth),
      heading3("Who responded"),
      barChart(`Respondents by how they describe themselves. ${reportCopy.manyTypes}`, labelledCountBars(headline.respondentMix)),
      heading3("Where respondents live"),
      barChart("Respondents by place.", labelledCountBars(headline.places)),
    ],
  };
}

function rankedSection(model: ReportModel): Section {
  const byCount = themesByCount(model.themes);
  return {
    id: SECTION_IDS.ranked,
    title: "Themes ranked",
    blocks: [
      heading2("Themes ranked", SECTION_IDS.ranked),
      paragraph(reportCopy.rankWeighted),
      heading3("By number of priorities"),
      barChart("Priorities tagged with each theme, most first.", themeCountBars(byCount)),
      heading3("By rank-weighted score"),
      barChart("Rank-weighted score of each theme, highest first.", themeScoreBars(themesByScore(model.themes))),
      table({
        caption: "Themes ranked by number of priorities and by rank-weighted score",
        columns: [
          { heading: "Theme", width: 0.37 },
          { heading: "Priorities", width: 0.13, numeric: true },
          { heading: "Share of themed priorities", width: 0.14, numeric: true },
          { heading: "Rank by number", width: 0.11, numeric: true },
          { heading: "Rank-weighted score", width: 0.14, numeric: true },
          { heading: "Rank by score", width: 0.11, numeric: true },
        ],
        rows: byCount.map((theme) => [
          theme.name,
          theme.priorities.display,
          formatShare(theme.share),
          String(theme.rankByCount),
          formatScore(theme.weightedScore),
          String(theme.rankByScore),
        ]),
      }),
    ],
  };
}

function themeSection(model: ReportModel, section: ThemeSection, index: number): Section {
  const ranking: ThemeRanking | undefined = model.themes.find((theme) => theme.slug === section.slug);
  const anchor = themeAnchor(section.slug);
  const themeCount = model.themeSections.length;
  return {
    id: anchor,
    title: `Theme: ${section.name}`,
    blocks: [
      paragraph(`Theme ${index + 1} of ${themeCount}`, "small"),
      heading2(section.name, anchor),
      paragraph(section.description),
      tiles([
        { label: "Priorities", value: section.priorities.display },
        { label: "Share of themed priorities", value: formatShare(section.share) },
        ...(ranking
          ? [
              { label: "Rank by number", value: formatRank(ranking.rankByCount, model.themes.length) },
              { label: "Rank-weighted score", value: formatScore(ranking.weightedScore), detail: `Ranked ${formatRank(ranking.rankByScore, model.themes.length)}` },
            ]
          : []),
      ]),
      ...monthBlocks("Priorities by month", "Priorities", section.byMonth),
      heading3("By place"),
      barChart("Priorities in this theme by where the respondent lives.", labelledCountBars(section.byPlace)),
      heading3("By respondent type"),
      barChart("Priorities in this theme by how the respondent describes themselves.", labelledCountBars(section.byRespondentType)),
      heading3("Investment or project support"),
      barChart("What respondents said these priorities need.", supportBars(section.support)),
      heading3("What people said"),
      paragraph(reportCopy.quotes, "small"),
      ...(section.quotes.length > 0 ? section.quotes.map(quote) : [paragraph(reportCopy.noQuotes)]),
    ],
  };
}

function reachSection(model: ReportModel): Section {
  const { reach } = model;
  const equality = reach.equality;
  return {
    id: SECTION_IDS.reach,
    title: "Reach: who responded",
    blocks: [
      heading2("Reach: who responded", SECTION_IDS.reach),
      paragraph(reportCopy.reachIntro),
      heading3("By place, against population"),
      barChart(reportCopy.reachLegend, reachBars(reach.places)),
      table({
        caption: "Respondents by place, against population",
        columns: [
          { heading: "Place", width: 0.4 },
          { heading: "Respondents", width: 0.2, numeric: true },
          { heading: "Share of respondents", width: 0.2, numeric: true },
          { heading: "Share of population", width: 0.2, numeric: true },
        ],
        rows: reach.places.map((place) => [
          place.name,
          place.respondents.display,
          formatShare(place.shareOfRespondents),
          formatPopulationShare(place.populationShare),
        ]),
      }),
      ...(reach.populationSource ? [paragraph(describePopulationSource(reach.populationSource), "small")] : []),
      heading3("By respondent type"),
      barChart(`Respondents by how they describe themselves. ${reportCopy.manyTypes}`, labelledCountBars(reach.respondentTypes)),
      heading3("Equality monitoring"),
      ...(equality === null
        ? [paragraph(reportCopy.equalityNotIncluded)]
        : [
            paragraph(reportCopy.equalityIntro),
            ...equality.map((breakdown) =>
              table({
                caption: breakdown.question,
                columns: [
                  { heading: "Answer", width: 0.6 },
                  { heading: "Respondents", width: 0.2, numeric: true },
                  { heading: "Share", width: 0.2, numeric: true },
                ],
                rows: breakdown.rows.map((row) => [row.label, row.count.display, formatShare(row.share)]),
              }),
            ),
          ]),
    ],
  };
}

function methodologySection(model: ReportModel): Section {
  const { methodology } = model;
  return {
    id: SECTION_IDS.methodology,
    title: "Methodology",
    blocks: [
      heading2("Methodology", SECTION_IDS.methodology),
      ...methodology.paragraphs.map((value) => paragraph(value)),
      paragraph(reportCopy.rankWeighted),
      paragraph(reportCopy.suppression),
      paragraph(reportCopy.quotes),
      heading3("What was excluded"),
      ...(methodology.excluded.length > 0
        ? [
            table({
              caption: "Responses excluded from this report, by reason",
              columns: [
                { heading: "Reason", width: 0.6 },
                { heading: "Responses", width: 0.2, numeric: true },
                { heading: "Share", width: 0.2, numeric: true },
              ],
              rows: methodology.excluded.map((row) => [row.label, row.count.display, formatShare(row.share)]),
            }),
          ]
        : [paragraph(reportCopy.noExclusions)]),
      heading3("Accessibility"),
      paragraph(reportCopy.accessibleVersion),
    ],
  };
}

// Blocks

function fixed(height: number, render: () => ReactElement, keepWithNext = false): Block {
  return { kind: "fixed", height, render, keepWithNext };
}

function heading2(value: string, id?: string): Block {
  return fixed(
    textHeight(value, text.h2),
    () => (
      <Text style={styles.h2} id={id}>
        {value}
      </Text>
    ),
    true,
  );
}

function heading3(value: string): Block {
  return fixed(spacing.beforeH3 + textHeight(value, text.h3), () => <Text style={styles.h3}>{value}</Text>, true);
}

function paragraph(value: string, kind: "body" | "small" = "body"): Block {
  return fixed(textHeight(value, text[kind]), () => <Text style={styles[kind]}>{value}</Text>);
}

function note(value: string): Block {
  return fixed(textHeight(value, text.note, contentWidth - spacing.noteRule - spacing.ruleGap), () => <Text style={styles.note}>{value}</Text>);
}

/** Key figures side by side: a label, the figure, and an optional line under it. */
function tiles(items: { label: string; value: string; detail?: string }[]): Block {
  const innerWidth = (contentWidth - spacing.tileGap * (items.length - 1)) / items.length - 2 * spacing.tilePadding;
  const tallest = Math.max(
    ...items.map(
      (item) =>
        textHeight(item.label, text.tileLabel, innerWidth) +
        textHeight(item.value, text.tileValue, innerWidth) +
        (item.detail ? textHeight(item.detail, text.tileLabel, innerWidth) : 0),
    ),
  );
  return fixed(tallest + 2 * spacing.tilePadding + spacing.tileBorder + spacing.tilesMargin, () => (
    <View style={styles.tiles}>
      {items.map((item, index) => (
        <View key={item.label} style={index === 0 ? styles.tile : [styles.tile, styles.tileGap]}>
          <Text style={styles.tileLabel}>{item.label}</Text>
          <Text style={styles.tileValue}>{item.value}</Text>
          {item.detail ? <Text style={styles.tileLabel}>{item.detail}</Text> : null}
        </View>
      ))}
    </View>
  ));
}

function barChart(caption: string, rows: BarChartInput[]): Block {
  const geometry = layoutBarChart(rows, { width: contentWidth, fontSize: CHART_FONT_SIZE });
  const captionHeight = textHeight(caption, text.small);
  return fixed(captionHeight + geometry.height + spacing.chartMargin, () => (
    <View style={styles.chart}>
      <Text style={styles.chartCaption}>{caption}</Text>
      <PdfBarChart geometry={geometry} />
    </View>
  ));
}

const COLUMN_CHART_HEIGHT = 90;
const MONTHS_PER_ROW = 3;

/** A column chart of counts by month, then the figures in a compact table (three months a row). */
function monthBlocks(title: string, countHeading: string, months: readonly MonthCount[]): Block[] {
  if (months.length === 0) return [heading3(title), paragraph(reportCopy.noMonths)];
  const geometry = layoutColumnChart(monthColumns(months), { width: contentWidth, height: COLUMN_CHART_HEIGHT, fontSize: CHART_FONT_SIZE });
  const caption = `${countHeading} in each month. ${reportCopy.monthsChart}`;
  const rows: string[][] = [];
  for (let start = 0; start < months.length; start += MONTHS_PER_ROW) {
    const slice = months.slice(start, start + MONTHS_PER_ROW);
    rows.push(Array.from({ length: MONTHS_PER_ROW }, (_, index) => slice[index]).flatMap((month) => (month ? [month.label, month.count.display] : ["", ""])));
  }
  return [
    heading3(title),
    fixed(textHeight(caption, text.small) + COLUMN_CHART_HEIGHT + spacing.chartMargin, () => (
      <View style={styles.chart}>
        <Text style={styles.chartCaption}>{caption}</Text>
        <PdfColumnChart geometry={geometry} />
      </View>
    )),
    table({
      caption: `${title}: figures`,
      columns: Array.from({ length: MONTHS_PER_ROW }, () => [
        { heading: "Month", width: 0.18 },
        { heading: countHeading, width: 1 / MONTHS_PER_ROW - 0.18, numeric: true },
      ]).flat(),
      rows,
    }),
  ];
}

const SUMMARY_KEY_WIDTH = 0.22;

/** The cover's key facts: a label, then one line per value (a filter per line). */
function summaryList(rows: [string, string[]][]): Block {
  const valueWidth = contentWidth * (1 - SUMMARY_KEY_WIDTH) - spacing.cellGutter;
  const line = { ...text.body, marginBottom: 0 };
  const rowHeight = ([, values]: [string, string[]]) => values.reduce((height, value) => height + textHeight(value, line, valueWidth), 0) + 2 * spacing.cellPadding + 0.5;
  return fixed(rows.reduce((height, row) => height + rowHeight(row), 0) + 0.5 + spacing.summaryMargin, () => (
    <View style={styles.summary}>
      {rows.map(([key, values]) => (
        <View key={key} style={styles.tableRow}>
          <Text style={[styles.summaryKey, { width: SUMMARY_KEY_WIDTH * contentWidth }]}>{key}</Text>
          <View style={[styles.summaryValues, { width: (1 - SUMMARY_KEY_WIDTH) * contentWidth }]}>
            {values.map((value) => (
              <Text key={value} style={styles.summaryValue}>
                {value}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  ));
}

function quote(value: Quote): Block {
  const source = value.place ? `${value.rankLabel}, ${value.place}` : value.rankLabel;
  // Typed text keeps its paragraphs; each is its own line of text, as a line break has no glyph.
  const paragraphs = printable(value.text).split("\n");
  const quoted = paragraphs.map((paragraph, index) => `${index === 0 ? "“" : ""}${paragraph}${index === paragraphs.length - 1 ? "”" : ""}`);
  const width = contentWidth - spacing.quoteRule - spacing.ruleGap;
  const quotedHeight = quoted.reduce((height, paragraph) => height + textHeight(paragraph, text.quote, width), 0);
  return fixed(quotedHeight + textHeight(source, { ...text.small, marginBottom: 0 }, width) + spacing.quoteMargin, () => (
    <View style={styles.quote}>
      {quoted.map((paragraph, index) => (
        <Text key={index} style={styles.quoteText}>
          {paragraph}
        </Text>
      ))}
      <Text style={styles.quoteSource}>{source}</Text>
    </View>
  ));
}

/**
 * Text a person typed, made safe for the embedded font: line breaks normalised to "\n" between
 * non-empty paragraphs, other control characters and emoji (which Arimo has no glyphs for, and
 * react-pdf would set in a non-embedded fallback font) removed.
 */
function printable(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ")
    .replace(/\p{Extended_Pictographic}|[\u200d\ufe0e\ufe0f]/gu, "")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

interface Column {
  heading: string;
  /** Share of the content width. */
  width: number;
  numeric?: boolean;
}

/** A table cut into chunks that fit the page; the caption (marked "continued") and header repeat. */
function table({ caption, columns, rows }: { caption: string; columns: Column[]; rows: string[][] }): Block {
  const cellWidth = (column: Column) => column.width * contentWidth - spacing.cellGutter;
  const rowHeight = (cells: string[], kind: typeof text.cell | typeof text.cellHeading, border: number) =>
    Math.max(...cells.map((cell, index) => textHeight(cell, kind, cellWidth(columns[index]!)))) + 2 * spacing.cellPadding + border;
  const captionHeight = textHeight(`${caption} (continued)`, text.cellHeading) + spacing.tableCaptionGap;
  const headerHeight = rowHeight(columns.map((column) => column.heading), text.cellHeading, 1.25);

  return {
    kind: "rows",
    headHeight: captionHeight + headerHeight + spacing.tableMargin,
    rowHeights: rows.map((cells) => rowHeight(cells, text.cell, 0.5)),
    render: (from, to, continued) => (
      <View style={styles.table}>
        <Text style={styles.tableCaption}>{continued ? `${caption} (continued)` : caption}</Text>
        <View style={styles.tableHeaderRow}>
          {columns.map((column, index) => (
            <Text key={index} style={[styles.cellHeading, { width: column.width * contentWidth }, column.numeric ? styles.numeric : {}]}>
              {column.heading}
            </Text>
          ))}
        </View>
        {rows.slice(from, to).map((cells, rowIndex) => (
          <View key={from + rowIndex} style={styles.tableRow}>
            {cells.map((cell, index) => (
              <Text key={index} style={[styles.cell, { width: columns[index]!.width * contentWidth }, columns[index]!.numeric ? styles.numeric : {}]}>
                {cell}
              </Text>
            ))}
          </View>
        ))}
      </View>
    ),
  };
}
