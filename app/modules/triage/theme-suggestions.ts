import { phrasePattern } from "./phrase-pattern";

export interface ThemeKeywords {
  id: number;
  name: string;
  slug: string;
  keywords: readonly string[];
}

// Compiling a Unicode pattern per keyword per page view was a visible share of the response page's
// time. Keywords change only when an admin edits the taxonomy, so the compiled patterns are kept.
const keywordPatterns = new Map<string, RegExp>();

function keywordPattern(keyword: string): RegExp {
  let pattern = keywordPatterns.get(keyword);
  if (!pattern) {
    pattern = phrasePattern(keyword, { wholeWord: false });
    keywordPatterns.set(keyword, pattern);
  }
  return pattern;
}

/**
 * Themes whose keywords appear in the text (whole words, any case; a keyword may be the start of a
 * word, so "coordinat" finds "coordination"), most matches first. Suggestions only: a lead confirms.
 */
export function suggestThemes(text: string, themes: readonly ThemeKeywords[]): { id: number; name: string; slug: string }[] {
  const scored = themes
    .map((theme) => ({
      theme,
      score: theme.keywords.filter((keyword) => keywordPattern(keyword).test(text)).length,
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.map(({ theme }) => ({ id: theme.id, name: theme.name, slug: theme.slug }));
}
