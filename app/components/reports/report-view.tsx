import type { ReactNode } from "react";

import { InsetText, SummaryList, TypedText } from "~/components/nhs/content";
import { labelledCountBars, monthColumns, reachBars, supportBars, themeCountBars, themeScoreBars } from "~/modules/reports/chart-data";
import type { LabelledCount, MonthCount, Quote, ReportModel, ThemeRanking, ThemeSection } from "~/modules/reports/report-model";
import {
  describePeriod,
  describePopulationSource,
  formatDateTime,
  formatPopulationShare,
  formatRank,
  formatScore,
  formatShare,
  reportCopy,
  supportRows,
  themeAnchor,
  themesByCount,
  themesByScore,
} from "~/modules/reports/report-text";

import { BarChartSvg, ColumnChartSvg } from "./report-charts";

/**
 * The themed summary as an accessible HTML page: the fully accessible version of the report,
 * with the same content as the PDF. Starts at h1 (the report's title); every chart is followed
 * by a table of its figures. Ids are prefixed "report-" to stay clear of the page around it.
 */
export function ReportView({ model }: { model: ReportModel }) {
  return (
    <div className="app-report">
      <h1>{model.title}</h1>
      <SummaryList
        rows={[
          { key: "Campaign", value: `${model.campaign.title} (${model.campaign.code})` },
          { key: "Period", value: describePeriod(model.period) },
          { key: "Filters", value: <Filters filters={model.filtersInWords} /> },
          { key: "Generated", value: `${formatDateTime(model.generatedAt)} by ${model.generatedBy}` },
        ]}
      />
      {model.empty ? (
        <>
          <h2>{reportCopy.empty}</h2>
          <p>{reportCopy.emptyAdvice}</p>
        </>
      ) : (
        <>
          <InsetText>
            <p>{reportCopy.suppression}</p>
          </InsetText>
          <Contents model={model} />
          <Headline model={model} />
          <Ranked model={model} />
          <section>
            <h2 id="report-themes-in-detail">Themes in detail</h2>
            {model.themeSections.map((section, index) => (
              <ThemeDetail key={section.slug} model={model} section={section} index={index} />
            ))}
          </section>
          <Reach model={model} />
          <Methodology model={model} />
        </>
      )}
    </div>
  );
}

function Filters({ filters }: { filters: string[] }) {
  if (filters.length === 0) return <>{reportCopy.noFilters}</>;
  return (
    <ul className="nhsuk-list">
      {filters.map((filter) => (
        <li key={filter}>{filter}</li>
      ))}
    </ul>
  );
}

function Contents({ model }: { model: ReportModel }) {
  return (
    <nav className="nhsuk-contents-list" aria-label="Contents of this report">
      <h2 className="nhsuk-u-visually-hidden">Contents</h2>
      <ol className="nhsuk-contents-list__list">
        <ContentsItem href="#report-headline-figures" label="Headline figures" />
        <ContentsItem href="#report-themes-ranked" label="Themes ranked" />
        <ContentsItem href="#report-themes-in-detail" label="Themes in detail">
          <ol className="nhsuk-contents-list__list">
            {model.themeSections.map((section) => (
              <ContentsItem key={section.slug} href={`#report-${themeAnchor(section.slug)}`} label={section.name} />
            ))}
          </ol>
        </ContentsItem>
        <ContentsItem href="#report-reach" label="Reach: who responded" />
        <ContentsItem href="#report-methodology" label="Methodology" />
      </ol>
    </nav>
  );
}

function ContentsItem({ href, label, children }: { href: string; label: string; children?: ReactNode }) {
  return (
    <li className="nhsuk-contents-list__item">
      <a className="nhsuk-contents-list__link" href={href}>
        {label}
      </a>
      {children}
    </li>
  );
}

function Headline({ model }: { model: ReportModel }) {
  const { headline } = model;
  return (
    <section>
      <h2 id="report-headline-figures">Headline figures</h2>
      <SummaryList
        rows={[
          { key: "Responses", value: headline.responses.display },
          { key: "Priorities", value: headline.priorities.display },
          { key: "Priorities with a theme", value: formatShare(headline.themedShare) },
        ]}
      />
      <h3>Responses by month</h3>
      <MonthsChartAndTable id="report-chart-responses-by-month" title="Responses by month" countHeading="Responses" months={headline.responsesByMonth} />
      <h3>Who responded</h3>
      <CountsChartAndTable
        id="report-chart-respondent-mix"
        title="Respondents by how they describe themselves"
        note={reportCopy.manyTypes}
        labelHeading="Respondent type"
        countHeading="Respondents"
        rows={headline.respondentMix}
      />
      <h3>Where respondents live</h3>
      <CountsChartAndTable id="report-chart-places" title="Respondents by place" labelHeading="Place" countHeading="Respondents" rows={headline.places} />
    </section>
  );
}

