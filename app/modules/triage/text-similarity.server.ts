import { createHash } from "node:crypto";

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

/** Lower case, letters and digits only, single spaces: what is left when typing noise is removed. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function fingerprint(texts: readonly string[]): string | null {
  const normalised = normaliseForComparison(texts.join(" "));
  if (normalised.length < 20) return null;
  return createHash("sha256").update(normalised).digest("hex").slice(0, 32);
}

function shingles(texts: readonly string[]): Set<string> {
  const words = normaliseForComparison(texts.join(" ")).split(" ").filter(Boolean);
  if (words.length < 3) return new Set(words);
  const result = new Set<string>();
  for (let index = 0; index + 2 < words.length; index += 1) result.add(words.slice(index, index + 3).join(" "));
  return result;
}

/** The k smallest 31-bit hashes of the word shingles; empty for texts too short to compare. */
export function textSketch(texts: readonly string[]): number[] {
  const set = shingles(texts);
  if (set.size < 4) return [];
  const hashes = [...set].map((shingle) => createHash("sha256").update(shingle).digest().readUInt32BE(0) >>> 1);
  return [...new Set(hashes)].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Jaccard similarity of word 3-shingles, 0..1. */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = shingles(a);
  const right = shingles(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export function isNearDuplicate(a: readonly string[], b: readonly string[]): boolean {
  return textSimilarity(a, b) >= NEAR_DUPLICATE_MIN_SIMILARITY;
}
