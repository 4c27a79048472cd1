/**
 * The report's aggregation against the database it summarises: for several random combinations
 * of filters over demo data, every count, share, rank and rank-weighted score in the model equals
 * what plain SQL written here (independently of the module) finds in the same SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DB } from "~db/client";
import { places as referencePlaces } from "~db/reference-data";
import { Random } from "~db/demo/random";

import { equalityQuestions } from "~/modules/submissions/equality-options";
import { buildReportModel } from "~/modules/reports/report-aggregation.server";
import { defaultStatuses, parseReportFilters, reportFiltersToSearchParams, respondentTypeFilterCodes, type ReportFilters } from "~/modules/reports/report-filters";
import { SUPPRESSION_THRESHOLD, type ReportCount } from "~/modules/reports/report-model";
import { loadReportReferenceData, type ReportReferenceData } from "~/modules/reports/report-scope.server";
import { REDACTED, redactPersonalDetails } from "~/modules/reports/redaction";

import { rows } from "../support/database";
import { PLANTED_DETAILS, containsDetail, insertReportTestData } from "../support/report-data";
import { createTestDatabase } from "../support/test-database";

let db: DB;
let path: string;
let cleanup: () => Promise<void>;
let reference: ReportReferenceData;
const generatedAt = new Date("2026-11-23T09:00:00.000Z");
const viewer = { name: "Pat Planner", canSeeEquality: true };

beforeAll(async () => {
  ({ db, path, cleanup } = await createTestDatabase());
  await insertReportTestData(db);
  reference = await loadReportReferenceData(db);
});
afterAll(async () => {
  await cleanup();
});

function filtersFrom(query: string): ReportFilters {
  const parsed = parseReportFilters(new URLSearchParams(query), reference);
  if (!parsed.ok) throw new Error(`bad test filters ${query}: ${JSON.stringify(parsed.errors)}`);
  return parsed.filters;
}

// ---------------------------------------------------------------------------------------------
// The same questions asked in plain SQL. UK time by the EU rule (summer time from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October), not by the module's Intl code.

function lastSundayUtc(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return new Date(last.getTime() - last.getUTCDay() * 86_400_000);
}

function londonMidnight(date: string): string {
  const [year] = date.split("-").map(Number) as [number];
  const midnight = new Date(`${date}T00:00:00.000Z`);
  const summer = midnight >= lastSundayUtc(year, 2) && midnight < lastSundayUtc(year, 9);
  return new Date(midnight.getTime() - (summer ? 3_600_000 : 0)).toISOString();
}

/** SQL for the London month of submissions.received_at, for 2026 (all the demo data). */
const MONTH_SQL = `strftime('%Y-%m', s.received_at, case when s.received_at >= '${lastSundayUtc(2026, 2).toISOString()}' and s.received_at < '${lastSundayUtc(2026, 9).toISOString()}' then '+1 hour' else '+0 hour' end)`;

function scopeSql(filters: ReportFilters, { statuses = filters.statuses }: { statuses?: readonly string[] } = {}): { where: string; params: unknown[] } {
  const campaignId = reference.campaigns.find((campaign) => campaign.code === filters.campaign)!.id;
  const clauses = [`s.campaign_id = ?`, `s.status in (${statuses.map(() => "?").join(", ")})`];
  const params: unknown[] = [campaignId, ...statuses];
  if (filters.from) {
    clauses.push("s.received_at >= ?");
    params.push(londonMidnight(filters.from));
  }
  if (filters.to) {
    clauses.push("s.received_at < ?");
    params.push(londonMidnight(new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)));
  }
  if (filters.places.length > 0) {
    const ids = reference.places.filter((place) => filters.places.includes(place.code)).map((place) => place.id);
    clauses.push(`(s.place_id in (${ids.map(() => "?").join(", ") || "null"}) or (? = 1 and s.place_id is null))`);
    params.push(...ids, filters.places.includes("none") ? 1 : 0);
  }
  if (filters.respondentTypes.length > 0) {
    const codes = filters.respondentTypes.filter((code) => code !== "none");
    clauses.push(
      `(exists (select 1 from submission_respondent_types rt where rt.submission_id = s.id and rt.respondent_type in (${codes.map(() => "?").join(", ") || "null"}))` +
        ` or (? = 1 and not exists (select 1 from submission_respondent_types rt where rt.submission_id = s.id)))`,
    );
    params.push(...codes, filters.respondentTypes.includes("none") ? 1 : 0);
  }
  if (filters.themes.length > 0) {
    const ids = themeIds(filters);
    clauses.push(`exists (select 1 from priorities p2 join priority_themes pt2 on pt2.priority_id = p2.id where p2.submission_id = s.id and pt2.theme_id in (${ids.map(() => "?").join(", ")}))`);
    params.push(...ids);
  }
  return { where: clauses.join(" and "), params };
}

