import type { ReactNode } from "react";

import { Page, TwoThirds } from "~/components/nhs/layout";

import type { ErrorContent } from "./error-content";

/** The body of an error page: what went wrong, what to do, and a way back. */
export function ErrorPage({ content, wayBack }: { content: ErrorContent; wayBack: ReactNode }) {
  return (
    <Page>
      <TwoThirds>
        <h1>{content.title}</h1>
        {content.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>{wayBack}</p>
      </TwoThirds>
    </Page>
  );
}
