import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";

import type { Campaign } from "~db/schema";

import { fieldErrorsFrom, toStringArray, type FieldErrors } from "~/modules/forms/fields";
import { normaliseText } from "~/modules/forms/text";
import { formValues, readFormData } from "~/modules/forms/request.server";
import type { JourneyReferenceData } from "~/modules/reference-data/queries.server";
import { issueFormStartToken, readFormStartToken } from "~/modules/security/form-timer.server";

import { createDraft, findDraft, writeDraftAnswers, type Draft } from "./drafts.server";
import { journeyPaths, nextPath, returnToFrom, type JourneyPage } from "./journey-paths";

export interface Journey {
  campaign: Campaign;
  draft: Draft | null;
  /** The cookie's token for an existing draft; null until the person first saves an answer. */
  token: string | null;
}

export async function loadJourney(request: Request, context: AppLoadContext): Promise<Journey> {
  const token = await readDraftToken(request, context);
  const draft = token ? await findDraft(context.db, token, context.now()) : null;
  const campaign = draft ? await context.referenceData.campaign(draft.campaignId) : await context.referenceData.openCampaign();
  if (!campaign || (!draft && campaign.status !== "open")) {
    throw data({ problem: "campaign-closed" }, { status: 404 });
  }
  return { campaign, draft, token: draft ? token : null };
}

async function readDraftToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await context.cookies.draft.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export async function draftCookieHeader(context: AppLoadContext, token: string): Promise<string> {
  return context.cookies.draft.serialize(token);
}

export async function clearDraftCookieHeader(context: AppLoadContext): Promise<string> {
  return context.cookies.draft.serialize("", { maxAge: 0 });
}

/** Journey pages are for answers not yet sent: once sent, the person goes to their confirmation. */
export function redirectIfSent(journey: Journey): void {
  if (journey.draft?.submissionId) throw redirect(journeyPaths.confirmation);
}

export interface JourneyPageLoaderData {
  values: Record<string, unknown>;
  formStartedAt: string;
  returnTo: "check-answers" | null;
}

export async function loadJourneyPage(request: Request, context: AppLoadContext, page: JourneyPage): Promise<JourneyPageLoaderData> {
  const journey = await loadJourney(request, context);
  redirectIfSent(journey);
  return {
    values: journey.draft?.answers.pages[page] ?? {},
    formStartedAt: issueFormStartToken(context.now(), context.config.sessionSecret),
    returnTo: returnToFrom(new URL(request.url).searchParams.get("return")),
  };
}

export interface JourneyPageConfig {
  page: JourneyPage;
  schema: (referenceData: JourneyReferenceData) => z.ZodType;
  fieldOrder: readonly string[];
  listFields?: readonly string[];
  /** Pages with free text carry the honeypot field. */
  honeypot?: boolean;
}

export interface JourneyPageActionData {
  fieldErrors: FieldErrors;
  values: Record<string, unknown>;
}

/**
 * Saves what the person typed on one page, valid or not, so refresh and Back never lose it; then
 * either shows the errors (400) or moves on. Only the page's own fields are kept.
 */
export async function saveJourneyPage(request: Request, context: AppLoadContext, config: JourneyPageConfig) {
  const formData = await readFormData(request);
  if (config.honeypot && formData.get("website")) {
    context.logger.warn("journey.honeypot_filled", { page: config.page });
    throw data({ problem: "bot-suspected" }, { status: 400 });
  }
  const journey = await loadJourney(request, context);
  redirectIfSent(journey);

  const submitted = formValues(formData, config.listFields);
  // Kept as typed (valid or not) but already cleaned, so the draft never holds control characters.
  const values = Object.fromEntries(
    config.fieldOrder.map((field) => {
      const value = submitted[field];
      return [field, config.listFields?.includes(field) ? toStringArray(value).map(normaliseText) : normaliseText(value)];
    }),
  );
  const referenceData = await context.referenceData.journey();
  const parsed = config.schema(referenceData).safeParse(values);

  const headers = new Headers();
  const now = context.now();
  const ttlMs = context.config.draftTtlMs;
  if (journey.draft && journey.token) {
    const answers = { ...journey.draft.answers, pages: { ...journey.draft.answers.pages, [config.page]: values } };
    await writeDraftAnswers(context.db, { draftId: journey.draft.id, answers, now, ttlMs });
    headers.append("Set-Cookie", await draftCookieHeader(context, journey.token));
  } else {
    const startedAt = readFormStartToken(formData.get("formStartedAt"), context.config.sessionSecret);
    const { token } = await createDraft(context.db, {
      campaignId: journey.campaign.id,
      startedAt,
      pages: { [config.page]: values },
      now,
      ttlMs,
    });
    headers.append("Set-Cookie", await draftCookieHeader(context, token));
  }

  if (!parsed.success) {
    return data<JourneyPageActionData>({ fieldErrors: fieldErrorsFrom(parsed.error, config.fieldOrder), values }, { status: 400, headers });
  }
  const returnTo = returnToFrom(String(formData.get("returnTo") ?? ""));
  throw redirect(returnTo ? journeyPaths.checkAnswers : nextPath(config.page), { headers });
}

/** Pages after "Send my response" belong to the browser that sent it, through its draft cookie. */
export async function requireSentJourney(request: Request, context: AppLoadContext) {
  const journey = await loadJourney(request, context);
  const submissionId = journey.draft?.submissionId;
  if (!journey.draft || !submissionId || !journey.token) throw redirect(journeyPaths.start);
  return { ...journey, draft: journey.draft, token: journey.token, submissionId };
}
