import { ButtonLink, EmailDocument, Heading, Paragraph } from "./components/email";

/** Someone asked to reset the password of a staff account. The link is single use. */
export interface PasswordResetProps {
  name: string;
  link: string;
  /** When the link stops working, already in words. */
  expires: string;
}

export function passwordResetSubject(): string {
  return "Reset your password for Improving Cancer Care Together";
}

export function PasswordResetEmail({ name, link, expires }: PasswordResetProps) {
  return (
    <EmailDocument
      title={passwordResetSubject()}
      footer={
        <Paragraph small>
          If you did not ask to reset your password, you can ignore this email: your password has not changed. Tell an admin if
          this keeps happening.
        </Paragraph>
      }
    >
      <Heading level={1}>Reset your password</Heading>
      <Paragraph>{`Hello ${name},`}</Paragraph>
      <Paragraph>Someone, probably you, asked to reset the password for your Improving Cancer Care Together account.</Paragraph>
      <ButtonLink href={link}>Set a new password</ButtonLink>
      <Paragraph>{`The link works once, until ${expires}. Setting a new password signs you out everywhere.`}</Paragraph>
    </EmailDocument>
  );
}
