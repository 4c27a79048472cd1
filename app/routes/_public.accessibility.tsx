import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";

export const handle: PageHandle = { pageTitle: "Accessibility statement" };

export async function loader({ context }: LoaderFunctionArgs) {
  return { contactEmail: context.config.env.CONTACT_EMAIL };
}

export default function AccessibilityPage() {
  const { contactEmail } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        <h1>Accessibility statement</h1>
        <p className="nhsuk-lede-text">
          We want as many people as possible to be able to use Improving Cancer Care Together.
        </p>
        <p>You should be able to:</p>
        <ul>
          <li>change colours, contrast levels and fonts</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use the whole service with just a keyboard</li>
          <li>use the whole service with a screen reader</li>
          <li>use the whole service with JavaScript turned off</li>
        </ul>

        <h2>How accessible this service is</h2>
        <p>
          This service aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. It uses the
          NHS design system. Every page of the form is checked automatically with axe-core and tested with a keyboard
          before each release.
        </p>

        <h2>Other ways to respond</h2>
        <p>
          If you would prefer to tell us your priorities another way, such as on paper, by phone or in another
          language, email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>. Our team can enter your response for
          you.
        </p>

        <h2>Reporting accessibility problems</h2>
        <p>
          If you find a problem that is not listed here, email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>

        <h2>Enforcement procedure</h2>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we
          respond to your complaint, contact the{" "}
          <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
        </p>
      </TwoThirds>
    </Page>
  );
}
