/** Private-use characters around matched words in search snippets, turned into <mark> when rendered. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

/** Splits a snippet into plain and highlighted parts for rendering. */
export function snippetParts(snippet: string): { text: string; highlighted: boolean }[] {
  const parts: { text: string; highlighted: boolean }[] = [];
  for (const piece of snippet.split(HIGHLIGHT_START)) {
    const [highlighted, rest] = piece.includes(HIGHLIGHT_END) ? piece.split(HIGHLIGHT_END) : [null, piece];
    if (highlighted) parts.push({ text: highlighted, highlighted: true });
    if (rest) parts.push({ text: rest, highlighted: false });
  }
  return parts;
}
