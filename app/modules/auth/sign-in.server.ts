import type { DB, Executor } from "~db/client";
import type { SessionStage } from "~db/schema";

import { recordAudit } from "~/modules/audit/audit-log.server";

import { hashPassword, passwordNeedsRehash, verifyAgainstDummy, verifyPassword } from "./password.server";
import { useRecoveryCode } from "./recovery-codes.server";
import type { SecretBox } from "./secret-box.server";
import { createSession, deleteSession, type SessionPolicy, type StaffSession } from "./sessions.server";
import { clearAccountFailures, isThrottled, recordFailure, throttleSubjects, type ThrottlePolicy, type ThrottleScope } from "./throttle.server";
import { generateTotpSecret, verifyTotp } from "./totp.server";
import { findUserByEmail, findUserById, updateUser } from "./users.server";

export interface AuthEnvironment {
  db: DB;
  now: Date;
  policy: SessionPolicy;
  secretBox: SecretBox;
  /** For pseudonymising client addresses and keying recovery codes. */
  secret: string;
  throttle: ThrottlePolicy;
  clientAddress: string;
  userAgent: string | null;
}

export type SignInResult =
  | { kind: "throttled" }
  | { kind: "invalid" }
  | { kind: "signed-in"; token: string; stage: SessionStage };

/** Starts enrolment: a new pending TOTP secret, sealed, replacing any unconfirmed one. */
export async function preparePendingTotp(env: { db: Executor; secretBox: SecretBox; now: Date }, userId: number): Promise<void> {
  await updateUser(env.db, userId, { totp_secret: env.secretBox.seal(generateTotpSecret()), totp_enabled_at: null, totp_last_step: null }, env.now);
}

async function throttled(env: AuthEnvironment, scope: ThrottleScope, subjects: string[], userId: number | null): Promise<boolean> {
  if (!(await isThrottled(env.db, scope, subjects, env.now, env.throttle))) return false;
  await recordAudit(env.db, {
    action: "auth.throttled",
    target: userId ? { type: "user", id: userId } : null,
    clientAddress: env.clientAddress,
    details: { scope },
    at: env.now,
  });
  return true;
}

/**
 * Email and password. The same answer, taking the same time, whether the account does not exist,
 * is disabled, has no password yet, or the password is wrong.
 */
export async function signInWithPassword(env: AuthEnvironment, { email, password }: { email: string; password: string }): Promise<SignInResult> {
  const user = await findUserByEmail(env.db, email);
  const subjects = throttleSubjects({ account: user ? `user:${user.id}` : `email:${email}`, clientAddress: env.clientAddress, secret: env.secret });
  if (await throttled(env, "sign_in", subjects, user?.id ?? null)) return { kind: "throttled" };

  const usable = user && !user.disabled_at && user.password_hash;
  const valid = usable ? await verifyPassword(user.password_hash!, password) : await verifyAgainstDummy(password);
  if (!user || !usable || !valid) {
    await env.db.transaction().execute(async (trx) => {
      await recordFailure(trx, "sign_in", subjects, env.now);
      await recordAudit(trx, {
        action: "auth.sign_in_failed",
        target: user ? { type: "user", id: user.id } : null,
        clientAddress: env.clientAddress,
        details: { reason: !user ? "unknown_account" : user.disabled_at ? "disabled" : !user.password_hash ? "no_password" : "wrong_password" },
        at: env.now,
      });
    });
    return { kind: "invalid" };
  }

  const rehashed = passwordNeedsRehash(user.password_hash!) ? await hashPassword(password) : null;
  const stage: SessionStage = user.totp_enabled_at ? "two_factor" : "enrol";
  const token = await env.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, "sign_in", subjects);
    if (rehashed) await updateUser(trx, user.id, { password_hash: rehashed }, env.now);
    if (stage === "enrol" && !user.totp_secret) await preparePendingTotp({ ...env, db: trx }, user.id);
    await recordAudit(trx, { action: "auth.password_accepted", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
    return createSession(trx, { userId: user.id, stage, now: env.now, policy: env.policy, clientAddress: env.clientAddress, userAgent: env.userAgent });
  });
  return { kind: "signed-in", token, stage };
}

