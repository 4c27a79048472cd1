import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";

export const handle: PageHandle = { pageTitle: "Privacy notice" };

export async function loader({ context }: LoaderFunctionArgs) {
  return {
    contactEmail: context.config.env.CONTACT_EMAIL,
    draftDays: context.config.env.DRAFT_TTL_DAYS,
    keepsEveryEmailAddress: context.config.env.RESPONDENT_EMAIL_RETENTION === "all",
    retentionMonths: context.config.env.RESPONSE_RETENTION_MONTHS,
  };
}

export default function PrivacyPage() {
  const { contactEmail, draftDays, keepsEveryEmailAddress, retentionMonths } = useLoaderData<typeof loader>();
  const retention = retentionMonths % 12 === 0 ? `${retentionMonths / 12} ${retentionMonths === 12 ? "year" : "years"}` : `${retentionMonths} months`;
  return (
    <Page>
      <TwoThirds>
        <h1>Privacy notice</h1>
        <p className="nhsuk-lede-text">
          How the Cheshire and Merseyside Cancer Alliance uses the information you give us through Improving Cancer
          Care Together.
        </p>

        <h2>Who we are</h2>
        <p>
          The Cheshire and Merseyside Cancer Alliance is hosted by The Clatterbridge Cancer Centre NHS Foundation
          Trust, which is the data controller for this service.
        </p>

        <h2>What we collect</h2>
        <ul>
          <li>your priorities for cancer care, and why they matter to you</li>
          <li>if you choose to tell us: which groups describe you, where you live, where you were treated and the type of cancer</li>
          <li>if you choose to give it: your email address, and the emails you asked for</li>
          <li>if you choose to answer them: the equality questions</li>
        </ul>
        <p>
          We do not ask for your name. Please do not include names, NHS numbers or other details that could identify
          anyone in your answers. We do not store your IP address with your response.
        </p>

        <h2>Why we can use it</h2>
        <p>
          We use your information to carry out our public task of planning and improving NHS cancer services (UK GDPR
          Article 6(1)(e)). Because what you tell us may be about health, we also rely on Article 9(2)(h), the
          management of health and care services. We use equality answers to check we are hearing from everyone,
          under Article 9(2)(g) and the Data Protection Act 2018 (Schedule 1, paragraph 8).
        </p>

        <h2>How we use it</h2>
        <ul>
          <li>our engagement team reads every response and groups the priorities into themes</li>
          <li>planners use the themes, counts and a small number of quotes to decide where to focus and to support bids for funding</li>
          <li>quotes are only used after names and other identifying details are removed</li>
          <li>we publish totals, never anything that could identify you; numbers smaller than 5 are not shown</li>
        </ul>

        <h2>Who can see it</h2>
        <p>
          Only named Alliance staff with an account can read responses. Fewer staff can see equality answers. Every time
          a member of staff opens a response, this is recorded.
        </p>

        <h2>Emails</h2>
        <p>
          If you give your email address, we send you your reference number. Our emails never include your answers.
          We only send other emails if you asked for them, and you can ask us to stop at any time.
        </p>
        {keepsEveryEmailAddress ? null : (
          <p>
            Once we have sent your confirmation, we delete your email address, unless you asked to hear from us
            again.
          </p>
        )}

        <h2>How long we keep it</h2>
        <p>
          Answers you have not sent are deleted after {draftDays} days. We keep each response for {retention} after we
          receive it, and then delete it.
        </p>

        <h2>Your rights</h2>
        <p>
          You can ask to see, correct or delete your response, or object to us using it. Email{" "}
          <a href={`mailto:${contactEmail}`}>{contactEmail}</a> and quote your reference number.
        </p>
        <p>
          If you are unhappy with how we have used your information, you can complain to the Information
          Commissioner&rsquo;s Office at <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk</a>.
        </p>
      </TwoThirds>
    </Page>
  );
}
