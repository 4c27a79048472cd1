import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";

import { AnswersSummary } from "~/components/journey/answers-summary";
import { Button, Honeypot } from "~/components/nhs/form";
import { BackLink, Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";
import { journeyPaths } from "~/modules/submissions/journey-paths";
import { loadCheckAnswers, sendResponse } from "~/modules/submissions/send-response.server";

export const handle: PageHandle = { pageTitle: "Check your answers before sending your response" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadCheckAnswers(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return sendResponse(request, context);
}

const returnHere = "?return=check-answers";

export default function CheckAnswersPage() {
  const { view } = useLoaderData<typeof loader>();
  const sending = useNavigation().state === "submitting";
  return (
    <Page before={<BackLink to={journeyPaths.stayInTouch} />}>
      <TwoThirds>
        <h1>Check your answers before sending your response</h1>
        <AnswersSummary
          view={view}
          changeLinks={{
            priorities: journeyPaths.priorities + returnHere,
            aboutYou: journeyPaths.aboutYou + returnHere,
            stayInTouch: journeyPaths.stayInTouch + returnHere,
          }}
        />
        <h2 className="nhsuk-heading-m">Now send your response</h2>
        <p>
          When you send your response, our engagement team will read it. We will not publish anything that could
          identify you.
        </p>
        <Form method="post">
          <Honeypot />
          <Button preventDoubleClick>{sending ? "Sending your response…" : "Send my response"}</Button>
        </Form>
      </TwoThirds>
    </Page>
  );
}
