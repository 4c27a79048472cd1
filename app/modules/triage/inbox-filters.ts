import type { SubmissionChannel, SubmissionStatus } from "~db/schema";

import { respondentTypeCodes } from "~/modules/submissions/options";

/**
 * The inbox's filters live in the URL, so a filtered view can be bookmarked and shared. Values that
 * are not recognised are dropped (and reported), never an error.
 */

export const statuses = ["new", "in_review", "themed", "closed", "excluded"] as const satisfies readonly SubmissionStatus[];
export const statusLabels: Record<SubmissionStatus, string> = {
  new: "New",
  in_review: "In review",
  themed: "Themed",
  closed: "Closed",
  excluded: "Excluded",
};

export const channels = ["online", "paper", "email", "phone", "event"] as const satisfies readonly SubmissionChannel[];
export const channelLabels: Record<SubmissionChannel, string> = {
  online: "Online",
  paper: "Paper",
  email: "Email",
  phone: "Phone",
  event: "Event",
};

export const exclusionReasons = ["spam", "duplicate", "out_of_scope", "test"] as const;
export const exclusionReasonLabels: Record<(typeof exclusionReasons)[number], string> = {
  spam: "Spam",
  duplicate: "Duplicate",
  out_of_scope: "Out of scope",
  test: "Test response",
};

export const flagFilters = ["any", "open", "safety", "complaint"] as const;
export const flagFilterLabels: Record<(typeof flagFilters)[number], string> = {
  any: "Any flag",
  open: "Open flags",
  safety: "Safety concern",
  complaint: "Complaint about care",
};

export interface InboxFilters {
  status?: SubmissionStatus;
  /** A theme slug, or "none" for responses with a priority that has no theme yet. */
  theme?: string;
  place?: string;
  respondentType?: string;
  channel?: SubmissionChannel;
  /** yyyy-mm-dd, inclusive */
  from?: string;
  /** yyyy-mm-dd, inclusive */
  to?: string;
  flagged?: (typeof flagFilters)[number];
  assigned?: "me" | "unassigned";
  campaign?: string;
  /** Full-text search over priority text. */
  q?: string;
}

export const filterNames = ["status", "theme", "place", "respondentType", "channel", "from", "to", "flagged", "assigned", "campaign", "q"] as const;

/** Ids needed to turn URL filters into SQL: theme slug, place code and campaign code to ids. */
export interface FilterIds {
  themeId?: number;
  placeId?: number;
  campaignId?: number;
  viewerId: number;
}

export interface KnownValues {
  themeSlugs: readonly string[];
  placeCodes: readonly string[];
  campaignCodes: readonly string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Reads filters from the query string; returns the names of any that were not understood. */
export function parseInboxFilters(params: URLSearchParams, known: KnownValues): { filters: InboxFilters; ignored: string[] } {
  const filters: InboxFilters = {};
  const ignored: string[] = [];
  const take = (name: (typeof filterNames)[number], accept: (value: string) => boolean, assign: (value: string) => void) => {
    const value = params.get(name)?.trim();
    if (!value) return;
    if (accept(value)) assign(value);
    else ignored.push(name);
  };
  take("status", (v) => (statuses as readonly string[]).includes(v), (v) => (filters.status = v as SubmissionStatus));
  take("theme", (v) => v === "none" || known.themeSlugs.includes(v), (v) => (filters.theme = v));
  take("place", (v) => v === "none" || known.placeCodes.includes(v), (v) => (filters.place = v));
  take("respondentType", (v) => (respondentTypeCodes as readonly string[]).includes(v), (v) => (filters.respondentType = v));
  take("channel", (v) => (channels as readonly string[]).includes(v), (v) => (filters.channel = v as SubmissionChannel));
  take("from", isDate, (v) => (filters.from = v));
  take("to", isDate, (v) => (filters.to = v));
  take("flagged", (v) => (flagFilters as readonly string[]).includes(v), (v) => (filters.flagged = v as InboxFilters["flagged"]));
  take("assigned", (v) => v === "me" || v === "unassigned", (v) => (filters.assigned = v as InboxFilters["assigned"]));
  take("campaign", (v) => known.campaignCodes.includes(v), (v) => (filters.campaign = v));
  take("q", (v) => v.length <= 200, (v) => (filters.q = v));
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push("to");
    delete filters.to;
  }
  return { filters, ignored };
}

export function filtersToSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}
