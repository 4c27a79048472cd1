function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A case-insensitive pattern for a phrase that starts a word, with any run of spaces or
 * punctuation between its words ("joined up" finds "joined-up"). With `wholeWord` it must also end
 * one; without, it may be the start of a longer word ("coordinat" finds "coordination").
 */
export function phrasePattern(phrase: string, { wholeWord }: { wholeWord: boolean }): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp).join("[\\s\\p{P}]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}${wholeWord ? "(?![\\p{L}\\p{N}])" : ""}`, "iu");
}
