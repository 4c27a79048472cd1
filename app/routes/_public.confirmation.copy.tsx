import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useHydrated } from "~/components/forms/use-hydrated";
import { AnswersSummary } from "~/components/journey/answers-summary";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { requireSentJourney } from "~/modules/submissions/journey.server";
import { loadSubmissionCopy } from "~/modules/submissions/submission-view.server";

export const handle: PageHandle = { pageTitle: "A copy of your response" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { submissionId } = await requireSentJourney(request, context);
  const copy = await loadSubmissionCopy(context.db, submissionId);
  if (!copy) throw redirect(journeyPaths.start);
  return copy;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export default function CopyPage() {
  const { reference, receivedAt, view } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  return (
    <Page before={<BackLink to={journeyPaths.confirmation} />}>
      <TwoThirds>
        <h1>A copy of your response</h1>
        <p>
          Reference number: <span className="app-reference">{reference}</span>
          <br />
          Sent: {dateFormat.format(new Date(receivedAt))}
        </p>
        <p className="app-no-print">
          To keep a copy, print this page or save it as a PDF using your browser&rsquo;s print option.
        </p>
        {hydrated ? (
          <p className="app-no-print">
            <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => window.print()}>
              Print this page
            </button>
          </p>
        ) : null}
        <AnswersSummary view={view} />
      </TwoThirds>
    </Page>
  );
}