function Ranked({ model }: { model: ReportModel }) {
  const byCount = themesByCount(model.themes);
  const byScore = themesByScore(model.themes);
  return (
    <section>
      <h2 id="report-themes-ranked">Themes ranked</h2>
      <p>{reportCopy.rankWeighted}</p>
      <h3>By number of priorities</h3>
      <BarChartSvg
        id="report-chart-themes-by-count"
        title="Priorities tagged with each theme, most first"
        description={`${chartDescription(byCount.length, "themes")} ${reportCopy.chartTable}`}
        rows={themeCountBars(byCount)}
      />
      <ReportTable
        caption="Themes ranked by number of priorities"
        columns={[{ heading: "Theme" }, { heading: "Priorities", numeric: true }, { heading: "Share of themed priorities", numeric: true }, { heading: "Rank", numeric: true }]}
        rows={byCount.map((theme) => ({
          key: theme.slug,
          cells: [theme.name, theme.priorities.display, formatShare(theme.share), String(theme.rankByCount)],
        }))}
      />
      <h3>By rank-weighted score</h3>
      <BarChartSvg
        id="report-chart-themes-by-score"
        title="Rank-weighted score of each theme, highest first"
        description={`${chartDescription(byScore.length, "themes")} ${reportCopy.chartTable}`}
        rows={themeScoreBars(byScore)}
      />
      <ReportTable
        caption="Themes ranked by rank-weighted score"
        columns={[{ heading: "Theme" }, { heading: "Rank-weighted score", numeric: true }, { heading: "Rank", numeric: true }]}
        rows={byScore.map((theme) => ({ key: theme.slug, cells: [theme.name, formatScore(theme.weightedScore), String(theme.rankByScore)] }))}
      />
    </section>
  );
}

function ThemeDetail({ model, section, index }: { model: ReportModel; section: ThemeSection; index: number }) {
  const ranking: ThemeRanking | undefined = model.themes.find((theme) => theme.slug === section.slug);
  const id = `report-${themeAnchor(section.slug)}`;
  const themeTotal = model.themes.length;
  return (
    <section className="app-report__theme">
      <span className="nhsuk-caption-m">
        Theme {index + 1} of {model.themeSections.length}
      </span>
      <h3 id={id}>{section.name}</h3>
      <p>{section.description}</p>
      <SummaryList
        rows={[
          { key: "Priorities", value: section.priorities.display },
          { key: "Share of themed priorities", value: formatShare(section.share) },
          ...(ranking
            ? [
                { key: "Rank by number", value: formatRank(ranking.rankByCount, themeTotal) },
                { key: "Rank-weighted score", value: `${formatScore(ranking.weightedScore)}, ranked ${formatRank(ranking.rankByScore, themeTotal)}` },
              ]
            : []),
        ]}
      />
      <h4>Priorities by month</h4>
      <MonthsChartAndTable id={`${id}-months`} title={`${section.name}: priorities by month`} countHeading="Priorities" months={section.byMonth} />
      <h4>By place</h4>
      <CountsChartAndTable
        id={`${id}-places`}
        title={`${section.name}: priorities by where the respondent lives`}
        labelHeading="Place"
        countHeading="Priorities"
        rows={section.byPlace}
      />
      <h4>By respondent type</h4>
      <CountsChartAndTable
        id={`${id}-types`}
        title={`${section.name}: priorities by how the respondent describes themselves`}
        labelHeading="Respondent type"
        countHeading="Priorities"
        rows={section.byRespondentType}
      />
      <h4>Investment or project support</h4>
      <SupportChartAndTable id={`${id}-support`} section={section} />
      <h4>What people said</h4>
      <p className="nhsuk-body-s">{reportCopy.quotes}</p>
      {section.quotes.length > 0 ? section.quotes.map((quote, quoteIndex) => <QuoteFigure key={quoteIndex} quote={quote} />) : <p>{reportCopy.noQuotes}</p>}
    </section>
  );
}

function QuoteFigure({ quote }: { quote: Quote }) {
  return (
    <figure className="app-report__quote">
      <blockquote>
        <p>
          <TypedText text={quote.text} />
        </p>
      </blockquote>
      <figcaption className="nhsuk-body-s">{quote.place ? `${quote.rankLabel}, ${quote.place}` : quote.rankLabel}</figcaption>
    </figure>
  );
}

function Reach({ model }: { model: ReportModel }) {
  const { reach } = model;
  return (
    <section>
      <h2 id="report-reach">Reach: who responded</h2>
      <p>{reportCopy.reachIntro}</p>
      <h3>By place, against population</h3>
      <p>{reportCopy.reachLegend}</p>
      <BarChartSvg
        id="report-chart-reach-places"
        title="Share of respondents and share of population, by place"
        description={`Two bars for each of ${reach.places.length} places: share of respondents (solid) and share of population (outlined). ${reportCopy.chartTable}`}
        rows={reachBars(reach.places)}
      />
      <ReportTable
        caption="Respondents by place, against population"
        columns={[{ heading: "Place" }, { heading: "Respondents", numeric: true }, { heading: "Share of respondents", numeric: true }, { heading: "Share of population", numeric: true }]}
        rows={reach.places.map((place) => ({
          key: place.name,
          cells: [
            place.name,
            place.respondents.display,
            formatShare(place.shareOfRespondents),
            formatPopulationShare(place.populationShare),
          ],
        }))}
      />
      {reach.populationSource ? <p className="nhsuk-body-s">{describePopulationSource(reach.populationSource)}</p> : null}
      <h3>By respondent type</h3>
      <CountsChartAndTable
        id="report-chart-reach-types"
        title="Respondents by how they describe themselves"
        note={reportCopy.manyTypes}
        labelHeading="Respondent type"
        countHeading="Respondents"
        rows={reach.respondentTypes}
      />
      <h3>Equality monitoring</h3>
      {reach.equality === null ? (
        <p>{reportCopy.equalityNotIncluded}</p>
      ) : (
        <>
          <p>{reportCopy.equalityIntro}</p>
          {reach.equality.map((breakdown) => (
            <ReportTable
              key={breakdown.question}
              caption={breakdown.question}
              columns={[{ heading: "Answer" }, { heading: "Respondents", numeric: true }, { heading: "Share", numeric: true }]}
              rows={breakdown.rows.map((row) => ({ key: row.label, cells: [row.label, row.count.display, formatShare(row.share)] }))}
            />
          ))}
        </>
      )}
    </section>
  );
}

