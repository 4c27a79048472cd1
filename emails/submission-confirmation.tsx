import { EmailDocument, Heading, Highlight, Link, Paragraph } from "./components/email";

/**
 * Sent to a person who gave an email address with their response. It goes to a personal address,
 * so it carries the reference number and nothing else about them: no priorities, no answers, no
 * health details (NHS secure email standard, DCB1596).
 */
export interface SubmissionConfirmationProps {
  reference: string;
  /** When the summary of views will be published, in plain words ("in spring 2027"); null if not yet set. */
  summaryDue: string | null;
  serviceUrl: string;
  privacyUrl: string;
  contactEmail: string;
}

export function submissionConfirmationSubject({ reference }: Pick<SubmissionConfirmationProps, "reference">): string {
  return `Your priorities have been received – ${reference}`;
}

export function SubmissionConfirmationEmail(props: SubmissionConfirmationProps) {
  const { reference, summaryDue, serviceUrl, privacyUrl, contactEmail } = props;
  return (
    <EmailDocument
      title={submissionConfirmationSubject(props)}
      footer={
        <>
          <Paragraph small>
            You are getting this email because you gave your email address when you sent your priorities. This email
            does not include your answers, to keep them private.
          </Paragraph>
          <Paragraph small>
            If you need help with your own care, contact your GP surgery or care team, or call 111. In an emergency,
            call 999.
          </Paragraph>
        </>
      }
    >
      <Heading level={1}>Your priorities have been received</Heading>
      <Paragraph>Thank you for telling the Cheshire and Merseyside Cancer Alliance what matters to you.</Paragraph>
      <Highlight label="Your reference number" value={reference} />
      <Paragraph>Quote your reference number if you contact us about your response.</Paragraph>

      <Heading level={2}>What happens next</Heading>
      <Paragraph>Our engagement team will read your response and group it with everyone else&rsquo;s into themes.</Paragraph>
      <Paragraph>
        The Alliance will use the themes to decide where to focus its work and to support bids for funding.
      </Paragraph>
      <Paragraph>We will publish a summary of what people told us{summaryDue ? ` ${summaryDue}` : ""}.</Paragraph>

      <Heading level={2}>Your information</Heading>
      <Paragraph>
        <Link href={privacyUrl}>Read our privacy notice</Link> to find out how we use and protect what you told us.
        To ask about your response, email {contactEmail}.
      </Paragraph>
      <Paragraph>
        <Link href={serviceUrl}>Improving Cancer Care Together</Link>
      </Paragraph>
    </EmailDocument>
  );
}
