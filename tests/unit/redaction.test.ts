import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { REDACTED, isValidNhsNumber, personalDetailKinds, redactPersonalDetails } from "~/modules/reports/redaction";

import { negativeCases, positiveCases } from "./fixtures/redaction-corpus";

describe("redactPersonalDetails: the corpus", () => {
  it("has at least 80 cases with personal details and 40 without", () => {
    expect(positiveCases.length).toBeGreaterThanOrEqual(80);
    expect(negativeCases.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(positiveCases.flatMap((entry) => Object.keys(entry.removed)));
    expect([...kinds].sort()).toEqual([...personalDetailKinds].sort());
  });

  it.each(positiveCases)("removes personal details from $input", ({ input, expected, removed }) => {
    const result = redactPersonalDetails(input);
    expect(result.text).toBe(expected);
    expect(result.removed).toEqual(removed);
  });

  it.each(negativeCases)("leaves $input as it is", ({ input, expected }) => {
    const result = redactPersonalDetails(input);
    expect(result.text).toBe(expected);
    expect(result.removed).toEqual({});
  });

  it("is idempotent: redacting the output again changes nothing more", () => {
    for (const { input } of [...positiveCases, ...negativeCases]) {
      const once = redactPersonalDetails(input);
      const twice = redactPersonalDetails(once.text);
      expect(twice.text, input).toBe(once.text);
      expect(twice.removed, input).toEqual({});
    }
  });

  it("reports counts by kind and never the removed values", () => {
    const result = redactPersonalDetails("My husband John Smith, 07700 900123, born 12/03/1956, lives at 3 Mill Lane, L8 1AB.");
    const serialised = JSON.stringify(result.removed);
    for (const value of ["John", "Smith", "07700", "1956", "Mill", "L8"]) expect(serialised).not.toContain(value);
    expect(Object.values(result.removed).every((count) => Number.isInteger(count) && count > 0)).toBe(true);
  });
});

describe("redactPersonalDetails: marks", () => {
  it("keeps one mark for details separated only by spaces or punctuation, and keeps words between marks", () => {
    expect(redactPersonalDetails("07700 900123, 07700 900456; 07700 900789").text).toBe(REDACTED);
    expect(redactPersonalDetails("07700 900123 or 07700 900456").text).toBe(`${REDACTED} or ${REDACTED}`);
    expect(redactPersonalDetails("07700 900123, 07700 900456").removed).toEqual({ phone: 2 });
  });

  it("returns the same string when there is nothing to remove", () => {
    const text = "Faster scans at Aintree, please.";
    expect(redactPersonalDetails(text)).toEqual({ text, removed: {} });
  });
});

describe("isValidNhsNumber", () => {
  it.each(["9434765919", "943 476 5919", "943-476-5919", "4010311320", "4010390514", "4010469706", "4010548894"])("accepts %s", (value) => {
    expect(isValidNhsNumber(value)).toBe(true);
  });

  it.each([
    ["a wrong check digit", "9434765918"],
    ["a wrong check digit, spaced", "401 031 1321"],
    // The first nine digits give a check value of 10: never issued.
    ["a check value of 10", "6123457870"],
    ["nine digits", "943476591"],
    ["eleven digits", "94347659190"],
    ["letters", "94347659A9"],
    ["nothing", ""],
  ])("rejects %s (%s)", (_, value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it("treats a 10-digit number that fails the check as an identifier, not an NHS number", () => {
    expect(redactPersonalDetails("9434765918").removed).toEqual({ identifier: 1 });
    expect(redactPersonalDetails("9434765919").removed).toEqual({ nhs_number: 1 });
    // Spaced like an NHS number but failing the check, with no cue: an ordinary number.
    expect(redactPersonalDetails("123 456 7890").text).toBe("123 456 7890");
  });
});

describe("the redaction module", () => {
  it("uses no Node APIs (it imports nothing), so it can run in a worker or a browser", () => {
    const source = readFileSync(new URL("../../app/modules/reports/redaction.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });
});