function Methodology({ model }: { model: ReportModel }) {
  const { methodology } = model;
  return (
    <section>
      <h2 id="report-methodology">Methodology</h2>
      {methodology.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p>{reportCopy.rankWeighted}</p>
      <p>{reportCopy.suppression}</p>
      <p>{reportCopy.quotes}</p>
      <h3>What was excluded</h3>
      {methodology.excluded.length > 0 ? (
        <ReportTable
          caption="Responses excluded from this report, by reason"
          columns={[{ heading: "Reason" }, { heading: "Responses", numeric: true }, { heading: "Share", numeric: true }]}
          rows={methodology.excluded.map((row) => ({ key: row.label, cells: [row.label, row.count.display, formatShare(row.share)] }))}
        />
      ) : (
        <p>{reportCopy.noExclusions}</p>
      )}
    </section>
  );
}

// Charts with their tables

function CountsChartAndTable({
  id,
  title,
  note,
  labelHeading,
  countHeading,
  rows,
}: {
  id: string;
  title: string;
  note?: string;
  labelHeading: string;
  countHeading: string;
  rows: LabelledCount[];
}) {
  return (
    <>
      {note ? <p>{note}</p> : null}
      <BarChartSvg
        id={id}
        title={title}
        description={`${chartDescription(rows.length, `${labelHeading.toLowerCase()}s`)} ${reportCopy.chartTable}`}
        rows={labelledCountBars(rows)}
      />
      <ReportTable
        caption={title}
        columns={[{ heading: labelHeading }, { heading: countHeading, numeric: true }, { heading: "Share", numeric: true }]}
        rows={rows.map((row) => ({ key: row.label, cells: [row.label, row.count.display, formatShare(row.share)] }))}
      />
    </>
  );
}

function MonthsChartAndTable({ id, title, countHeading, months }: { id: string; title: string; countHeading: string; months: MonthCount[] }) {
  if (months.length === 0) return <p>{reportCopy.noMonths}</p>;
  return (
    <>
      <ColumnChartSvg
        id={id}
        title={title}
        description={`A column for each of ${months.length} months, from ${months[0]!.label} to ${months[months.length - 1]!.label}. Months with fewer than 5 have no column. ${reportCopy.chartTable}`}
        columns={monthColumns(months)}
      />
      <ReportTable
        caption={title}
        columns={[{ heading: "Month" }, { heading: countHeading, numeric: true }]}
        rows={months.map((month) => ({ key: month.month, cells: [month.label, month.count.display] }))}
      />
    </>
  );
}

function SupportChartAndTable({ id, section }: { id: string; section: ThemeSection }) {
  const rows = supportRows(section.support);
  const title = `${section.name}: what respondents said these priorities need`;
  return (
    <>
      <BarChartSvg
        id={id}
        title={title}
        description={`A bar for each of ${rows.length} answers: investment, project support, both, not sure and not answered. ${reportCopy.chartTable}`}
        rows={supportBars(section.support)}
      />
      <ReportTable
        caption={title}
        columns={[{ heading: "Answer" }, { heading: "Priorities", numeric: true }]}
        rows={rows.map((row) => ({ key: row.label, cells: [row.label, row.count.display] }))}
      />
    </>
  );
}

function chartDescription(count: number, things: string): string {
  return `A bar for each of ${count} ${things}, with its figure at the end. Counts of fewer than 5 have no bar.`;
}

interface TableColumn {
  heading: string;
  numeric?: boolean;
}

function ReportTable({ caption, columns, rows }: { caption: string; columns: TableColumn[]; rows: { key: string; cells: string[] }[] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {columns.map((column) => (
            <th key={column.heading} scope="col" className={column.numeric ? "nhsuk-table__header nhsuk-table__header--numeric" : "nhsuk-table__header"}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr key={row.key} className="nhsuk-table__row">
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="nhsuk-table__header app-report__row-header">
                  {cell}
                </th>
              ) : (
                <td key={index} className={columns[index]?.numeric ? "nhsuk-table__cell nhsuk-table__cell--numeric" : "nhsuk-table__cell"}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
