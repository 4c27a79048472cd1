import { ButtonLink, EmailDocument, Heading, Paragraph } from "./components/email";

/** An admin invited someone to the staff side of the service. The link is single use. */
export interface StaffInviteProps {
  name: string;
  link: string;
  /** When the link stops working, already in words ("25 November 2026 at 10:15"). */
  expires: string;
}

export function staffInviteSubject(): string {
  return "You have been invited to Improving Cancer Care Together";
}

export function StaffInviteEmail({ name, link, expires }: StaffInviteProps) {
  return (
    <EmailDocument
      title={staffInviteSubject()}
      footer={<Paragraph small>If you were not expecting this invitation, you can ignore this email. Nobody can use the link after it expires.</Paragraph>}
    >
      <Heading level={1}>Create your account</Heading>
      <Paragraph>{`Hello ${name},`}</Paragraph>
      <Paragraph>
        You have been invited to the staff side of Improving Cancer Care Together, where the Cheshire and Merseyside Cancer
        Alliance reads and themes the public&rsquo;s priorities for cancer care.
      </Paragraph>
      <ButtonLink href={link}>Create your account</ButtonLink>
      <Paragraph>{`The link works once, until ${expires}. You will choose a password and set up an authenticator app on your phone.`}</Paragraph>
    </EmailDocument>
  );
}
