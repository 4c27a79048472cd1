import { z } from "zod";

import type { SubmissionStatus } from "~db/schema";

import type { FieldErrors } from "~/modules/forms/fields";
import { PREFER_NOT_TO_SAY, type RespondentTypeCode } from "~/modules/submissions/options";
import { statusLabels, statuses } from "~/modules/triage/inbox-filters";

/**
 * What a report covers, read from the URL (every filter lives there, so a report can be
 * bookmarked and downloaded again in any format). Unlike the inbox, a filter that is not
 * understood is an error, never dropped: a report for the board must cover exactly what was asked.
 */

/** Stands for "not answered" in the place and respondent type filters. */
export const NOT_GIVEN = "none";

export const defaultStatuses = statuses.filter((status) => status !== "excluded");

/** How respondent types are named in a report (the form asks in the first person). */
export const respondentTypeReportLabels: Record<RespondentTypeCode | typeof NOT_GIVEN, string> = {
  patient: "People who have, or have had, cancer",
  carer: "Carers and family members",
  bereaved: "People who have lost someone to cancer",
  professional: "Health and care professionals",
  public: "Members of the public",
  organisation: "Organisations",
  [PREFER_NOT_TO_SAY]: "Prefer not to say",
  [NOT_GIVEN]: "Not answered",
};
export const respondentTypeFilterCodes = Object.keys(respondentTypeReportLabels) as (RespondentTypeCode | typeof NOT_GIVEN)[];

export const PLACE_NOT_GIVEN_LABEL = "Place not given";

/** The choices a report can be filtered by; the first campaign is the default. */
export interface ReportFilterOptions {
  campaigns: { code: string; title: string }[];
  places: { code: string; name: string }[];
  themes: { slug: string; name: string; retired: boolean }[];
}

/** Filters after validation, in a canonical form: equal filters give equal URLs and cache keys. */
export interface ReportFilters {
  campaign: string;
  /** yyyy-mm-dd in UK time, inclusive; null when open-ended. */
  from: string | null;
  to: string | null;
  /** Place codes and NOT_GIVEN; empty for every response whatever its place. */
  places: string[];
  /** Respondent type codes and NOT_GIVEN; empty for every response. */
  respondentTypes: string[];
  /** Theme slugs; empty for every priority, themed or not. */
  themes: string[];
  /** Never empty. */
  statuses: SubmissionStatus[];
}

/** What was in the URL, as typed, to fill the form in again next to its errors. */
export interface ReportFilterValues {
  campaign: string;
  from: string;
  to: string;
  place: string[];
  respondentType: string[];
  theme: string[];
  status: string[];
}

export type ReportFilterResult = { ok: true; filters: ReportFilters } | { ok: false; errors: FieldErrors; values: ReportFilterValues };

/** Field names, in the order the builder shows them (and the error summary lists them). */
export const reportFilterFields = ["campaign", "from", "to", "place", "respondentType", "theme", "status"] as const;

const MAX_CHOICES = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value && value >= "2000-01-01" && value <= "2099-12-31";
}

/** Any number of codes from a list, returned in the list's order. */
function choices<const Code extends string>(codes: readonly Code[], message: string) {
  return z
    .array(z.string())
    .max(MAX_CHOICES, message)
    .refine((values) => values.every((value) => (codes as readonly string[]).includes(value)), message)
    .transform((values) => codes.filter((code) => values.includes(code)));
}

function optionalDate(message: string) {
  return z.string().refine(isRealDate, message).nullable();
}

/** The one schema for the report builder's fields; the choices come from the database. */
export function reportFilterSchema(options: ReportFilterOptions) {
  return z
    .object({
      campaign: z
        .array(z.string())
        .refine((values) => values.length <= 1, "Choose one campaign")
        .refine((values) => values.every((code) => options.campaigns.some((campaign) => campaign.code === code)), "Choose a campaign from the list")
        .transform((values) => values[0] ?? options.campaigns[0]?.code ?? ""),
      from: optionalDate("Enter a real start date, for example 2026-03-01"),
      to: optionalDate("Enter a real end date, for example 2026-11-30"),
      place: choices([...options.places.map((place) => place.code), NOT_GIVEN], "Choose places from the list"),
      respondentType: choices(respondentTypeFilterCodes, "Choose respondent types from the list"),
      theme: choices(
        options.themes.map((theme) => theme.slug),
        "Choose themes from the list",
      ),
      status: choices(statuses, "Choose statuses from the list"),
    })
    .refine((value) => !(value.from && value.to && value.from > value.to), {
      path: ["to"],
      message: "The end date must be the same as or after the start date",
    })
    .refine((value) => value.campaign !== "", { path: ["campaign"], message: "There are no campaigns to report on yet" });
}

