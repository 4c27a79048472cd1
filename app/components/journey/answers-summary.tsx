import type { ReactNode } from "react";

import { SummaryList, TypedText, type SummaryRow } from "~/components/nhs/content";
import type { AnswersView } from "~/modules/submissions/answers-view";

const notAnswered = "Not answered";

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <>{notAnswered}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function change(href: string | undefined, label: string) {
  return href ? { href, label } : undefined;
}

/**
 * The person's answers as NHS summary lists. With `changeLinks`, each row links back to its
 * question, and the question page returns here after saving.
 */
export function AnswersSummary({
  view,
  changeLinks,
  headingLevel = 2,
}: {
  view: AnswersView;
  changeLinks?: { priorities: string; aboutYou: string; stayInTouch: string };
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const priorityRows: SummaryRow[] = view.priorities.map((priority) => ({
    key: `${priority.ordinal} priority`,
    value: (
      <>
        <p>
          <TypedText text={priority.what} />
        </p>
        {priority.why ? (
          <p>
            <strong>Why it matters:</strong> <TypedText text={priority.why} />
          </p>
        ) : null}
        {priority.support ? (
          <p>
            <strong>Needs:</strong> {priority.support}
          </p>
        ) : null}
      </>
    ),
    action: change(
      changeLinks && `${changeLinks.priorities}#priority${priority.rank}What`,
      `${priority.ordinal.toLowerCase()} priority`,
    ),
  }));

  const aboutRows: SummaryRow[] = [
    row("Which describe you", <List items={view.respondentTypes} />, changeLinks && `${changeLinks.aboutYou}#respondentTypes`),
    ...(view.organisationName
      ? [row("Organisation", view.organisationName, changeLinks && `${changeLinks.aboutYou}#organisationName`)]
      : []),
    row("Where you live", view.place ?? notAnswered, changeLinks && `${changeLinks.aboutYou}#place`),
    row("Where you were treated", <List items={view.trusts} />, changeLinks && `${changeLinks.aboutYou}#trusts`),
    row("Type of cancer", view.cancerType ?? notAnswered, changeLinks && `${changeLinks.aboutYou}#cancerType`),
  ];

  const contactRows: SummaryRow[] = [
    row("Email address", view.email ?? notAnswered, changeLinks && `${changeLinks.stayInTouch}#email`),
    row(
      "Emails you asked for",
      <List items={view.contactPreferences.length ? view.contactPreferences : ["None"]} />,
      changeLinks && `${changeLinks.stayInTouch}#contactPreferences`,
    ),
  ];

  return (
    <>
      <Heading className="nhsuk-heading-m">Your priorities</Heading>
      <SummaryList rows={priorityRows} />
      <Heading className="nhsuk-heading-m">About you</Heading>
      <SummaryList rows={aboutRows} />
      <Heading className="nhsuk-heading-m">Stay in touch</Heading>
      <SummaryList rows={contactRows} />
    </>
  );
}

function row(key: string, value: ReactNode, href: string | undefined): SummaryRow {
  return { key, value, action: change(href, key.toLowerCase()) };
}
