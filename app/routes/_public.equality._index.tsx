import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { findSubmissionReference } from "~/modules/submissions/equality.server";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { requireSentJourney } from "~/modules/submissions/journey.server";

export const handle: PageHandle = { pageTitle: "Equality questions (optional)" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { submissionId } = await requireSentJourney(request, context);
  return { reference: await findSubmissionReference(context.db, submissionId) };
}

export default function EqualityExplainerPage() {
  const { reference } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">Your response has been sent</p>
          <p>
            Your reference number is <span className="app-reference">{reference}</span>
          </p>
        </NotificationBanner>
        <h1>Equality questions (optional)</h1>
        <p>
          We would like to ask you some questions about yourself. We ask everyone who responds the same questions so
          we can check we are hearing from all communities in Cheshire and Merseyside, and reach the people we are
          missing.
        </p>
        <p>
          The questions are optional, and every question has a &lsquo;Prefer not to say&rsquo; answer. Your answers are
          kept separate from your priorities, only a small number of staff can see them, and we only publish them as
          totals that cannot identify anyone.
        </p>
        <p>Answering them will not change how your priorities are read.</p>
        <div className="app-button-group">
          <a className="nhsuk-button" href={journeyPaths.equalityQuestions} draggable="false">
            Answer the equality questions
          </a>
          <p>
            <Link to={journeyPaths.confirmation}>Skip the equality questions</Link>
          </p>
        </div>
      </TwoThirds>
    </Page>
  );
}
