/**
 * The report PDF as a reader gets it: rendered by the built worker (run `npm run build` first),
 * then checked with qpdf and poppler's tools.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "~/modules/observability/logger";
import { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import type { ReportModel } from "~/modules/reports/report-model";
import { formatScore, formatShare } from "~/modules/reports/report-text";
import { buildEmptySampleReportModel, buildSampleReportModel } from "~/modules/reports/sample-report-model";

import { expectNothingOverflows } from "../support/pdf-layout";
import { normaliseSpace, pdfFonts, pdfInfo, pdfLayoutText, pdfPages, qpdfCheck, qpdfJson, savePdf, type SavedPdf } from "../support/pdf-tools";

let renderer: ReportRenderer;

beforeAll(() => {
  renderer = new ReportRenderer({
    workerUrl: new URL("../../build/server/report-pdf-worker.js", import.meta.url),
    concurrency: 2,
    timeoutMs: 60_000,
    logger: createLogger("error"),
  });
});

afterAll(async () => {
  await renderer.close();
});

async function render(model: ReportModel): Promise<{ saved: SavedPdf; pages: number }> {
  const result = await renderer.renderReportPdf(model);
  return { saved: savePdf(result.pdf), pages: result.pages };
}

describe("the report PDF", () => {
  const model = buildSampleReportModel({ responses: 10_000, suppressSome: true });
  let pdf: SavedPdf;
  let pageCount: number;
  let pages: string[];
  let text: string;
  let layout: string;

  beforeAll(async () => {
    ({ saved: pdf, pages: pageCount } = await render(model));
    pages = pdfPages(pdf);
    text = normaliseSpace(pages.join(" "));
    layout = pdfLayoutText(pdf);
  });

  it("passes qpdf's structural check", () => {
    const check = qpdfCheck(pdf);
    expect(check.output).toContain("No syntax or stream encoding errors found");
    expect(check.status).toBe(0);
  });

  it("has its title, author, subject, keywords and language in the metadata", () => {
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: model.title,
      Author: "Cheshire and Merseyside Cancer Alliance",
      Subject: "Themed summary of the public's priorities for cancer care: Improving Cancer Care Together, 1 January 2026 to 31 December 2026",
      Pages: String(pageCount),
    });
    expect(info.Keywords).toContain("cancer care");
    const catalog = Object.values(qpdfJson(pdf).qpdf[1]).find((object) => object.value?.["/Type"] === "/Catalog")!.value!;
    expect(catalog["/Lang"]).toBe("u:en-GB");
    expect(catalog["/PageMode"]).toBe("/UseOutlines");
  });

  it("numbers every page 'Page X of Y'", () => {
    expect(pages).toHaveLength(pageCount);
    for (let page = 1; page <= pageCount; page += 1) expect(normaliseSpace(pages[page - 1]!)).toContain(`Page ${page} of ${pageCount}`);
  });

  it("embeds the bundled Arimo font and no other", () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["Arimo-Bold", "Arimo-Regular"]);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it("has an outline entry for every section and theme, pointing at the page that starts it", () => {
    const outline = qpdfJson(pdf).outlines;
    expect(outline.map((entry) => entry.title)).toEqual([
      "Cover",
      "Contents",
      "Headline figures",
      "Themes ranked",
      ...model.themeSections.map((section) => `Theme: ${section.name}`),
      "Reach: who responded",
      "Methodology",
    ]);
    for (const entry of outline.slice(2)) {
      const heading = entry.title.replace(/^Theme: /, "");
      expect(normaliseSpace(pages[entry.destpageposfrom1 - 1]!), entry.title).toContain(heading);
      // The contents page lists the same page number.
      expect(layout).toMatch(new RegExp(`${escape(entry.title)}\\s+${entry.destpageposfrom1}\\n`));
    }
  });

  it("reads in a logical order: sections in turn, each label followed by its figure", () => {
    const order = ["Headline figures", "Themes ranked", ...model.themeSections.map((section) => `Theme ${section.name}`), "Reach: who responded", "Methodology"];
    const positions = order.map((heading) => text.indexOf(heading.startsWith("Theme ") ? `of ${model.themeSections.length} ${heading.slice(6)}` : heading, text.indexOf("Page 2 of")));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("Responses 10,000 Priorities 21,000 Priorities with a theme 94.0%");
    const wirral = model.headline.places.find((place) => place.label === "Wirral")!;
    expect(text).toContain(`Wirral ${wirral.count.display} (${formatShare(wirral.share)}) Isle of Man fewer than 5`);
  });

  it("is real text with the theme names and their figures", () => {
    for (const theme of model.themes) {
      expect(text).toContain(theme.name);
      // The ranking table row: name, priorities, share, rank by number, score, rank by score.
      const row = [theme.name, theme.priorities.display, formatShare(theme.share), String(theme.rankByCount), formatScore(theme.weightedScore), String(theme.rankByScore)];
      expect(layout).toMatch(new RegExp(`^\\s*${row.map(escape).join("\\s+")}\\s*$`, "m"));
    }
    for (const section of model.themeSections) {
      for (const quote of section.quotes) expect(text).toContain(normaliseSpace(quote.text.slice(0, 40)));
    }
  });

  it("prints small counts as 'fewer than 5', with no share, score or number", () => {
    const suppressedTheme = model.themes.find((theme) => theme.priorities.value === null)!;
    expect(layout).toMatch(new RegExp(`^\\s*${escape(suppressedTheme.name)}\\s+fewer than 5\\s+not shown\\s+\\d+\\s+not shown\\s+\\d+\\s*$`, "m"));
    const isleOfMan = model.reach.places.find((place) => place.name === "Isle of Man")!;
    expect(isleOfMan.respondents.value).toBeNull();
    expect(layout).toMatch(/^\s*Isle of Man\s+fewer than 5\s+not shown\s+outside the Alliance\s*$/m);
    expect(layout).toMatch(/^\s*Under 18\s+fewer than 5\s+not shown\s*$/m);
    for (const line of layout.split("\n").filter((candidate) => candidate.includes("fewer than 5"))) {
      expect(line, line).not.toMatch(/fewer than 5\s*\(/);
    }
    expect(text).not.toMatch(/\bnull\b|\bundefined\b|NaN|Infinity/);
  });

  it("says the HTML report is the fully accessible version", () => {
    expect(normaliseSpace(pages[0]!)).toContain("The HTML version of this report, in the staff area of Improving Cancer Care Together, is the fully accessible version");
  });

  it("is A4 throughout, with every word inside the margins and clear of the footer", () => {
    expectNothingOverflows(pdf);
  });
});

describe("report PDFs of other shapes", () => {
  it("renders an empty report as one page that says no responses matched", async () => {
    const { saved, pages } = await render(buildEmptySampleReportModel());
    expect(pages).toBe(1);
    expect(qpdfCheck(saved).status).toBe(0);
    const text = normaliseSpace(pdfPages(saved).join(" "));
    expect(text).toContain("No responses matched these filters.");
    expect(text).toContain("Places: Isle of Man");
    expect(qpdfJson(saved).outlines.map((entry) => entry.title)).toEqual(["Cover"]);
  });

  it("spreads a long report (36 months, long quotes, equality) over more pages without overflowing any", async () => {
    const short = await render(buildSampleReportModel({ responses: 1_000, months: 6, quotesPerTheme: 1, equality: false }));
    const long = await render(buildSampleReportModel({ responses: 100_000, months: 36, longQuotes: true }));
    expect(long.pages).toBeGreaterThan(short.pages + 19);
    expect(qpdfCheck(long.saved).status).toBe(0);
    expectNothingOverflows(long.saved);
    const text = normaliseSpace(pdfPages(long.saved).join(" "));
    expect(text).toContain("Dec 2028");
    expect(text).toContain("Months with fewer than 5 have no column");
  });

  it("keeps the paragraphs of typed text and sets everything in the embedded font, emoji and control characters dropped", async () => {
    const model = buildSampleReportModel({ responses: 500, quotesPerTheme: 1 });
    model.themeSections[0]!.quotes = [{ text: "First line of the quote\r\n\r\nSecond line 😀 with\ta tab", rankLabel: "First priority", place: "Wirral" }];
    const { saved } = await render(model);
    const text = pdfPages(saved).join("\n");
    expect(text).toContain("“First line of the quote\n");
    expect(text).toContain("Second line with a tab”");
    expect(pdfFonts(saved).every((font) => font.embedded && font.name.includes("Arimo"))).toBe(true);
  });
});

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
