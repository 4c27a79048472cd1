import { describe, expect, it } from "vitest";

import { DEMO_DAYS, demoRates, generateDemoData, generateDemoResponses, type DemoResponse } from "~db/demo/generate";
import { personalDetailKinds } from "~db/demo/planted-text";
import { themeText } from "~db/demo/priority-text";
import { Random } from "~db/demo/random";
import { places, themes } from "~db/reference-data";
import { safetyPhrases } from "~db/safety-phrases";

import { redactPersonalDetails } from "~/modules/reports/redaction";
import { equalityQuestions, ethnicBackgrounds, isEthnicGroupCode } from "~/modules/submissions/equality-options";
import { PRIORITY_MAX_CHARACTERS } from "~/modules/submissions/journey-schemas";
import { cancerTypeCodes, respondentTypeCodes, supportCodes, trustOtherCodes } from "~/modules/submissions/options";
import { isValidNhsNumber } from "~/modules/reports/redaction";
import { parseReference } from "~/modules/submissions/reference";
import { trusts } from "~db/reference-data";

const until = new Date("2026-11-23T00:00:00.000Z");
const options = { seed: 42, until, campaignCode: "ICCT" };
const sample = generateDemoData({ ...options, responses: 2000 });

function share(responses: DemoResponse[], test: (response: DemoResponse) => boolean): number {
  return responses.filter(test).length;
}

/** Observed count within four standard deviations of a binomial(n, p). */
function expectRate(observed: number, n: number, p: number): void {
  const tolerance = 4 * Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p), `observed ${observed} of ${n}, expected about ${(n * p).toFixed(1)}`).toBeLessThanOrEqual(tolerance);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWords = (phrase: string, flags = "iu") => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, flags);
const textsOf = (response: DemoResponse) => response.priorities.flatMap((priority) => [priority.what, priority.why ?? ""]);

describe("demo data: determinism", () => {
  it("gives byte-identical data for the same seed, count and end date", () => {
    const again = generateDemoData({ ...options, responses: 2000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(sample));
  });

  it("gives different data for another seed", () => {
    const other = generateDemoData({ ...options, seed: 43, responses: 50 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(sample.slice(0, 50)));
    expect(other.map((response) => response.reference)).not.toEqual(sample.slice(0, 50).map((response) => response.reference));
  });

  it("streams the same responses as it returns in a list", () => {
    const streamed: DemoResponse[] = [];
    for (const response of generateDemoResponses({ ...options, responses: 2000 })) streamed.push(response);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(sample));
  });

  it("draws the same numbers from the same seed", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const draws = (random: Random) => Array.from({ length: 5 }, () => random.uint32());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(new Random(1).expand("{a|b{c|d}}x")).toMatch(/^(a|bc|bd)x$/);
  });
});

