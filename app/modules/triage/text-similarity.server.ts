import * as crypto from "node:crypto";

/**
 * Duplicate detection for responses. Exact duplicates share a fingerprint (a hash of the
 * normalised text). Near duplicates ("the same text with small edits") are found in two stages:
 * each response keeps a bottom-k sketch (the k smallest hashes of its word 3-shingles), indexed, so
 * responses sharing several sketch values are found cheaply; word-shingle similarity confirms them.
 */

export const SKETCH_SIZE = 8;
/** Candidates must share at least this many sketch values: near duplicates share most of theirs. */
export const SKETCH_MIN_SHARED = 2;
const NEAR_DUPLICATE_MIN_SIMILARITY = 0.6;

const NON_ASCII = /[^\x00-\x7f]/;

// crypto.hash (Node 20.12 and later) is several times faster than createHash for short strings,
// and gives the same digest; stored fingerprints and sketches must not change.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "hex") : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** Lower case, letters and digits only, single spaces: what is left when typing noise is removed. */
function normaliseForComparison(text: string): string {
  // Plain ASCII (most answers) is already decomposed and has no accents to strip.
  const decomposed = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  return decomposed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A response's texts made ready to compare: normalised and cut into word 3-shingles once. */
export interface ComparableText {
  shingles: ReadonlySet<string>;
}

export function comparableText(texts: readonly string[]): ComparableText {
  return { shingles: shinglesOf(normaliseForComparison(texts.join(" "))) };
}

function shinglesOf(normalised: string): Set<string> {
  const words = normalised === "" ? [] : normalised.split(" ");
  if (words.length < 3) return new Set(words);
  const result = new Set<string>();
  for (let index = 0; index + 2 < words.length; index += 1) result.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
  return result;
}

export function fingerprint(texts: readonly string[]): string | null {
  const normalised = normaliseForComparison(texts.join(" "));
  if (normalised.length < 20) return null;
  return sha256Hex(normalised).slice(0, 32);
}

/** The k smallest 31-bit hashes of the word shingles; empty for texts too short to compare. */
export function textSketch({ shingles }: ComparableText): number[] {
  if (shingles.size < 4) return [];
  const hashes = [...shingles].map((shingle) => Number.parseInt(sha256Hex(shingle).slice(0, 8), 16) >>> 1);
  return [...new Set(hashes)].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Jaccard similarity of word 3-shingles, 0..1. */
export function textSimilarity(a: ComparableText, b: ComparableText): number {
  const [smaller, larger] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const shingle of smaller) if (larger.has(shingle)) shared += 1;
  return shared / (smaller.size + larger.size - shared);
}

export function isNearDuplicate(a: ComparableText, b: ComparableText): boolean {
  const smaller = Math.min(a.shingles.size, b.shingles.size);
  const larger = Math.max(a.shingles.size, b.shingles.size);
  // Similarity is at most smaller / larger, so texts of very different lengths need no comparing.
  if (smaller < NEAR_DUPLICATE_MIN_SIMILARITY * larger) return false;
  return textSimilarity(a, b) >= NEAR_DUPLICATE_MIN_SIMILARITY;
}