/** Every distinct, non-blank value of a parameter. */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return [...new Set(params.getAll(name).map((value) => value.trim()).filter(Boolean))];
}

export function parseReportFilters(params: URLSearchParams, options: ReportFilterOptions): ReportFilterResult {
  const campaigns = valuesOf(params, "campaign");
  const values: ReportFilterValues = {
    campaign: campaigns[0] ?? "",
    from: params.get("from")?.trim() ?? "",
    to: params.get("to")?.trim() ?? "",
    place: valuesOf(params, "place"),
    respondentType: valuesOf(params, "respondentType"),
    theme: valuesOf(params, "theme"),
    status: valuesOf(params, "status"),
  };
  const parsed = reportFilterSchema(options).safeParse({
    campaign: campaigns,
    from: values.from || null,
    to: values.to || null,
    place: values.place,
    respondentType: values.respondentType,
    theme: values.theme,
    status: values.status,
  });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const field of reportFilterFields) {
      const issue = parsed.error.issues.find((candidate) => candidate.path[0] === field);
      if (issue) errors[field] = issue.message;
    }
    return { ok: false, errors, values };
  }
  const { campaign, from, to, place, respondentType, theme, status } = parsed.data;
  return {
    ok: true,
    filters: {
      campaign,
      from,
      to,
      // Every place and "not given" together is no filter at all; the same for respondent types.
      places: place.length === options.places.length + 1 ? [] : place,
      respondentTypes: respondentType.length === respondentTypeFilterCodes.length ? [] : respondentType,
      themes: theme,
      statuses: status.length > 0 ? status : [...defaultStatuses],
    },
  };
}

function isDefaultStatuses(chosen: readonly SubmissionStatus[]): boolean {
  return chosen.length === defaultStatuses.length && defaultStatuses.every((status) => chosen.includes(status));
}

/** The canonical query string for filters: the same filters always give the same string. */
export function reportFiltersToSearchParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams({ campaign: filters.campaign });
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const code of filters.places) params.append("place", code);
  for (const code of filters.respondentTypes) params.append("respondentType", code);
  for (const slug of filters.themes) params.append("theme", slug);
  if (!isDefaultStatuses(filters.statuses)) for (const status of filters.statuses) params.append("status", status);
  return params;
}

/** The builder's fields for valid filters (so "Change filters" shows what the report used). */
export function reportFilterValues(filters: ReportFilters): ReportFilterValues {
  return {
    campaign: filters.campaign,
    from: filters.from ?? "",
    to: filters.to ?? "",
    place: filters.places,
    respondentType: filters.respondentTypes,
    theme: filters.themes,
    status: filters.statuses,
  };
}

function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The filters in plain words for the report's cover; the campaign and period are shown apart. */
export function describeReportFilters(filters: ReportFilters, options: ReportFilterOptions): string[] {
  const placeName = (code: string) => (code === NOT_GIVEN ? PLACE_NOT_GIVEN_LABEL : (options.places.find((place) => place.code === code)?.name ?? code));
  const themeName = (slug: string) => options.themes.find((theme) => theme.slug === slug)?.name ?? slug;
  const typeName = (code: string) => respondentTypeReportLabels[code as keyof typeof respondentTypeReportLabels] ?? code;
  return [
    `Places: ${filters.places.length > 0 ? inWords(filters.places.map(placeName)) : "all places"}`,
    `Respondent types: ${filters.respondentTypes.length > 0 ? inWords(filters.respondentTypes.map(typeName)) : "all"}`,
    `Themes: ${filters.themes.length > 0 ? inWords(filters.themes.map(themeName)) : "all themes"}`,
    `Statuses: ${isDefaultStatuses(filters.statuses) ? "every status except excluded" : inWords(filters.statuses.map((status) => statusLabels[status]))}`,
  ];
}
