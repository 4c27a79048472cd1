import { describe, expect, it } from "vitest";

import { REFERENCE_ALPHABET, generateReference, parseReference } from "~/modules/submissions/reference";

describe("generateReference", () => {
  it("looks like ICCT-7KQ4-2M9X and never uses 0, O, 1 or I", () => {
    for (let i = 0; i < 1000; i += 1) {
      const reference = generateReference("ICCT");
      expect(reference).toMatch(/^ICCT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(reference.slice(5)).not.toMatch(/[01OI]/);
    }
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it("repeats a reference about as rarely as 32^7 random values allow", () => {
    // 100,000 draws from 3.4 x 10^10 values repeat 0.15 times on average (the birthday bound); more
    // than 3 repeats happens about once in 40,000 runs, or always if the randomness is poor.
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) seen.add(generateReference("ICCT"));
    expect(100_000 - seen.size).toBeLessThanOrEqual(3);
  });

  it("uses every character of the alphabet evenly enough", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i += 1) {
      for (const character of generateReference("ICCT").slice(5).replace("-", "").slice(0, 7)) {
        counts.set(character, (counts.get(character) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(32);
    const expected = (20_000 * 7) / 32;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
  });

  it("draws from the random source it is given", () => {
    const reference = generateReference("ICCT", (size) => new Uint8Array(size));
    expect(reference.slice(0, 13)).toBe("ICCT-2222-222");
  });
});

describe("parseReference", () => {
  it("accepts what people type: any case, spaces, missing dashes", () => {
    const reference = generateReference("ICCT");
    expect(parseReference(reference)).toBe(reference);
    expect(parseReference(reference.toLowerCase())).toBe(reference);
    expect(parseReference(reference.replaceAll("-", " "))).toBe(reference);
    expect(parseReference(reference.replaceAll("-", ""))).toBe(reference);
  });

  it("rejects a reference with one character mistyped, thanks to the check character", () => {
    let caught = 0;
    for (let i = 0; i < 500; i += 1) {
      const reference = generateReference("ICCT");
      const position = 5 + (i % 4);
      const original = reference[position]!;
      const replacement = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(original) + 1 + (i % 31)) % 32]!;
      const typo = reference.slice(0, position) + replacement + reference.slice(position + 1);
      if (parseReference(typo) === null) caught += 1;
    }
    expect(caught).toBe(500);
  });

  it("rejects things that cannot be references", () => {
    expect(parseReference("")).toBeNull();
    expect(parseReference("ICCT-0000-0000")).toBeNull();
    expect(parseReference("ICCT-ABCD")).toBeNull();
    expect(parseReference("<script>")).toBeNull();
  });
});
