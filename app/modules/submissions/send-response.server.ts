import { data, redirect, type AppLoadContext } from "@remix-run/node";

import { readFormData } from "~/modules/forms/request.server";
import { pseudonymiseAddress } from "~/modules/security/pseudonym.server";

import { answersViewFromResponse } from "./answers-view";
import { journeyPaths } from "./journey-paths";
import { loadJourney, redirectIfSent, type Journey } from "./journey.server";
import { validateDraftAnswers } from "./submit.server";

const pagePaths = { priorities: journeyPaths.priorities, aboutYou: journeyPaths.aboutYou, stayInTouch: journeyPaths.stayInTouch };

/** Everything the check answers page shows; sends people back to the first page that needs fixing. */
export async function loadCheckAnswers(request: Request, context: AppLoadContext) {
  const journey = await loadJourney(request, context);
  redirectIfSent(journey);
  const { response, referenceData } = await requireCompleteResponse(journey, context);
  return { view: answersViewFromResponse(response, referenceData) };
}

async function requireCompleteResponse(journey: Journey, context: AppLoadContext) {
  if (!journey.draft) throw redirect(journeyPaths.priorities);
  const referenceData = await context.referenceData.journey();
  const validation = validateDraftAnswers(journey.draft.answers, referenceData);
  if (!validation.ok) throw redirect(pagePaths[validation.page]);
  return { draft: journey.draft, response: validation.response, referenceData };
}

/**
 * "Send my response". Idempotent: the draft's submission key makes double clicks, resubmits after
 * Back and concurrent identical posts create one submission, and every one of them ends on the
 * same next page.
 */
export async function sendResponse(request: Request, context: AppLoadContext): Promise<never> {
  const formData = await readFormData(request);
  if (formData.get("website")) {
    context.logger.warn("journey.honeypot_filled", { page: "checkAnswers" });
    throw data({ problem: "bot-suspected" }, { status: 400 });
  }
  const journey = await loadJourney(request, context);
  if (journey.draft?.submissionId) throw redirect(journeyPaths.equality);
  const { draft, response, referenceData } = await requireCompleteResponse(journey, context);

  const now = context.now();
  const minimumMs = context.config.env.MIN_FILL_SECONDS * 1000;
  if (minimumMs > 0) {
    const startedAt = draft.answers.startedAt ? new Date(draft.answers.startedAt) : null;
    if (!startedAt) throw data({ problem: "bot-suspected" }, { status: 400 });
    if (now.getTime() - startedAt.getTime() < minimumMs) throw data({ problem: "too-fast" }, { status: 400 });
  }

  const clientKey = pseudonymiseAddress(context.clientAddress, context.config.sessionSecret);
  const limiter = context.limiters.submissions;
  if (limiter.isLimited(clientKey, now.getTime())) {
    context.logger.warn("journey.rate_limited", {});
    throw data({ problem: "rate-limited" }, { status: 429 });
  }

  const receipt = await context.submissions.submit(
    {
      campaign: journey.campaign,
      response,
      referenceData,
      idempotencyKey: draft.answers.submissionKey,
      channel: "online",
      receivedAt: now,
      now,
      messageIdDomain: context.config.publicUrl.hostname,
      matchFlags: await context.referenceData.flagMatcher(),
    },
    async (trx, { submissionId }) => {
      // The submission now holds the answers: the draft keeps only the link to it.
      await trx
        .updateTable("drafts")
        .set({
          submission_id: submissionId,
          answers: JSON.stringify({ ...draft.answers, pages: {} }),
          updated_at: now.toISOString(),
        })
        .where("id", "=", draft.id)
        .execute();
    },
  );
  if (receipt.created) {
    limiter.record(clientKey, now.getTime());
    context.logger.info("submission.created", { submissionId: receipt.submissionId, channel: "online" });
  }
  throw redirect(journeyPaths.equality);
}
