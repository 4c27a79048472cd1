import type { Executor } from "~db/client";

import { pseudonymiseAddress, sha256 } from "~/modules/security/pseudonym.server";

export type ThrottleScope = "sign_in" | "two_factor" | "password_reset";

export interface ThrottlePolicy {
  /** Failures allowed per account in the window (OWASP: small). */
  accountLimit: number;
  /** Failures allowed per client address: higher, because a whole office can share one address. */
  clientLimit: number;
  windowMs: number;
}

/**
 * The things a failure counts against: the account (by id, or a hash of the typed address when
 * there is no such account, so unknown and known addresses are treated alike) and the client.
 */
export function throttleSubjects({ account, clientAddress, secret }: { account: string; clientAddress: string; secret: string }): string[] {
  return [`account:${sha256(account.toLowerCase())}`, `client:${pseudonymiseAddress(clientAddress, secret)}`];
}

export async function isThrottled(db: Executor, scope: ThrottleScope, subjects: string[], now: Date, policy: ThrottlePolicy): Promise<boolean> {
  const since = new Date(now.getTime() - policy.windowMs).toISOString();
  const rows = await db
    .selectFrom("auth_failures")
    .select(["subject", (eb) => eb.fn.countAll<number>().as("failures")])
    .where("scope", "=", scope)
    .where("subject", "in", subjects)
    .where("at", ">", since)
    .groupBy("subject")
    .execute();
  return rows.some((row) => Number(row.failures) >= (row.subject.startsWith("account:") ? policy.accountLimit : policy.clientLimit));
}

export async function recordFailure(db: Executor, scope: ThrottleScope, subjects: string[], now: Date): Promise<void> {
  await db
    .insertInto("auth_failures")
    .values(subjects.map((subject) => ({ scope, subject, at: now.toISOString() })))
    .execute();
}

/** After a success, the account's count starts again; the client's does not. */
export async function clearAccountFailures(db: Executor, scope: ThrottleScope, subjects: string[]): Promise<void> {
  const accountSubjects = subjects.filter((subject) => subject.startsWith("account:"));
  if (accountSubjects.length === 0) return;
  await db.deleteFrom("auth_failures").where("scope", "=", scope).where("subject", "in", accountSubjects).execute();
}

export async function purgeOldFailures(db: Executor, now: Date, policy: ThrottlePolicy): Promise<void> {
  await db.deleteFrom("auth_failures").where("at", "<=", new Date(now.getTime() - policy.windowMs).toISOString()).execute();
}
