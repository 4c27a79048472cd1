import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ReportView } from "~/components/reports/report-view";
import { formatShare } from "~/modules/reports/report-text";
import { buildEmptySampleReportModel, buildSampleReportModel } from "~/modules/reports/sample-report-model";

describe("ReportView", () => {
  const model = buildSampleReportModel({ responses: 10_000, suppressSome: true });
  model.themeSections[0]!.quotes[0]!.text = 'Please <script>alert("x")</script> & listen';
  const html = renderToStaticMarkup(<ReportView model={model} />);

  it("has every theme, its figures and its quotes, with typed text escaped", () => {
    for (const theme of model.themes) {
      expect(html).toContain(`<th scope="row" class="nhsuk-table__header app-report__row-header">${escapeHtml(theme.name)}</th>`);
      expect(html).toContain(`>${theme.priorities.display}</td>`);
    }
    expect(html).toContain("Please &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; listen");
    expect(html).not.toContain("<script>");
  });

  it("shows small counts as 'fewer than 5' with no share, and never a missing value", () => {
    const isleOfMan = html.match(/<tr class="nhsuk-table__row"><th scope="row"[^>]*>Isle of Man<\/th>(.*?)<\/tr>/g)!;
    expect(isleOfMan.length).toBeGreaterThan(1);
    expect(isleOfMan).toContain(
      '<tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header app-report__row-header">Isle of Man</th><td class="nhsuk-table__cell nhsuk-table__cell--numeric">fewer than 5</td><td class="nhsuk-table__cell nhsuk-table__cell--numeric">not shown</td><td class="nhsuk-table__cell nhsuk-table__cell--numeric">outside the Alliance</td></tr>',
    );
    const wirral = model.reach.places.find((place) => place.name === "Wirral")!;
    expect(html).toContain(`>${formatShare(wirral.shareOfRespondents)} of respondents</text>`);
    expect(html).not.toMatch(/>[^<]*\b(null|undefined|NaN|Infinity)\b[^<]*</);
  });

  it("uses no style attributes, which the content security policy would block", () => {
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("names every chart from its own title and description", () => {
    const charts = [...html.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)"/g)];
    expect(charts.length).toBe(5 + 4 * model.themeSections.length + 2);
    for (const [, labelledBy] of charts) {
      const [titleId, descriptionId] = labelledBy!.split(" ");
      expect(html).toContain(`<title id="${titleId}">`);
      expect(html).toContain(`<desc id="${descriptionId}">`);
    }
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("leaves out equality tables when the viewer may not see them", () => {
    const withoutEquality = renderToStaticMarkup(<ReportView model={buildSampleReportModel({ equality: false })} />);
    expect(withoutEquality).toContain("Equality information is not included in this report.");
    expect(withoutEquality).not.toContain("What is your age?");
    expect(html).toContain("What is your age?");
  });

  it("says so, briefly, when no responses matched", () => {
    const empty = renderToStaticMarkup(<ReportView model={buildEmptySampleReportModel()} />);
    expect(empty).toContain("<h2>No responses matched these filters.</h2>");
    expect(empty).toContain("<li>Places: Isle of Man</li>");
    expect(empty).not.toContain("<table");
    expect(empty).not.toContain("<svg");
  });
});

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}
