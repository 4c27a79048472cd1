import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { InsetText, NotificationBanner, WarningCallout } from "~/components/nhs/content";
import { Button } from "~/components/nhs/form";
import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { readFormData } from "~/modules/forms/request.server";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { clearDraftCookieHeader } from "~/modules/submissions/journey.server";
import { findDraft } from "~/modules/submissions/drafts.server";

export const handle: PageHandle = { pageTitle: "Tell us your priorities for cancer care" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const campaign = await context.referenceData.openCampaign();
  const token: unknown = await context.cookies.draft.parse(request.headers.get("Cookie"));
  const draft = typeof token === "string" ? await findDraft(context.db, token, context.now()) : null;
  return {
    open: Boolean(campaign),
    draftDays: context.config.env.DRAFT_TTL_DAYS,
    inProgress: Boolean(draft && !draft.submissionId),
    alreadySent: Boolean(draft?.submissionId),
    cleared: new URL(request.url).searchParams.get("cleared") === "1",
  };
}

/** "Start a new response" after sending one: this browser forgets the old one and starts afresh. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readFormData(request);
  throw redirect(journeyPaths.priorities, { headers: { "Set-Cookie": await clearDraftCookieHeader(context) } });
}

export default function StartPage() {
  const { open, draftDays, inProgress, alreadySent, cleared } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        {cleared ? (
          <NotificationBanner success title="Success">
            <p className="nhsuk-notification-banner__heading">Your answers have been cleared from this device</p>
          </NotificationBanner>
        ) : null}
        <h1>Improving Cancer Care Together</h1>
        <p className="nhsuk-lede-text">
          The Cheshire and Merseyside Cancer Alliance wants to hear your top three priorities for improving cancer care
          in our area.
        </p>
        <p>
          Tell us the things that would make the most difference, no matter how small or large. They might need
          investment, project support, or both.
        </p>
        <p>
          We want to hear from people who have or have had cancer, their carers, families and friends, people who have
          lost someone to cancer, people who work in health and care, and anyone else who lives in Cheshire and
          Merseyside.
        </p>

        <h2>Before you start</h2>
        <ul>
          <li>It takes about 5 minutes.</li>
          <li>You do not have to tell us who you are. You can answer anonymously.</li>
          <li>Only your first priority is required. Every other question is optional.</li>
          <li>Your answers are saved as you go, on this device, for {draftDays} days.</li>
        </ul>

        <h2>How we use your answers</h2>
        <p>
          Our engagement team reads every response and groups them into themes. The Alliance uses the themes to decide
          where to focus and to support bids for funding. We will publish a summary of what people told us. We will
          never publish anything that could identify you.
        </p>
        <p>
          Read our <Link to="/privacy">privacy notice</Link> to find out how we look after your information, and our{" "}
          <Link to="/accessibility">accessibility statement</Link>.
        </p>

        <WarningCallout heading="This form is not for questions about your own care">
          <p>We cannot reply to questions about your own care or treatment through this form.</p>
          <p>If you need medical help, contact your GP surgery or care team, or call 111. In an emergency, call 999.</p>
        </WarningCallout>

        {!open ? (
          <p>
            <strong>This survey is closed.</strong> We are not collecting new responses at the moment.
          </p>
        ) : alreadySent ? (
          <>
            <InsetText>
              <p>
                You have already sent a response from this device.{" "}
                <Link to={journeyPaths.confirmation}>View your confirmation</Link>.
              </p>
            </InsetText>
            <Form method="post">
              <Button>Start a new response</Button>
            </Form>
          </>
        ) : (
          <a className="nhsuk-button" href={journeyPaths.priorities} draggable="false">
            {inProgress ? "Continue your response" : "Start now"}
          </a>
        )}
      </TwoThirds>
    </Page>
  );
}
