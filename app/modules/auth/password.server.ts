import { dictionary } from "@zxcvbn-ts/language-common";
import argon2 from "argon2";

import { countCharacters } from "~/modules/forms/text";

import { PASSWORD_MAX_CHARACTERS, PASSWORD_MIN_CHARACTERS } from "./password-limits";

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 degree of parallelism. */
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const commonPasswords = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
const serviceWords = new Set(["improvingcancercaretogether", "improvingcancercare", "cancercaretogether", "cheshireandmerseyside", "cheshireandmerseysidecanceralliance"]);

/** NIST 800-63B / OWASP ASVS 2.1: length limits and a list of common passwords, no composition rules. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = countCharacters(password);
  if (length < PASSWORD_MIN_CHARACTERS) return `Password must be ${PASSWORD_MIN_CHARACTERS} characters or more`;
  if (length > PASSWORD_MAX_CHARACTERS) return `Password must be ${PASSWORD_MAX_CHARACTERS} characters or less`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[\d\W_]+$/, ""))) {
    return "This password is too common. Choose a different password";
  }
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return "Password must not contain your email address";
  if (serviceWords.has(lower.replace(/[^a-z]/g, ""))) return "Password must not be the name of this service";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash used weaker parameters than today's, so it is rehashed at sign-in. */
export function passwordNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, hashOptions);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as checking a real password, so the response to an unknown email address
 * cannot be told apart by timing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not a real account, only for equal timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
