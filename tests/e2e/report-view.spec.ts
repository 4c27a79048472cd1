/**
 * The HTML report, rendered to static markup exactly as a route will serve it, shown in Chromium
 * with the service's built stylesheet on a page of the running server, then checked with axe
 * (WCAG 2.2 AA) and for the structure a screen reader relies on.
 */
import { expect, test, type Page } from "@playwright/test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { ReportView } from "~/components/reports/report-view";
import type { ReportModel } from "~/modules/reports/report-model";
import { buildEmptySampleReportModel, buildSampleReportModel } from "~/modules/reports/sample-report-model";

import { expectNoAxeViolations } from "./axe";

async function showReport(page: Page, model: ReportModel) {
  await page.goto("/");
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  expect(stylesheet).toMatch(/^\/build\/.+\.css$/);
  const markup = renderToStaticMarkup(createElement(ReportView, { model }));
  await page.goto("/healthz");
  await page.setContent(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${model.title} – Improving Cancer Care Together – NHS</title>` +
      `<link rel="stylesheet" href="${stylesheet}"></head><body><div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">` +
      `${markup}</main></div></body></html>`,
    { waitUntil: "load" },
  );
}

test("the HTML report passes axe, with captioned tables, named charts each followed by its table, and headings in order", async ({ page }) => {
  const model = buildSampleReportModel({ responses: 10_000, suppressSome: true });
  await showReport(page, model);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(model.title);
  await expectNoAxeViolations(page, "HTML report");

  const structure = await page.evaluate(() => {
    const problems: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      if (!table.caption?.textContent?.trim()) problems.push("a table without a caption");
      for (const header of table.querySelectorAll("thead th")) if (header.getAttribute("scope") !== "col") problems.push("a column header without scope");
      for (const row of table.querySelectorAll("tbody tr")) if (row.firstElementChild?.getAttribute("scope") !== "row") problems.push("a row without a row header");
    }
    const charts = [...document.querySelectorAll('svg[role="img"]')];
    for (const chart of charts) {
      const [title, description] = (chart.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id));
      if (title?.tagName !== "title" || description?.tagName !== "desc") problems.push(`chart ${chart.id} is not named by its title and description`);
      if (chart.nextElementSibling?.tagName !== "TABLE") problems.push(`chart "${title?.textContent}" is not followed by its table`);
    }
    let level = 1;
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      const next = Number(heading.tagName[1]);
      if (next > level + 1) problems.push(`heading "${heading.textContent}" skips from h${level} to h${next}`);
      level = next;
    }
    if (document.querySelector("[style]")) problems.push("an element with a style attribute");
    const bar = document.querySelector(".app-chart__bar--series-0");
    return { problems, charts: charts.length, barFill: bar ? getComputedStyle(bar).fill : null };
  });
  expect(structure.problems).toEqual([]);
  expect(structure.charts).toBe(5 + 4 * model.themeSections.length + 2);
  // The built stylesheet reached the charts: NHS blue bars.
  expect(structure.barFill).toBe("rgb(0, 94, 184)");

  const isleOfMan = page.getByRole("table", { name: "Respondents by place, against population" }).getByRole("row", { name: /Isle of Man/ });
  await expect(isleOfMan).toContainText("fewer than 5");
  await expect(isleOfMan).toContainText("not shown");
  await page.getByRole("navigation", { name: "Contents of this report" }).getByRole("link", { name: model.themeSections[2]!.name }).click();
  await expect(page).toHaveURL(/#report-theme-screening$/);
});

test("an empty HTML report says no responses matched and passes axe", async ({ page }) => {
  await showReport(page, buildEmptySampleReportModel());
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("No responses matched these filters.");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(page, "empty HTML report");
});