function themeIds(filters: ReportFilters): number[] {
  return reference.themes.filter((theme) => filters.themes.includes(theme.slug)).map((theme) => theme.id);
}

/** The priorities the report covers: of responses in scope and, with a theme filter, tagged with a chosen theme. */
function prioritySql(filters: ReportFilters): { from: string; params: unknown[] } {
  const scope = scopeSql(filters);
  const ids = themeIds(filters);
  const themed = ids.length > 0 ? ` and exists (select 1 from priority_themes pt3 where pt3.priority_id = p.id and pt3.theme_id in (${ids.join(", ")}))` : "";
  return { from: `priorities p join submissions s on s.id = p.submission_id where ${scope.where}${themed}`, params: scope.params };
}

function expectCount(count: ReportCount, actual: number, what: string) {
  if (actual > 0 && actual < SUPPRESSION_THRESHOLD) expect(count, what).toEqual({ value: null, display: "fewer than 5" });
  else expect(count, what).toEqual({ value: actual, display: actual.toLocaleString("en-GB") });
}

function competitionRanks(keys: number[]): number[] {
  return keys.map((key) => 1 + keys.filter((other) => other > key).length);
}

function hidden(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

async function checkAgainstDatabase(filters: ReportFilters) {
  const model = await buildReportModel(db, filters, viewer, reference, generatedAt);
  const label = reportFiltersToSearchParams(filters).toString();
  const scope = scopeSql(filters);
  const priorities = prioritySql(filters);
  const [{ n: responses }] = rows<{ n: number }>(path, `select count(*) n from submissions s where ${scope.where}`, ...scope.params) as [{ n: number }];
  expect(model.empty, label).toBe(responses === 0);
  expectCount(model.headline.responses, responses, `${label}: responses`);
  if (responses === 0) return model;

  const [{ n: priorityCount, themed }] = rows<{ n: number; themed: number }>(
    path,
    `select count(*) n, sum(exists (select 1 from priority_themes pt where pt.priority_id = p.id)) themed from ${priorities.from}`,
    ...priorities.params,
  ) as [{ n: number; themed: number }];
  expectCount(model.headline.priorities, priorityCount, `${label}: priorities`);
  expect(model.headline.themedShare).toBeCloseTo(themed / priorityCount, 10);

  // Months.
  const months = rows<{ month: string; n: number }>(path, `select ${MONTH_SQL} month, count(*) n from submissions s where ${scope.where} group by month order by month`, ...scope.params);
  expect(model.headline.responsesByMonth.filter((month) => month.count.value !== 0).map((month) => month.month)).toEqual(months.map((month) => month.month));
  for (const month of months) expectCount(model.headline.responsesByMonth.find((candidate) => candidate.month === month.month)!.count, month.n, `${label}: ${month.month}`);

  // Places and respondent types.
  const placeCounts = new Map(rows<{ code: string; n: number }>(path, `select pl.code, count(*) n from submissions s join places pl on pl.id = s.place_id where ${scope.where} group by pl.code`, ...scope.params).map((row) => [row.code, row.n]));
  const withPlace = referencePlaces.filter((place) => filters.places.length === 0 || filters.places.includes(place.code)).reduce((sum, place) => sum + (placeCounts.get(place.code) ?? 0), 0);
  for (const row of model.headline.places) {
    const code = referencePlaces.find((place) => place.name === row.label)!.code;
    const actual = placeCounts.get(code) ?? 0;
    expectCount(row.count, actual, `${label}: ${row.label}`);
    if (row.count.value !== null) expect(row.share).toBeCloseTo(actual / withPlace, 10);
  }
  const typeCounts = new Map(
    rows<{ type: string; n: number }>(
      path,
      `select coalesce(rt.respondent_type, 'none') type, count(*) n from submissions s left join submission_respondent_types rt on rt.submission_id = s.id where ${scope.where} group by type`,
      ...scope.params,
    ).map((row) => [row.type, row.n]),
  );
  const typesInScope = respondentTypeFilterCodes.filter((code) => filters.respondentTypes.length === 0 || filters.respondentTypes.includes(code));
  expect(model.headline.respondentMix).toHaveLength(typesInScope.length);
  typesInScope.forEach((code, index) => expectCount(model.headline.respondentMix[index]!.count, typeCounts.get(code) ?? 0, `${label}: type ${code}`));

  // Themes: counts, rank-weighted scores (first 3, second 2, third 1) and both ranks.
  const chosen = themeIds(filters);
  const themeRows = rows<{ slug: string; n: number; score: number }>(
    path,
    `select t.slug, count(*) n, sum(case p.rank when 1 then 3 when 2 then 2 else 1 end) score from ${priorities.from.replace("priorities p join", "priorities p join priority_themes pt on pt.priority_id = p.id join themes t on t.id = pt.theme_id join")} ${chosen.length > 0 ? `and pt.theme_id in (${chosen.join(", ")})` : ""} group by t.slug`,
    ...priorities.params,
  );
  const bySlug = new Map(themeRows.map((row) => [row.slug, row]));
  for (const row of themeRows) expect(model.themes.map((theme) => theme.slug), `${label}: ${row.slug} is ranked`).toContain(row.slug);
  const counts = model.themes.map((theme) => bySlug.get(theme.slug)?.n ?? 0);
  const scores = model.themes.map((theme) => bySlug.get(theme.slug)?.score ?? 0);
  const expectedByCount = competitionRanks(counts.map((count) => (hidden(count) ? 0.5 : count)));
  const expectedByScore = competitionRanks(scores.map((score, index) => (hidden(counts[index]!) ? 0.5 : score)));
  model.themes.forEach((theme, index) => {
    expectCount(theme.priorities, counts[index]!, `${label}: theme ${theme.slug}`);
    expect(theme.weightedScore, `${label}: score of ${theme.slug}`).toBe(hidden(counts[index]!) ? null : scores[index]);
    expect(theme.rankByCount, `${label}: rank of ${theme.slug}`).toBe(expectedByCount[index]);
    expect(theme.rankByScore, `${label}: score rank of ${theme.slug}`).toBe(expectedByScore[index]);
    if (theme.share !== null) expect(theme.share).toBeCloseTo(counts[index]! / themed, 10);
  });
  expect(model.themeSections.map((section) => section.slug).sort()).toEqual(themeRows.map((row) => row.slug).sort());

  // Two theme sections in detail: support split and quotes.
  for (const section of model.themeSections.slice(0, 2)) {
    const themeId = reference.themes.find((theme) => theme.slug === section.slug)!.id;
    const support = new Map(
      rows<{ support: string; n: number }>(
        path,
        `select coalesce(p.support_needed, 'none') support, count(*) n from ${priorities.from} and exists (select 1 from priority_themes pt where pt.priority_id = p.id and pt.theme_id = ${themeId}) group by support`,
        ...priorities.params,
      ).map((row) => [row.support, row.n]),
    );
    expectCount(section.support.investment, support.get("investment") ?? 0, `${label}: ${section.slug} investment`);
    expectCount(section.support.projectSupport, support.get("project_support") ?? 0, `${label}: ${section.slug} project support`);
    expectCount(section.support.both, support.get("both") ?? 0, `${label}: ${section.slug} both`);
    expectCount(section.support.notSure, support.get("not_sure") ?? 0, `${label}: ${section.slug} not sure`);
    expectCount(section.support.notAnswered, support.get("none") ?? 0, `${label}: ${section.slug} not answered`);
    const quotable = rows<{ n: number }>(
      path,
      `select count(*) n from ${priorities.from} and p.suitable_to_quote = 1 and exists (select 1 from priority_themes pt where pt.priority_id = p.id and pt.theme_id = ${themeId})`,
      ...priorities.params,
    )[0]!.n;
    expect(section.quotes).toHaveLength(section.priorities.value === null ? 0 : Math.min(5, quotable));
  }

  // Equality: each answer's count among the respondents in the report.
  const answers = rows<Record<string, string | null>>(path, `select e.* from submissions s join equality_answers e on e.submission_id = s.id where ${scope.where}`, ...scope.params);
  const columns: Record<string, string> = { ageBand: "age_band", sex: "sex", genderSameAsBirth: "gender_same_as_birth", sexualOrientation: "sexual_orientation", ethnicGroup: "ethnic_group", religion: "religion", disability: "disability", unpaidCarer: "unpaid_carer" };
  equalityQuestions.forEach((question, index) => {
    const breakdown = model.reach.equality![index]!;
    expect(breakdown.question).toBe(question.legend);
    question.options.forEach((option, optionIndex) => {
      expectCount(breakdown.rows[optionIndex]!.count, answers.filter((answer) => answer[columns[question.name]!] === option.code).length, `${label}: ${question.name} ${option.code}`);
    });
  });

  // What was excluded, and why.
  if (!filters.statuses.includes("excluded")) {
    const excludedScope = scopeSql(filters, { statuses: ["excluded"] });
    const reasons = rows<{ reason: string; n: number }>(path, `select s.excluded_reason reason, count(*) n from submissions s where ${excludedScope.where} group by reason order by reason`, ...excludedScope.params);
    const labels: Record<string, string> = { spam: "Marked as spam", duplicate: "Duplicate responses", out_of_scope: "Outside the scope of this engagement", test: "Test responses" };
    expect(model.methodology.excluded.map((row) => row.label).sort()).toEqual(reasons.map((row) => labels[row.reason]).sort());
    for (const reason of reasons) expectCount(model.methodology.excluded.find((row) => row.label === labels[reason.reason])!.count, reason.n, `${label}: excluded ${reason.reason}`);
  }
  return model;
}

function randomFilters(random: () => number): string {
  const some = <T,>(items: readonly T[], chance: number) => items.filter(() => random() < chance);
  const params = new URLSearchParams();
  if (random() < 0.6) for (const code of some([...referencePlaces.map((place) => place.code), "none"], 0.35)) params.append("place", code);
  if (random() < 0.5) for (const code of some(respondentTypeFilterCodes, 0.4)) params.append("respondentType", code);
  if (random() < 0.4) for (const theme of some(reference.themes, 0.15)) params.append("theme", theme.slug);
  if (random() < 0.4) for (const status of some(["new", "in_review", "themed", "closed", "excluded"], 0.6)) params.append("status", status);
  if (random() < 0.6) {
    const start = Date.parse("2026-05-20T00:00:00Z") + Math.floor(random() * 150) * 86_400_000;
    params.set("from", new Date(start).toISOString().slice(0, 10));
    if (random() < 0.7) params.set("to", new Date(start + Math.floor(random() * 90) * 86_400_000).toISOString().slice(0, 10));
  }
  return params.toString();
}

describe("the report model against the database", () => {
  it("agrees with plain SQL for every report figure, with no filters", async () => {
    const model = await checkAgainstDatabase(filtersFrom(""));
    expect(model.themes.length).toBeGreaterThanOrEqual(19);
    expect(model.headline.responses.value).toBeGreaterThan(2_000);
    expect(model.filtersInWords).toEqual(["Places: all places", "Respondent types: all", "Themes: all themes", "Statuses: every status except excluded"]);
    expect(model.generatedBy).toBe("Pat Planner");
    expect(model.generatedAt).toBe(generatedAt.toISOString());
    expect(model.methodology.excluded.length).toBeGreaterThan(0);
  });

  it.each(Array.from({ length: 8 }, (_, index) => index + 1))("agrees with plain SQL for random filters (%i)", async (seed) => {
    // Seeded, so the "random" filters are the same on every run.
    const random = new Random(seed * 7919);
    await checkAgainstDatabase(filtersFrom(randomFilters(() => random.next())));
  });

  it("agrees with plain SQL for a summer period that crosses the clock change, one place and two themes", async () => {
    const model = await checkAgainstDatabase(filtersFrom("from=2026-07-01&to=2026-10-31&place=liverpool&theme=screening&theme=waiting-for-treatment"));
    expect(model.themes.map((theme) => theme.slug)).toEqual(["screening", "waiting-for-treatment"]);
    expect(model.headline.responsesByMonth.map((month) => month.month)[0]).toBe("2026-07");
  });
});

describe("the report's safeguards", () => {
  it("shows every count under 5 as 'fewer than 5', with no share or score that would give it away", async () => {
    const model = await buildReportModel(db, filtersFrom("campaign=SMALL"), viewer, reference, generatedAt);
    expect(model.headline.responses).toEqual({ value: null, display: "fewer than 5" });
    const counts: ReportCount[] = [];
    const shares: { count: ReportCount; share: number | null }[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        if ("display" in value && "value" in value) counts.push(value as ReportCount);
        else {
          if ("count" in value && "share" in value) shares.push(value as { count: ReportCount; share: number | null });
          Object.values(value).forEach(walk);
        }
      }
    };
    walk(model);
    expect(counts.length).toBeGreaterThan(100);
    for (const count of counts) {
      if (count.value === null) expect(count.display).toBe("fewer than 5");
      else expect(count.value === 0 || count.value >= SUPPRESSION_THRESHOLD, JSON.stringify(count)).toBe(true);
    }
    expect(counts.some((count) => count.value === null)).toBe(true);
    for (const row of shares) if (row.count.value === null) expect(row.share).toBeNull();
    for (const theme of model.themes) if (theme.priorities.value === null) expect(theme.weightedScore).toBeNull();
    // Equality breakdowns too, and no quotes from themes this small (every priority here is quotable).
    expect(model.reach.equality!.flatMap((breakdown) => breakdown.rows).some((row) => row.count.value === null)).toBe(true);
    expect(model.themeSections.flatMap((section) => section.quotes)).toEqual([]);
  });

  it("quotes only priorities marked suitable to quote, with personal details removed", async () => {
    const model = await buildReportModel(db, filtersFrom("theme=tests-faster-diagnosis"), viewer, reference, generatedAt);
    const quotes = model.themeSections[0]!.quotes;
    expect(quotes).toHaveLength(5);
    expect(quotes[0]).toMatchObject({ rankLabel: "First priority", place: "Wirral" });
    expect(quotes[0]!.text).toContain(REDACTED);
    expect(quotes[0]!.text).toContain("waited 9 weeks for his scan");
    for (const detail of PLANTED_DETAILS) expect(containsDetail(JSON.stringify(model), detail), detail).toBe(false);
    const themeId = reference.themes.find((theme) => theme.slug === "tests-faster-diagnosis")!.id;
    const quotable = rows<{ what_text: string }>(
      path,
      "select p.what_text from priorities p join priority_themes pt on pt.priority_id = p.id where p.suitable_to_quote = 1 and pt.theme_id = ?",
      themeId,
    );
    const redactedQuotable = new Set(quotable.map((row) => redactPersonalDetails(row.what_text).text));
    for (const quote of quotes) expect(redactedQuotable.has(quote.text), quote.text).toBe(true);
  });

  it("leaves out equality breakdowns for someone without read:equality", async () => {
    const model = await buildReportModel(db, filtersFrom(""), { name: "Pat Planner", canSeeEquality: false }, reference, generatedAt);
    expect(model.reach.equality).toBeNull();
  });

  it("gives a short, empty report when nothing matches, not an error", async () => {
    const model = await buildReportModel(db, filtersFrom("from=2030-01-01"), viewer, reference, generatedAt);
    expect(model).toMatchObject({ empty: true, themes: [], themeSections: [], headline: { responses: { value: 0, display: "0" } } });
    expect(model.period).toEqual({ from: "2030-01-01", to: null });
  });

  it("uses every status except excluded unless asked, and says what it excluded", async () => {
    const model = await buildReportModel(db, filtersFrom(""), viewer, reference, generatedAt);
    expect(filtersFrom("").statuses).toEqual(defaultStatuses);
    expect(model.methodology.excluded.map((row) => row.label)).toEqual(expect.arrayContaining(["Marked as spam"]));
    const withExcluded = await buildReportModel(db, filtersFrom("status=excluded"), viewer, reference, generatedAt);
    expect(withExcluded.methodology.excluded).toEqual([]);
    expect(withExcluded.methodology.paragraphs.join(" ")).toContain("includes responses that an engagement lead excluded");
  });
});
