export interface ThemeKeywords {
  id: number;
  name: string;
  slug: string;
  keywords: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Themes whose keywords appear in the text (whole words, any case; a keyword may be the start of a
 * word, so "coordinat" finds "coordination"), most matches first. Suggestions only: a lead confirms.
 */
export function suggestThemes(text: string, themes: readonly ThemeKeywords[]): { id: number; name: string; slug: string }[] {
  const scored = themes
    .map((theme) => ({
      theme,
      score: theme.keywords.filter((keyword) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}`, "iu").test(text)).length,
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.map(({ theme }) => ({ id: theme.id, name: theme.name, slug: theme.slug }));
}
