import { createElement } from "react";
import { z } from "zod";

import { renderEmail } from "~emails/render";
import { PasswordResetEmail, passwordResetSubject } from "~emails/password-reset";
import { StaffInviteEmail, staffInviteSubject } from "~emails/staff-invite";
import { StaffNotificationEmail, staffNotificationSubject } from "~emails/staff-notification";
import { SubmissionConfirmationEmail, submissionConfirmationSubject } from "~emails/submission-confirmation";

import { parseReference } from "~/modules/submissions/reference";

/**
 * The emails the outbox can send, with the payload each accepts. Payloads are checked again when a
 * message is sent: a row that does not match (edited by hand, or written by an older version) is
 * refused rather than sent with missing or unexpected content.
 */
const payloadSchemas = {
  "submission-confirmation": z.strictObject({
    reference: z.string().refine((value) => parseReference(value) === value, "not a response reference"),
  }),
  "staff-invite": z.strictObject({ name: z.string().min(1), link: z.url(), expiresAt: z.iso.datetime() }),
  "password-reset": z.strictObject({ name: z.string().min(1), link: z.url(), expiresAt: z.iso.datetime() }),
  "staff-notification": z.strictObject({
    kind: z.enum(["immediate", "daily"]),
    newResponses: z.number().int().min(0),
    flaggedSafety: z.number().int().min(0),
    flaggedComplaint: z.number().int().min(0),
    since: z.iso.datetime().nullable(),
  }),
};

export type TemplateName = keyof typeof payloadSchemas;
export type TemplatePayload<T extends TemplateName> = z.input<(typeof payloadSchemas)[T]>;

/** Everything an email needs besides its payload: configuration, and facts looked up when it is sent. */
export interface TemplateContext {
  publicUrl: URL;
  contactEmail: string;
  /** The campaign's "summary due" words, for a confirmation linked to a submission. */
  summaryDue: string | null;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A message that can never be sent as it stands: retrying would fail the same way. */
export class UnsendableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsendableMessageError";
  }
}

function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(payloadSchemas, name);
}

export function composeEmail(template: string, payloadJson: string, context: TemplateContext): ComposedEmail {
  if (!isTemplateName(template)) throw new UnsendableMessageError(`unknown template "${template}"`);
  let payload: unknown;
  try {
    payload = JSON.parse(payloadJson);
  } catch {
    throw new UnsendableMessageError("payload is not JSON");
  }
  const link = (path: string) => new URL(path, context.publicUrl).href;

  if (template === "submission-confirmation") {
    const props = {
      reference: parsePayload(template, payload).reference,
      summaryDue: context.summaryDue,
      serviceUrl: link("/"),
      privacyUrl: link("/privacy"),
      contactEmail: context.contactEmail,
    };
    return { subject: submissionConfirmationSubject(props), ...renderEmail(createElement(SubmissionConfirmationEmail, props)) };
  }

  if (template === "staff-invite" || template === "password-reset") {
    const { name, link: actionLink, expiresAt } = parsePayload(template, payload);
    const props = { name, link: actionLink, expires: ukDateTime.format(new Date(expiresAt)) };
    return template === "staff-invite"
      ? { subject: staffInviteSubject(), ...renderEmail(createElement(StaffInviteEmail, props)) }
      : { subject: passwordResetSubject(), ...renderEmail(createElement(PasswordResetEmail, props)) };
  }

  const props = { ...parsePayload(template, payload), inboxUrl: link("/staff/responses") };
  return { subject: staffNotificationSubject(props), ...renderEmail(createElement(StaffNotificationEmail, props)) };
}

const ukDateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/** Templates whose payload holds a one-time link: it is not kept once the email has gone. */
export const templatesWithSecrets: readonly string[] = ["staff-invite", "password-reset"];

function parsePayload<T extends TemplateName>(template: T, payload: unknown): z.output<(typeof payloadSchemas)[T]> {
  const parsed = payloadSchemas[template].safeParse(payload);
  if (!parsed.success) throw new UnsendableMessageError(`invalid payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data as z.output<(typeof payloadSchemas)[T]>;
}