describe("demo data: distributions in 2,000 responses", () => {
  it("covers every theme, place, respondent type, channel, cancer type and status", () => {
    const themeSlugs = new Set(sample.flatMap((response) => response.priorities.flatMap((priority) => priority.themeSlugs)));
    const confirmed = new Set(sample.flatMap((response) => response.priorities.flatMap((priority) => priority.confirmedThemeSlugs)));
    expect([...themeSlugs].sort()).toEqual(themes.map((theme) => theme.slug).sort());
    expect([...confirmed].sort()).toEqual(themes.map((theme) => theme.slug).sort());
    expect(new Set(sample.map((response) => response.placeCode))).toEqual(new Set([...places.map((place) => place.code), null]));
    expect(sample.some((response) => response.placePreferNotToSay)).toBe(true);
    expect(new Set(sample.flatMap((response) => response.respondentTypes))).toEqual(new Set(respondentTypeCodes));
    expect(new Set(sample.map((response) => response.channel))).toEqual(new Set(["online", "paper", "email", "phone", "event"]));
    expect(new Set(sample.map((response) => response.cancerType))).toEqual(new Set([...cancerTypeCodes, null]));
    expect(new Set(sample.map((response) => response.status))).toEqual(new Set(["new", "in_review", "themed", "closed", "excluded"]));
    expect(new Set(sample.map((response) => response.excludedReason))).toEqual(new Set(["spam", "test", "out_of_scope", "duplicate", null]));
    expect(new Set(sample.flatMap((response) => response.trusts))).toEqual(new Set([...trusts.map((trust) => trust.code), ...trustOtherCodes]));
    expect(new Set(sample.flatMap((response) => response.priorities.map((priority) => priority.support)))).toEqual(new Set([...supportCodes, null]));
  });

  it("weights places by population", () => {
    const count = (code: string) => share(sample, (response) => response.placeCode === code);
    // Liverpool has 3.8 times Halton's population.
    expect(count("liverpool") / count("halton")).toBeGreaterThan(2.5);
    expect(count("liverpool") / count("halton")).toBeLessThan(5.5);
  });

  it("plants special cases at the documented rates", () => {
    const n = sample.length;
    const kind = (name: string) => share(sample, (response) => response.planted.kind === name);
    expectRate(kind("spam"), n, demoRates.spam);
    expectRate(kind("test"), n, demoRates.test);
    expectRate(kind("out_of_scope"), n, demoRates.outOfScope);
    expectRate(kind("exact_duplicate"), n, demoRates.exactDuplicate);
    expectRate(kind("near_duplicate"), n, demoRates.nearDuplicate);

    const ordinary = sample.filter((response) => response.planted.kind === "normal");
    expectRate(share(ordinary, (response) => response.flags.some((flag) => flag.kind === "safety")), ordinary.length, demoRates.safety);
    expectRate(share(ordinary, (response) => response.flags.some((flag) => flag.kind === "complaint")), ordinary.length, demoRates.complaint);
    expectRate(share(ordinary, (response) => response.planted.personalDetails.length > 0), ordinary.length, demoRates.personalDetails);
    expectRate(share(sample, (response) => response.equality !== null), n, demoRates.equality);
    expectRate(share(sample, (response) => response.email !== null), n, demoRates.email);
  });

  it("plants every kind of personal detail", () => {
    const planted = new Set(sample.flatMap((response) => response.planted.personalDetails.map((detail) => detail.kind)));
    expect([...planted].sort()).toEqual([...personalDetailKinds].sort());
  });

  it("spreads received dates over the last six months, in order day by day", () => {
    const start = until.getTime() - DEMO_DAYS * 24 * 3_600_000;
    const received = sample.map((response) => Date.parse(response.receivedAt));
    expect(Math.min(...received)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...received)).toBeLessThan(until.getTime());
    const months = new Set(sample.map((response) => response.receivedAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
    const days = sample.map((response) => response.receivedAt.slice(0, 10));
    expect(days).toEqual([...days].sort());
    for (const response of sample) {
      expect(response.createdAt >= response.receivedAt).toBe(true);
      expect(response.updatedAt >= response.createdAt).toBe(true);
      expect(Date.parse(response.updatedAt)).toBeLessThan(until.getTime());
    }
  });
});

describe("demo data: content", () => {
  it("writes priorities the form would accept, of varied length", () => {
    const lengths: number[] = [];
    for (const response of sample) {
      expect(response.priorities.length).toBeGreaterThanOrEqual(1);
      expect(response.priorities.map((priority) => priority.rank)).toEqual([1, 2, 3].slice(0, response.priorities.length));
      for (const priority of response.priorities) {
        expect(priority.what.trim()).not.toBe("");
        expect(priority.what.length).toBeLessThanOrEqual(PRIORITY_MAX_CHARACTERS);
        expect((priority.why ?? "").length).toBeLessThanOrEqual(PRIORITY_MAX_CHARACTERS);
        expect(priority.what).not.toMatch(/\s{2,}|<\w+>|[{}|]/);
        lengths.push(priority.what.length + (priority.why?.length ?? 0));
      }
    }
    expect(Math.min(...lengths)).toBeLessThan(20);
    expect(Math.max(...lengths)).toBeGreaterThan(300);
    expect(sample.flatMap((response) => response.priorities).filter((priority) => priority.themeSlugs.length > 1).length).toBeGreaterThan(100);
  });

  it("has text for every theme in the taxonomy", () => {
    for (const theme of themes) {
      const text = themeText[theme.slug];
      expect(text, theme.slug).toBeDefined();
      expect(text!.what.length).toBeGreaterThanOrEqual(5);
      expect(text!.why.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("raises a flag exactly when a safety or complaint phrase is in the text, naming a listed phrase", () => {
    const listed = new Set(safetyPhrases.map((entry) => `${entry.kind}:${entry.phrase}`));
    for (const response of sample) {
      const text = textsOf(response).join("\n");
      for (const flag of response.flags) {
        expect(listed.has(`${flag.kind}:${flag.phrase}`)).toBe(true);
        expect(text).toMatch(wholeWords(flag.phrase));
        expect(flag.state === "actioned").toBe(flag.actionedAt !== null);
      }
      for (const kind of ["safety", "complaint"] as const) {
        const found = safetyPhrases.filter((entry) => entry.kind === kind && wholeWords(entry.phrase).test(text));
        expect(found.length > 0, `${kind} in ${response.reference}: ${found.map((entry) => entry.phrase).join(", ")}`).toBe(
          response.flags.some((flag) => flag.kind === kind),
        );
      }
    }
    const flags = sample.flatMap((response) => response.flags);
    expect(flags.filter((flag) => flag.state === "open").length / flags.length).toBeGreaterThan(0.6);
  });

  it("copies the source exactly for exact duplicates, and with small edits for near-duplicates", () => {
    const bySequence = new Map(sample.map((response) => [response.sequence, response]));
    const duplicates = sample.filter((response) => response.planted.duplicateOf !== null);
    expect(duplicates.length).toBeGreaterThan(20);
    for (const duplicate of duplicates) {
      const source = bySequence.get(duplicate.planted.duplicateOf!)!;
      expect(source.sequence).toBeLessThan(duplicate.sequence);
      expect(source.planted.kind).toBe("normal");
      const texts = (response: DemoResponse) => response.priorities.map((priority) => [priority.what, priority.why]);
      if (duplicate.planted.kind === "exact_duplicate") {
        expect(texts(duplicate)).toEqual(texts(source));
      } else {
        expect(duplicate.planted.kind).toBe("near_duplicate");
        expect(texts(duplicate)).not.toEqual(texts(source));
        // At most two small edits per priority: a typo, a changed capital or full stop, "Thanks." added.
        duplicate.priorities.forEach((priority, index) => {
          expect(editDistance(priority.what, source.priorities[index]!.what)).toBeLessThanOrEqual(20);
        });
      }
    }
  });

  it("gives triage state consistent with the status", () => {
    for (const response of sample) {
      const confirmed = response.status === "themed" || response.status === "closed";
      expect(response.excludedReason === null).toBe(response.status !== "excluded");
      for (const priority of response.priorities) {
        expect(priority.confirmedThemeSlugs).toEqual(confirmed ? priority.themeSlugs : []);
        expect(priority.confirmedThemeSlugs.length).toBeLessThanOrEqual(3);
        if (priority.suitableToQuote) expect(confirmed).toBe(true);
      }
      if (response.planted.kind === "spam" || response.planted.kind === "test" || response.planted.kind === "out_of_scope") {
        expect(["new", "excluded"]).toContain(response.status);
      }
    }
    expect(share(sample, (response) => response.priorities.some((priority) => priority.suitableToQuote))).toBeGreaterThan(100);
  });

  it("uses references from the real generator, each once, and avoids references already taken", () => {
    const references = sample.map((response) => response.reference);
    expect(new Set(references).size).toBe(references.length);
    for (const reference of references) expect(parseReference(reference)).toBe(reference);
    expect(references.every((reference) => reference.startsWith("ICCT-"))).toBe(true);

    const first = sample[0]!.reference;
    const [avoiding] = generateDemoData({ ...options, responses: 1, takenReferences: new Set([first]) });
    expect(avoiding!.reference).not.toBe(first);
  });

  it("answers equality questions with the codes the form offers", () => {
    const codes = new Map<string, Set<string>>(equalityQuestions.map((question) => [question.name, new Set(question.options.map((option) => option.code))]));
    for (const { equality } of sample) {
      if (!equality) continue;
      for (const [name, value] of Object.entries(equality)) {
        if (name === "createdAt" || name === "ethnicBackground" || value === null) continue;
        expect(codes.get(name), name).toBeDefined();
        expect(codes.get(name)!.has(value), `${name}: ${value}`).toBe(true);
      }
      if (equality.ethnicBackground !== null) {
        expect(isEthnicGroupCode(equality.ethnicGroup ?? "")).toBe(true);
        const group = ethnicBackgrounds[equality.ethnicGroup as keyof typeof ethnicBackgrounds];
        expect(group.options.map((option) => option.code)).toContain(equality.ethnicBackground);
      }
    }
  });

  it("uses only example.com and example.org email addresses, and NHS numbers in the test range", () => {
    for (const response of sample) {
      if (response.email) expect(response.email).toMatch(/@example\.(com|org)$/);
      for (const detail of response.planted.personalDetails) {
        if (detail.kind === "email") expect(detail.values[0]).toMatch(/@example\.(com|org)$/);
        if (detail.kind === "nhs_number") {
          expect(detail.values[0]!.replace(/\D/g, "")).toMatch(/^999/);
          expect(isValidNhsNumber(detail.values[0]!)).toBe(true);
        }
      }
    }
  });
});

describe("demo data and redaction", () => {
  const larger = generateDemoData({ ...options, seed: 7, responses: 20_000 });

  it("leaves none of the planted personal details once redacted, and reports each one's kind", () => {
    let checked = 0;
    for (const response of larger) {
      for (const detail of response.planted.personalDetails) {
        const text = response.priorities[detail.rank - 1]![detail.field]!;
        const redacted = redactPersonalDetails(text);
        for (const value of detail.values) expect(redacted.text, text).not.toMatch(wholeWords(value, "u"));
        expect(redacted.removed[detail.kind], text).toBeGreaterThanOrEqual(1);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("changes nothing in generated priorities without planted personal details", () => {
    let checked = 0;
    for (const response of larger) {
      response.priorities.forEach((priority) => {
        for (const field of ["what", "why"] as const) {
          const text = priority[field];
          if (text === null || response.planted.personalDetails.some((detail) => detail.rank === priority.rank && detail.field === field)) continue;
          expect(redactPersonalDetails(text).text).toBe(text);
          checked += 1;
        }
      });
    }
    expect(checked).toBeGreaterThan(50_000);
  });
});

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}
