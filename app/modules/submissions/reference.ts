import { randomBytes } from "node:crypto";

/**
 * Response references such as ICCT-7KQ4-2M9X: a campaign prefix, seven random characters and a
 * Luhn mod 32 check character, from an alphabet without 0, O, 1 or I so they can be read aloud
 * and typed back over the phone without confusion. 32^7 (3.4 x 10^10) random values; the unique
 * constraint on submissions.reference catches the rare collision and the caller draws again.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const BASE = REFERENCE_ALPHABET.length;
const RANDOM_CHARACTERS = 7;

export function generateReference(prefix: string, random: (size: number) => Uint8Array = randomBytes): string {
  // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
  const body = Array.from(random(RANDOM_CHARACTERS), (byte) => REFERENCE_ALPHABET[byte & (BASE - 1)]).join("");
  const full = body + checkCharacter(body);
  return `${prefix}-${full.slice(0, 4)}-${full.slice(4)}`;
}

function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    const addend = factor * REFERENCE_ALPHABET.indexOf(body[index]!);
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return REFERENCE_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

/**
 * Tidies a reference as someone typed it (case, spaces, missing dashes) and checks it; returns the
 * canonical form, or null when it cannot be a reference.
 */
export function parseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const match = /^([A-Z]{2,8})([2-9A-Z]{8})$/.exec(compact);
  if (!match) return null;
  const [, prefix, characters] = match as unknown as [string, string, string];
  if ([...characters].some((character) => !REFERENCE_ALPHABET.includes(character))) return null;
  if (checkCharacter(characters.slice(0, RANDOM_CHARACTERS)) !== characters[RANDOM_CHARACTERS]) return null;
  return `${prefix}-${characters.slice(0, 4)}-${characters.slice(4)}`;
}
