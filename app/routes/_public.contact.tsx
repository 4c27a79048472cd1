import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { WarningCallout } from "~/components/nhs/content";
import { Page, TwoThirds } from "~/components/nhs/layout";
import type { PageHandle } from "~/components/page/document-title";

export const handle: PageHandle = { pageTitle: "Contact us" };

export async function loader({ context }: LoaderFunctionArgs) {
  return { contactEmail: context.config.env.CONTACT_EMAIL };
}

export default function ContactPage() {
  const { contactEmail } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TwoThirds>
        <h1>Contact us</h1>
        <p>
          Email the Cheshire and Merseyside Cancer Alliance engagement team at{" "}
          <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
        <p>If your message is about a response you sent, include your reference number, for example ICCT-7KQ4-2M9X.</p>
        <WarningCallout heading="If you need help with your own care">
          <p>We cannot give medical advice. Contact your GP surgery or care team, or call 111. In an emergency, call 999.</p>
        </WarningCallout>
      </TwoThirds>
    </Page>
  );
}