export type SecondFactorResult = { kind: "throttled" } | { kind: "invalid" } | { kind: "signed-in"; token: string };

/**
 * The second step: a code from the authenticator app (each time step usable once) or a one-time
 * recovery code. Success replaces the half-signed-in session with a new one (new id).
 */
export async function completeSignIn(env: AuthEnvironment, session: StaffSession, code: string): Promise<SecondFactorResult> {
  const user = await findUserById(env.db, session.user.id);
  if (!user?.totp_secret || !user.totp_enabled_at) return { kind: "invalid" };
  const subjects = throttleSubjects({ account: `user:${user.id}`, clientAddress: env.clientAddress, secret: env.secret });
  if (await throttled(env, "two_factor", subjects, user.id)) return { kind: "throttled" };

  const step = verifyTotp(env.secretBox.open(user.totp_secret), code, env.now, user.totp_last_step);
  const usedRecoveryCode = step === null && code.replace(/\s/g, "").length > 6 && (await useRecoveryCode(env.db, { userId: user.id, code, secret: env.secret, now: env.now }));
  if (step === null && !usedRecoveryCode) {
    await env.db.transaction().execute(async (trx) => {
      await recordFailure(trx, "two_factor", subjects, env.now);
      await recordAudit(trx, { action: "auth.two_factor_failed", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
    });
    return { kind: "invalid" };
  }
  const token = await env.db.transaction().execute(async (trx) => {
    // Two requests carrying the same code can both pass the check above; only one claims the step.
    if (step !== null && !(await claimTotpStep(trx, user.id, step))) return null;
    await clearAccountFailures(trx, "two_factor", subjects);
    if (usedRecoveryCode) {
      await recordAudit(trx, { action: "auth.recovery_code_used", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
    }
    await updateUser(trx, user.id, { last_sign_in_at: env.now.toISOString() }, env.now);
    await recordAudit(trx, {
      action: "auth.sign_in",
      actor: user,
      target: { type: "user", id: user.id },
      clientAddress: env.clientAddress,
      details: { method: usedRecoveryCode ? "recovery_code" : "totp" },
      at: env.now,
    });
    return activate(trx, env, session);
  });
  return token ? { kind: "signed-in", token } : { kind: "invalid" };
}

async function claimTotpStep(trx: Executor, userId: number, step: number): Promise<boolean> {
  const result = await trx
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a session with a fully signed-in one under a new id (no session fixation). */
async function activate(trx: Executor, env: AuthEnvironment, session: StaffSession): Promise<string> {
  await deleteSession(trx, session.id);
  return createSession(trx, { userId: session.user.id, stage: "active", now: env.now, policy: env.policy, clientAddress: env.clientAddress, userAgent: env.userAgent });
}

export type EnrolResult = { kind: "invalid" } | { kind: "enrolled"; token: string };

/** Confirms the authenticator app with a first code, turns two-factor on and signs the person in. */
export async function confirmEnrolment(env: AuthEnvironment, session: StaffSession, code: string): Promise<EnrolResult> {
  const user = await findUserById(env.db, session.user.id);
  if (!user?.totp_secret) return { kind: "invalid" };
  const step = verifyTotp(env.secretBox.open(user.totp_secret), code, env.now, null);
  if (step === null) {
    await recordAudit(env.db, { action: "auth.two_factor_failed", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, details: { during: "enrolment" }, at: env.now });
    return { kind: "invalid" };
  }
  return env.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { totp_enabled_at: env.now.toISOString(), totp_last_step: step, last_sign_in_at: env.now.toISOString() }, env.now);
    await recordAudit(trx, { action: "auth.two_factor_enrolled", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
    await recordAudit(trx, { action: "auth.sign_in", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, details: { method: "enrolment" }, at: env.now });
    return { kind: "enrolled" as const, token: await activate(trx, env, session) };
  });
}
