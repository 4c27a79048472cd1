// Control characters other than tab and newline, plus the Unicode line/paragraph separators,
// which some phones insert and which break CSV and email rendering downstream.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;
const LINE_BREAKS = /\r\n?|\n/g;

const graphemes = new Intl.Segmenter("en-GB", { granularity: "grapheme" });

/** Multi-line text as people type it: NFC, Unix line ends, no control characters, trimmed. */
export function normaliseText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value.normalize("NFC").replace(LINE_BREAKS, "\n").replace(CONTROL_CHARACTERS, "").trim();
}

/** Single-line text (names, email addresses): as normaliseText, with every whitespace run as one space. */
export function normaliseLine(value: unknown): string {
  return normaliseText(value).replace(/\s+/g, " ");
}

/** Characters as a person counts them: "é" or a flag emoji is one, whatever its code units. */
export function countCharacters(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) count += 1;
  return count;
}

/**
 * True when the text has at most `max` characters. A string never has more characters than UTF-16
 * code units, so short strings are answered without segmenting them.
 */
export function isWithinCharacterLimit(value: string, max: number): boolean {
  return value.length <= max || countCharacters(value) <= max;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}
