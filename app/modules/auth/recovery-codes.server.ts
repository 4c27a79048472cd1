import { randomBytes } from "node:crypto";

import type { Executor } from "~db/client";

import { keyedHash } from "~/modules/security/pseudonym.server";
import { REFERENCE_ALPHABET } from "~/modules/submissions/reference";

const CODE_COUNT = 10;

function newCode(): string {
  const characters = Array.from(randomBytes(10), (byte) => REFERENCE_ALPHABET[byte & 31]).join("");
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

function hashCode(code: string, secret: string): string {
  return keyedHash(`recovery-code:${code.toUpperCase().replace(/[^0-9A-Z]/g, "")}`, secret);
}

/** Replaces a user's recovery codes with ten new ones (50 bits each), returned once and stored as keyed hashes. */
export async function replaceRecoveryCodes(db: Executor, userId: number, secret: string): Promise<string[]> {
  const codes = Array.from({ length: CODE_COUNT }, newCode);
  await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  await db
    .insertInto("user_recovery_codes")
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashCode(code, secret), used_at: null })))
    .execute();
  return codes;
}

/** Uses up one recovery code; false when it is wrong or already used. */
export async function useRecoveryCode(db: Executor, { userId, code, secret, now }: { userId: number; code: string; secret: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable("user_recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashCode(code, secret))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("user_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
