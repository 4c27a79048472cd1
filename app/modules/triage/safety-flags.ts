import type { FlagKind } from "~db/schema";

import { phrasePattern } from "./phrase-pattern";

export interface SafetyPhrase {
  phrase: string;
  kind: FlagKind;
}

export interface FlagMatch {
  kind: FlagKind;
  phrase: string;
}

/**
 * Builds a matcher for the maintained list of phrases: case-insensitive, on word boundaries, with
 * any run of spaces or punctuation between words of a phrase. One match per kind is enough to flag.
 */
export function createFlagMatcher(phrases: readonly SafetyPhrase[]): (texts: readonly string[]) => FlagMatch[] {
  const compiled = phrases.map(({ phrase, kind }) => ({
    kind,
    phrase,
    pattern: phrasePattern(phrase, { wholeWord: true }),
  }));
  return (texts) => {
    const text = texts.join("\n");
    const found = new Map<FlagKind, string>();
    for (const { kind, phrase, pattern } of compiled) {
      if (!found.has(kind) && pattern.test(text)) found.set(kind, phrase);
    }
    return [...found].map(([kind, phrase]) => ({ kind, phrase }));
  };
}
