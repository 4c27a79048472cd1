import type { Executor } from "~db/client";
import type { UserTokenPurpose } from "~db/schema";

import { randomToken, sha256 } from "~/modules/security/pseudonym.server";

export const tokenLifetimesMs: Record<UserTokenPurpose, number> = {
  invite: 48 * 60 * 60 * 1000,
  password_reset: 30 * 60 * 1000,
};

/** A single-use link token. Only its hash is stored; earlier unused tokens for the same purpose stop working. */
export async function issueUserToken(db: Executor, { userId, purpose, now }: { userId: number; purpose: UserTokenPurpose; now: Date }): Promise<string> {
  const token = randomToken(32);
  await db
    .updateTable("user_tokens")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("user_tokens")
    .values({
      user_id: userId,
      purpose,
      token_hash: sha256(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + tokenLifetimesMs[purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The user a token belongs to, if it is unused and unexpired; does not use it up. */
export async function peekUserToken(db: Executor, { token, purpose, now }: { token: string; purpose: UserTokenPurpose; now: Date }): Promise<number | null> {
  const row = await db
    .selectFrom("user_tokens")
    .select("user_id")
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Uses the token up, atomically: of two concurrent uses, one wins. */
export async function consumeUserToken(db: Executor, { token, purpose, now }: { token: string; purpose: UserTokenPurpose; now: Date }): Promise<number | null> {
  const row = await db
    .updateTable("user_tokens")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id ?? null;
}
