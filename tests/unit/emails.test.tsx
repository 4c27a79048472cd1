import { describe, expect, it } from "vitest";

import { Paragraph } from "~emails/components/email";
import { renderEmail } from "~emails/render";
import { StaffNotificationEmail, staffNotificationSubject } from "~emails/staff-notification";
import { SubmissionConfirmationEmail, submissionConfirmationSubject } from "~emails/submission-confirmation";

const confirmation = {
  reference: "ICCT-7KQ4-2M9X",
  summaryDue: "in spring & summer 2027",
  serviceUrl: "https://icct.example.nhs.uk/",
  privacyUrl: "https://icct.example.nhs.uk/privacy",
  contactEmail: "improvingcancercare@example.nhs.uk",
};

describe("the confirmation email", () => {
  const { html, text } = renderEmail(<SubmissionConfirmationEmail {...confirmation} />);

  it("has the subject the issue asks for", () => {
    expect(submissionConfirmationSubject(confirmation)).toBe("Your priorities have been received – ICCT-7KQ4-2M9X");
  });

  it("is an HTML document in English with a title, real text and headings, without images or scripts", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(html).toContain("<title>Your priorities have been received – ICCT-7KQ4-2M9X</title>");
    expect(html).toContain("<h1");
    expect(html).toContain("Your priorities have been received</h1>");
    expect(html).not.toMatch(/<img|<script|<style/);
    expect(html.match(/<table/g)?.length).toBe(html.match(/<table role="presentation"/g)?.length);
  });

  it("says the same things in both parts: reference, what happens next, when the summary is due, and the links", () => {
    for (const part of [html, text]) {
      expect(part).toContain("ICCT-7KQ4-2M9X");
      expect(part).toContain("What happens next");
      expect(part).toContain("call 111");
      expect(part).toContain("https://icct.example.nhs.uk/privacy");
      expect(part).toContain("https://icct.example.nhs.uk/");
      expect(part).toContain("improvingcancercare@example.nhs.uk");
    }
    expect(html).toContain('<a href="https://icct.example.nhs.uk/privacy"');
  });

  it("has a readable plain-text part: no markup, characters as written", () => {
    expect(text).not.toMatch(/<[a-z/!]/i);
    expect(text).toContain("We will publish a summary of what people told us in spring & summer 2027.");
    expect(html).toContain("in spring &amp; summer 2027");
    expect(text).toContain("Your reference number: ICCT-7KQ4-2M9X");
    expect(text).toContain("Read our privacy notice (https://icct.example.nhs.uk/privacy)");
    expect(text).toMatch(/^What happens next\n-----------------$/m);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it("leaves out the summary date when the campaign has none", () => {
    const { text: withoutDate } = renderEmail(<SubmissionConfirmationEmail {...confirmation} summaryDue={null} />);
    expect(withoutDate).toContain("We will publish a summary of what people told us.");
  });
});

describe("the staff notification", () => {
  const props = { kind: "immediate" as const, newResponses: 1, flaggedSafety: 0, flaggedComplaint: 0, since: "2026-07-01T07:30:00.000Z", inboxUrl: "https://icct.example.nhs.uk/staff/responses" };

  it("names counts in the subject, singular or plural, with flags when there are any", () => {
    expect(staffNotificationSubject(props)).toBe("1 new response – Improving Cancer Care Together");
    expect(staffNotificationSubject({ ...props, kind: "daily", newResponses: 1200, flaggedSafety: 2, flaggedComplaint: 1 })).toBe(
      "Daily summary: 1,200 new responses, 3 flagged – Improving Cancer Care Together",
    );
  });

  it("gives the period in London time and points safety flags out first", () => {
    const { text } = renderEmail(<StaffNotificationEmail {...props} flaggedSafety={2} />);
    expect(text).toContain("Since 1 July 2026 at 08:30:");
    expect(text).toContain("- 2 responses flagged for safety");
    expect(text).toContain("Check the responses flagged for safety first.");
    expect(renderEmail(<StaffNotificationEmail {...props} />).text).not.toContain("flagged for safety first");
  });
});

describe("renderEmail", () => {
  it("refuses an email that puts raw HTML where the plain-text part cannot show it", () => {
    expect(() =>
      renderEmail(
        <Paragraph>
          <em>raw</em>
        </Paragraph>,
      ),
    ).toThrow(/plain-text part/);
  });
});
