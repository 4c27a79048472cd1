import { describe, expect, it } from "vitest";

import { fieldErrorsFrom } from "~/modules/forms/fields";
import {
  aboutYouFieldOrder,
  createAboutYouSchema,
  createEthnicBackgroundSchema,
  equalitySchema,
  prioritiesFieldOrder,
  prioritiesSchema,
  stayInTouchSchema,
} from "~/modules/submissions/journey-schemas";

function errorsOf(result: { success: boolean; error?: unknown }, order: readonly string[] = []) {
  if (result.success) return {};
  return fieldErrorsFrom(result.error as never, order);
}

describe("priorities page", () => {
  it("requires the first priority, with the NHS-style message", () => {
    const result = prioritiesSchema.safeParse({ priority1What: "   " });
    expect(errorsOf(result, prioritiesFieldOrder)).toEqual({ priority1What: "Enter your first priority" });
  });

  it("accepts a first priority alone and leaves the others empty", () => {
    const result = prioritiesSchema.safeParse({ priority1What: "  Faster scans  " });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ priority1What: "Faster scans", priority2What: "", priority3Support: "" });
  });

  it("allows 1,000 characters as a person counts them and refuses 1,001", () => {
    const emoji = "👩🏻‍🚀".repeat(1000);
    expect(prioritiesSchema.safeParse({ priority1What: emoji }).success).toBe(true);
    const result = prioritiesSchema.safeParse({ priority1What: `${"a".repeat(1000)}b`, priority2Why: "x".repeat(1001), priority2What: "ok" });
    expect(errorsOf(result, prioritiesFieldOrder)).toEqual({
      priority1What: "First priority must be 1,000 characters or less",
      priority2Why: "Why your second priority matters must be 1,000 characters or less",
    });
  });

  it("asks for the priority when someone says why it matters but not what it is", () => {
    const result = prioritiesSchema.safeParse({ priority1What: "x", priority3Why: "because" });
    expect(errorsOf(result, prioritiesFieldOrder)).toEqual({
      priority3What: "Enter your third priority, or delete why it matters",
    });
  });

  it("refuses a support answer that is not on the list", () => {
    const result = prioritiesSchema.safeParse({ priority1What: "x", priority1Support: "money" });
    expect(errorsOf(result)).toEqual({ priority1Support: "Select investment, project support, both or not sure" });
  });

  it("ignores fields it does not know", () => {
    const result = prioritiesSchema.safeParse({ priority1What: "x", isAdmin: "true" });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("isAdmin");
  });
});

describe("about you page", () => {
  const schema = createAboutYouSchema({ placeCodes: ["liverpool", "wirral"], trustCodes: ["clatterbridge"] });

  it("accepts nothing at all: every question is optional", () => {
    expect(schema.safeParse({}).success).toBe(true);
  });

  it("checks places and trusts against the reference data", () => {
    const result = schema.safeParse({ place: "atlantis", trusts: ["clatterbridge", "made-up"] });
    expect(errorsOf(result, aboutYouFieldOrder)).toEqual({
      place: "Select where you live from the list",
      trusts: "Select where you were treated from the list",
    });
  });

  it("does not let 'Prefer not to say' be combined with other answers", () => {
    const result = schema.safeParse({ respondentTypes: ["patient", "prefer_not_to_say"], trusts: ["not_treated", "clatterbridge"] });
    expect(errorsOf(result, aboutYouFieldOrder)).toEqual({
      respondentTypes: "Select the options that describe you, or select 'Prefer not to say'",
      trusts: "Select where you were treated, or select 'I have not been treated for cancer'",
    });
  });

  it("takes a single checkbox value as a list of one", () => {
    const result = schema.safeParse({ respondentTypes: "carer", place: "prefer_not_to_say" });
    expect(result.success).toBe(true);
    expect(result.data?.respondentTypes).toEqual(["carer"]);
  });
});

describe("stay in touch page", () => {
  it("accepts no email address", () => {
    expect(stayInTouchSchema.safeParse({}).success).toBe(true);
  });

  it("checks the email format and removes any whitespace, including line breaks", () => {
    expect(errorsOf(stayInTouchSchema.safeParse({ email: "not-an-email" }))).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
    });
    const result = stayInTouchSchema.safeParse({ email: " person@example.com\r\nBcc: victim@example.com " });
    expect(result.success).toBe(false);
    expect(stayInTouchSchema.safeParse({ email: " person@example.com " }).data?.email).toBe("person@example.com");
  });

  it("needs an email address for the emails someone asks for", () => {
    expect(errorsOf(stayInTouchSchema.safeParse({ contactPreferences: ["updates"] }))).toEqual({
      email: "Enter your email address so we can send you the emails you asked for",
    });
  });
});

describe("equality questions", () => {
  it("accepts every question unanswered or 'Prefer not to say'", () => {
    expect(equalitySchema.safeParse({}).success).toBe(true);
    expect(equalitySchema.safeParse({ ageBand: "prefer_not_to_say", ethnicGroup: "prefer_not_to_say" }).success).toBe(true);
  });

  it("refuses answers that are not on the list", () => {
    expect(errorsOf(equalitySchema.safeParse({ sex: "unknown" }))).toEqual({ sex: "Select an answer from the list" });
  });

  it("asks about background only from the chosen group's list", () => {
    expect(createEthnicBackgroundSchema("asian").safeParse({ ethnicBackground: "indian" }).success).toBe(true);
    expect(createEthnicBackgroundSchema("asian").safeParse({ ethnicBackground: "irish" }).success).toBe(false);
  });
});
