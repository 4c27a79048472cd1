/**
 * Demo data for report tests, with a few responses planted for particular checks: a quotable
 * priority full of personal details that is sure to be quoted, and a small campaign of three
 * responses, so that every count in its report is under 5.
 */
import type { DB } from "~db/client";
import { generateDemoData, type DemoResponse } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";

export const REPORT_DATA_UNTIL = new Date("2026-11-23T00:00:00.000Z");

/** Personal details in a quotable first priority: none may appear in any report or export. */
export const PLANTED_QUOTE =
  "My husband John Smith waited 9 weeks for his scan, please ring me on 07700 900123 or email john.smith@example.com, we live at 12 Acacia Avenue CH41 2AB";
export const PLANTED_DETAILS = ["John Smith", "07700 900123", "john.smith@example.com", "12 Acacia Avenue", "CH41 2AB"];

export interface ReportTestData {
  responses: DemoResponse[];
  /** Quotable priority texts with personal details the generator planted, and the details. */
  plantedQuotable: { text: string; values: string[] }[];
}

export async function insertReportTestData(db: DB, { responses: count = 2_500, seed = 5 } = {}): Promise<ReportTestData> {
  const responses = generateDemoData({ responses: count, seed, until: REPORT_DATA_UNTIL, campaignCode: "ICCT" });
  const latest = responses.reduce((max, response) => (response.receivedAt > max ? response.receivedAt : max), "");
  const planted = responses.find((response) => response.planted.kind === "normal" && response.priorities.length >= 1 && response.planted.personalDetails.length === 0)!;
  planted.status = "themed";
  planted.excludedReason = null;
  planted.placeCode = "wirral";
  planted.receivedAt = latest;
  planted.priorities[0] = { ...planted.priorities[0]!, what: PLANTED_QUOTE, suitableToQuote: true, confirmedThemeSlugs: ["tests-faster-diagnosis"] };
  await insertDemoResponses(db, responses, { campaignCode: "ICCT" });

  await db.insertInto("campaigns").values({ code: "SMALL", title: "A small pilot", status: "closed", opens_at: null, closes_at: null, summary_due: null, created_at: latest }).execute();
  const taken = new Set(responses.map((response) => response.reference));
  const small = generateDemoData({ responses: 400, seed: seed + 1, until: REPORT_DATA_UNTIL, campaignCode: "SMALL", takenReferences: taken })
    .filter((response) => response.planted.kind === "normal" && (response.status === "themed" || response.status === "closed") && response.equality !== null)
    .slice(0, 3)
    .map((response) => ({ ...response, priorities: response.priorities.map((priority) => ({ ...priority, suitableToQuote: true })) }));
  await insertDemoResponses(db, small, { campaignCode: "SMALL" });

  const plantedQuotable = responses.flatMap((response) =>
    response.planted.personalDetails.flatMap((detail) => {
      const priority = response.priorities.find((candidate) => candidate.rank === detail.rank);
      return priority?.suitableToQuote ? [{ text: detail.field === "what" ? priority.what : (priority.why ?? ""), values: detail.values }] : [];
    }),
  );
  return { responses, plantedQuotable };
}

/** `text` contains `value` as a whole word or phrase (so "Tom" is not found in "Tomorrow"). */
export function containsDetail(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}
