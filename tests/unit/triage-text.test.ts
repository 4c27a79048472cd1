import { describe, expect, it } from "vitest";

import { createFlagMatcher } from "~/modules/triage/safety-flags";
import { suggestThemes } from "~/modules/triage/theme-suggestions";
import { SKETCH_MIN_SHARED, fingerprint, isNearDuplicate, textSimilarity, textSketch } from "~/modules/triage/text-similarity.server";

const original = [
  "Faster access to CT scans when the GP is worried about cancer",
  "My dad waited six weeks for a scan and the worry was unbearable for the whole family",
];

describe("duplicate detection", () => {
  it("gives the same fingerprint whatever the case, punctuation and spacing", () => {
    const noisy = original.map((text) => `  ${text.toUpperCase().replace(/ /g, "  ")}!!`);
    expect(fingerprint(noisy)).toBe(fingerprint(original));
    expect(fingerprint(["A different priority about hospital parking costs for patients"])).not.toBe(fingerprint(original));
    expect(fingerprint(["too short"])).toBeNull();
  });

  it("gives near duplicates overlapping sketches, confirmed by shingle similarity", () => {
    const edited = [original[0]!.replace("Faster", "Quicker"), original[1]!.replace("six", "6")];
    const unrelated = ["Better parking at Clatterbridge, it costs a fortune every single visit", "We drive an hour each way for radiotherapy"];
    const shared = (a: number[], b: number[]) => a.filter((value) => b.includes(value)).length;
    expect(textSketch(original)).toHaveLength(8);
    expect(shared(textSketch(original), textSketch(edited))).toBeGreaterThanOrEqual(SKETCH_MIN_SHARED);
    expect(shared(textSketch(original), textSketch(unrelated))).toBeLessThan(SKETCH_MIN_SHARED);
    expect(textSimilarity(original, edited)).toBeGreaterThan(0.6);
    expect(isNearDuplicate(original, edited)).toBe(true);
    expect(isNearDuplicate(original, unrelated)).toBe(false);
    expect(textSketch(["two words"])).toEqual([]);
  });
});

describe("safety and complaint flags", () => {
  const match = createFlagMatcher([
    { phrase: "harm myself", kind: "safety" },
    { phrase: "neglect", kind: "safety" },
    { phrase: "make a complaint", kind: "complaint" },
    { phrase: "complain", kind: "complaint" },
  ]);

  it("matches whole words and phrases, whatever the case and spacing", () => {
    expect(match(["Sometimes I want to HARM   myself"])).toEqual([{ kind: "safety", phrase: "harm myself" }]);
    expect(match(["I want to make a complaint about the ward", "It felt like neglect."])).toEqual([
      { kind: "safety", phrase: "neglect" },
      { kind: "complaint", phrase: "make a complaint" },
    ]);
  });

  it("does not match inside other words", () => {
    expect(match(["The neglected garden outside the hospice", "Complainants were listened to"])).toEqual([]);
    expect(match(["Better communication please"])).toEqual([]);
  });
});

describe("theme suggestions", () => {
  const themes = [
    { id: 1, name: "Coordination and key contact", slug: "coordination", keywords: ["coordinat", "joined up", "key worker"] },
    { id: 2, name: "Tests and faster diagnosis", slug: "tests", keywords: ["scan", "biopsy"] },
    { id: 3, name: "Travel", slug: "travel", keywords: ["parking"] },
  ];

  it("finds keywords at the start of words, in any case and across punctuation, most matches first", () => {
    const text = "Poor COORDINATION between teams; care that is joined-up. And a quicker scan.";
    expect(suggestThemes(text, themes).map((theme) => theme.slug)).toEqual(["coordination", "tests"]);
  });

  it("does not find a keyword inside another word, and suggests nothing when nothing matches", () => {
    expect(suggestThemes("The telescan unit and the biopsyish clinic", themes).map((theme) => theme.slug)).toEqual(["tests"]);
    expect(suggestThemes("Kinder receptionists", themes)).toEqual([]);
  });
});
