import { describe, expect, it } from "vitest";

import { places, themes } from "~db/reference-data";

import {
  describeReportFilters,
  parseReportFilters,
  reportFiltersToSearchParams,
  respondentTypeFilterCodes,
  type ReportFilterOptions,
} from "~/modules/reports/report-filters";

const options: ReportFilterOptions = {
  campaigns: [
    { code: "ICCT", title: "Improving Cancer Care Together" },
    { code: "OLD", title: "An earlier campaign" },
  ],
  places: places.map(({ code, name }) => ({ code, name })),
  themes: themes.map(({ slug, name }) => ({ slug, name, retired: false })),
};

function parse(query: string) {
  return parseReportFilters(new URLSearchParams(query), options);
}

describe("report filters", () => {
  it("defaults to the first campaign, all dates, everything, and every status except excluded", () => {
    const result = parse("");
    expect(result).toEqual({
      ok: true,
      filters: { campaign: "ICCT", from: null, to: null, places: [], respondentTypes: [], themes: [], statuses: ["new", "in_review", "themed", "closed"] },
    });
    expect(result.ok && describeReportFilters(result.filters, options)).toEqual([
      "Places: all places",
      "Respondent types: all",
      "Themes: all themes",
      "Statuses: every status except excluded",
    ]);
  });

  it("puts equal filters in one canonical form, whatever order and repeats they came in", () => {
    const a = parse("place=wirral&place=sefton&theme=screening&theme=prevention&place=wirral&status=closed&status=new&from=2026-06-01");
    const b = parse("status=new&status=closed&from=2026-06-01&theme=prevention&theme=screening&place=sefton&place=wirral&campaign=ICCT");
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.filters).toEqual(b.filters);
    expect(reportFiltersToSearchParams(a.filters).toString()).toBe(
      "campaign=ICCT&from=2026-06-01&place=sefton&place=wirral&theme=prevention&theme=screening&status=new&status=closed",
    );
    expect(describeReportFilters(a.filters, options)).toEqual([
      "Places: Sefton and Wirral",
      "Respondent types: all",
      "Themes: Prevention and Screening",
      "Statuses: New and Closed",
    ]);
  });

  it("round-trips through its own query string", () => {
    const first = parse("campaign=OLD&from=2026-03-29&to=2026-10-25&place=none&place=halton&respondentType=carer&respondentType=none&theme=other&status=excluded");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseReportFilters(reportFiltersToSearchParams(first.filters), options);
    expect(again).toEqual(first);
    expect(describeReportFilters(first.filters, options)).toEqual([
      "Places: Halton and Place not given",
      "Respondent types: Carers and family members and Not answered",
      "Themes: Other",
      "Statuses: Excluded",
    ]);
  });

  it("treats every place and 'not given' together (and every respondent type) as no filter", () => {
    const everyPlace = [...options.places.map((place) => `place=${place.code}`), "place=none"].join("&");
    const everyType = respondentTypeFilterCodes.map((code) => `respondentType=${code}`).join("&");
    const result = parse(`${everyPlace}&${everyType}`);
    expect(result.ok && result.filters.places).toEqual([]);
    expect(result.ok && result.filters.respondentTypes).toEqual([]);
    // Every place without "not given" is a real filter: it leaves out responses with no place.
    const withoutNone = parse(options.places.map((place) => `place=${place.code}`).join("&"));
    expect(withoutNone.ok && withoutNone.filters.places).toHaveLength(options.places.length);
  });

  it("explains every bad or contradictory filter next to its field, in the order of the form", () => {
    const result = parse("campaign=NOPE&from=2026-02-30&to=yesterday&place=atlantis&respondentType=robot&theme=astrology&status=lost");
    expect(result).toEqual({
      ok: false,
      errors: {
        campaign: "Choose a campaign from the list",
        from: "Enter a real start date, for example 2026-03-01",
        to: "Enter a real end date, for example 2026-11-30",
        place: "Choose places from the list",
        respondentType: "Choose respondent types from the list",
        theme: "Choose themes from the list",
        status: "Choose statuses from the list",
      },
      values: {
        campaign: "NOPE",
        from: "2026-02-30",
        to: "yesterday",
        place: ["atlantis"],
        respondentType: ["robot"],
        theme: ["astrology"],
        status: ["lost"],
      },
    });
  });

  it("refuses an end date before the start date, two campaigns, and absurd lists", () => {
    expect(parse("from=2026-10-01&to=2026-09-30")).toMatchObject({ ok: false, errors: { to: "The end date must be the same as or after the start date" } });
    expect(parse("from=2026-10-01&to=2026-10-01").ok).toBe(true);
    expect(parse("campaign=ICCT&campaign=OLD")).toMatchObject({ ok: false, errors: { campaign: "Choose one campaign" } });
    const tooMany = Array.from({ length: 201 }, (_, index) => `place=wirral${index}`).join("&");
    expect(parse(tooMany)).toMatchObject({ ok: false, errors: { place: "Choose places from the list" } });
    expect(parse("from=1899-12-31")).toMatchObject({ ok: false, errors: { from: "Enter a real start date, for example 2026-03-01" } });
  });

  it("says so when there is no campaign to report on", () => {
    expect(parseReportFilters(new URLSearchParams(""), { ...options, campaigns: [] })).toMatchObject({
      ok: false,
      errors: { campaign: "There are no campaigns to report on yet" },
    });
  });
});
