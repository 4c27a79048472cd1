import { describe, expect, it } from "vitest";

import { createFlagMatcher } from "~/modules/triage/safety-flags";
import { suggestThemes } from "~/modules/triage/theme-suggestions";
import { SKETCH_MIN_SHARED, comparableText, fingerprint, isNearDuplicate, textSimilarity, textSketch } from "~/modules/triage/text-similarity.server";

const sketchOf = (texts: string[]) => textSketch(comparableText(texts));

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

  it("keeps fingerprints and sketches as they are stored: changing them would hide every earlier duplicate", () => {
    expect(fingerprint(original)).toBe("120e65505b75b4b510649248f6083e5a");
    expect(sketchOf(original)).toEqual([66654645, 176741464, 194185539, 343064629, 349625486, 354628430, 518752563, 687626237]);
  });

  it("ignores accents, so a copy typed with or without them is still a copy", () => {
    expect(fingerprint(["Café crème at the Clatterbridge centre – naïve façade"])).toBe(fingerprint(["Cafe creme at the Clatterbridge centre, naive facade"]));
  });

  it("does not compare texts of very different lengths word by word: they cannot be near duplicates", () => {
    const short = comparableText(["Faster access to CT scans when the GP is worried"]);
    const long = comparableText([`${original[0]} ${original[1]}`]);
    expect(textSimilarity(short, long)).toBeLessThan(0.6);
    expect(isNearDuplicate(short, long)).toBe(false);
    expect(isNearDuplicate(long, long)).toBe(true);
  });

  it("gives near duplicates overlapping sketches, confirmed by shingle similarity", () => {
    const edited = [original[0]!.replace("Faster", "Quicker"), original[1]!.replace("six", "6")];
    const unrelated = ["Better parking at Clatterbridge, it costs a fortune every single visit", "We drive an hour each way for radiotherapy"];
    const shared = (a: number[], b: number[]) => a.filter((value) => b.includes(value)).length;
    expect(sketchOf(original)).toHaveLength(8);
    expect(shared(sketchOf(original), sketchOf(edited))).toBeGreaterThanOrEqual(SKETCH_MIN_SHARED);
    expect(shared(sketchOf(original), sketchOf(unrelated))).toBeLessThan(SKETCH_MIN_SHARED);
    expect(textSimilarity(comparableText(original), comparableText(edited))).toBeGreaterThan(0.6);
    expect(isNearDuplicate(comparableText(original), comparableText(edited))).toBe(true);
    expect(isNearDuplicate(comparableText(original), comparableText(unrelated))).toBe(false);
    expect(sketchOf(["two words"])).toEqual([]);
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
