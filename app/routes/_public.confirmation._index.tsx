import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Panel, WarningCallout } from "~/components/nhs/content";
import { Button } from "~/components/nhs/form";
import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { readFormData } from "~/modules/forms/request.server";
import { loadConfirmation } from "~/modules/submissions/confirmation.server";
import { deleteDraft } from "~/modules/submissions/drafts.server";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { clearDraftCookieHeader, requireSentJourney } from "~/modules/submissions/journey.server";

export const handle: PageHandle = { pageTitle: "Your priorities have been sent" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { submissionId } = await requireSentJourney(request, context);
  const confirmation = await loadConfirmation(context.db, submissionId);
  if (!confirmation) throw redirect(journeyPaths.start);
  return confirmation;
}

/** "Clear my answers from this device": forgets the link between this browser and the response. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readFormData(request);
  const { draft } = await requireSentJourney(request, context);
  await deleteDraft(context.db, draft.id);
  throw redirect(`${journeyPaths.start}?cleared=1`, { headers: { "Set-Cookie": await clearDraftCookieHeader(context) } });
}

export default function ConfirmationPage() {
  const { reference, emailQueued, summaryDue } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        <Panel heading="Your priorities have been sent">
          Your reference number
          <br />
          <strong className="app-reference">{reference}</strong>
        </Panel>
        {emailQueued ? (
          <p>We are sending a confirmation to your email address. It only includes your reference number.</p>
        ) : null}
        <p>Thank you for taking the time to tell us what matters to you.</p>

        <h2>What happens next</h2>
        <p>Our engagement team will read your response and group it with everyone else&rsquo;s into themes.</p>
        <p>
          The Cheshire and Merseyside Cancer Alliance will use the themes to decide where to focus its work and to
          support bids for funding.
        </p>
        <p>We will publish a summary of what people told us{summaryDue ? ` ${summaryDue}` : ""}.</p>

        <h2>Keep a copy</h2>
        <p>
          Write down your reference number, or <Link to={journeyPaths.copy}>view and print a copy of your answers</Link>.
          Quote your reference number if you contact us about your response.
        </p>

        <WarningCallout heading="If you need help with your own care">
          <p>We cannot reply to questions about your own care through this form.</p>
          <p>Contact your GP surgery or care team, or call 111. In an emergency, call 999.</p>
        </WarningCallout>

        <h2>Using a shared computer?</h2>
        <p>You can clear your answers from this device. Your response has been sent and will not be affected.</p>
        <Form method="post">
          <Button secondary>Clear my answers from this device</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
