import { ButtonLink, EmailDocument, Heading, List, ListItem, Paragraph, Strong } from "./components/email";

/**
 * Tells an engagement lead that responses are waiting: counts only, never response text, so
 * nothing sensitive leaves the service by email. They read the responses after signing in.
 */
export interface StaffNotificationProps {
  /** "immediate": shortly after responses arrive; "daily": the digest at the set hour. */
  kind: "immediate" | "daily";
  newResponses: number;
  flaggedSafety: number;
  flaggedComplaint: number;
  /** When the previous notification was made (ISO-8601); null for the first. */
  since: string | null;
  inboxUrl: string;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export function staffNotificationSubject({ kind, newResponses, flaggedSafety, flaggedComplaint }: Omit<StaffNotificationProps, "since" | "inboxUrl">): string {
  const flagged = flaggedSafety + flaggedComplaint;
  const summary = `${count(newResponses, "new response", "new responses")}${flagged > 0 ? `, ${flagged.toLocaleString("en-GB")} flagged` : ""}`;
  return `${kind === "daily" ? "Daily summary: " : ""}${summary} – Improving Cancer Care Together`;
}

const londonTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

export function StaffNotificationEmail(props: StaffNotificationProps) {
  const { kind, newResponses, flaggedSafety, flaggedComplaint, since, inboxUrl } = props;
  const period = since ? `Since ${londonTime.format(new Date(since))}` : "Since notifications started";
  return (
    <EmailDocument
      title={staffNotificationSubject(props)}
      footer={
        <Paragraph small>
          You are getting this email because you are an engagement lead for Improving Cancer Care Together. An
          administrator sets how often these emails are sent.
        </Paragraph>
      }
    >
      <Heading level={1}>{kind === "daily" ? "Daily summary of responses" : "New responses"}</Heading>
      <Paragraph>{period}:</Paragraph>
      <List>
        <ListItem>
          <Strong>{count(newResponses, "new response", "new responses")}</Strong>
        </ListItem>
        <ListItem>{count(flaggedSafety, "response", "responses")} flagged for safety</ListItem>
        <ListItem>{count(flaggedComplaint, "response", "responses")} flagged as a complaint</ListItem>
      </List>
      {flaggedSafety > 0 ? <Paragraph>Check the responses flagged for safety first.</Paragraph> : null}
      <ButtonLink href={inboxUrl}>Open the responses inbox</ButtonLink>
      <Paragraph small>This email does not include any response text. Sign in to read responses.</Paragraph>
    </EmailDocument>
  );
}
