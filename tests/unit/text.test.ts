import { describe, expect, it } from "vitest";

import { countCharacters, normaliseLine, normaliseText } from "~/modules/forms/text";

describe("normaliseText", () => {
  it("trims, uses Unix line ends and composes to NFC", () => {
    expect(normaliseText("  Cafe\u0301\r\nnext line\rthird  ")).toBe("Café\nnext line\nthird");
  });

  it("removes control characters but keeps tabs and new lines", () => {
    expect(normaliseText("a\u0000b\u0007c\td\ne\u001Bf\u2028g")).toBe("abc\td\nefg");
  });

  it("turns anything that is not a string into an empty string", () => {
    expect(normaliseText(undefined)).toBe("");
    expect(normaliseText(["x"])).toBe("");
  });

  it("collapses whitespace in single-line answers, so no line breaks reach email headers", () => {
    expect(normaliseLine("  a\r\nb \t c ")).toBe("a b c");
  });
});

describe("countCharacters", () => {
  it("counts what a person sees as one character as one", () => {
    expect(countCharacters("abc")).toBe(3);
    expect(countCharacters("é")).toBe(1);
    expect(countCharacters("e\u0301")).toBe(1);
    expect(countCharacters("👩🏻‍🚀")).toBe(1);
    expect(countCharacters("🇬🇧🇬🇧")).toBe(2);
  });
});
