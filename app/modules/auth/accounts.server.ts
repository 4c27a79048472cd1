import type { DB } from "~db/client";
import { isUniqueViolation } from "~db/errors";
import type { Role } from "~db/schema";

import { recordAudit, type Actor } from "~/modules/audit/audit-log.server";
import { enqueueEmail } from "~/modules/mail/outbox.server";

import { hashPassword, passwordProblem, verifyPassword } from "./password.server";
import type { SecretBox } from "./secret-box.server";
import { createSession, deleteSession, deleteUserSessions, type SessionPolicy } from "./sessions.server";
import { preparePendingTotp } from "./sign-in.server";
import { isThrottled, recordFailure, throttleSubjects, type ThrottlePolicy } from "./throttle.server";
import { consumeUserToken, issueUserToken, peekUserToken, tokenLifetimesMs } from "./tokens.server";
import { countActiveAdmins, createUser, findUserByEmail, findUserById, normaliseEmail, updateUser } from "./users.server";

export interface AccountEnvironment {
  db: DB;
  now: Date;
  publicUrl: URL;
  secret: string;
  secretBox: SecretBox;
  policy: SessionPolicy;
  throttle: ThrottlePolicy;
  clientAddress: string;
  userAgent: string | null;
}


function link(env: AccountEnvironment, path: string): string {
  return new URL(path, env.publicUrl).href;
}

export type InviteResult = { kind: "invited"; userId: number; inviteLink: string } | { kind: "email-taken" };

/**
 * Creates an account without a password and a single-use invite link (48 hours), sent through the
 * outbox. The person sets a password and enrols two-factor when they open it.
 */
export async function inviteUser(
  env: AccountEnvironment,
  { email, name, role, invitedBy, sendEmail = true }: { email: string; name: string; role: Role; invitedBy: Actor | null; sendEmail?: boolean },
): Promise<InviteResult> {
  try {
    return await env.db.transaction().execute(async (trx) => {
      const userId = await createUser(trx, { email, name, role, now: env.now });
      const token = await issueUserToken(trx, { userId, purpose: "invite", now: env.now });
      const inviteLink = link(env, `/staff/invite/${token}`);
      if (sendEmail) {
        await enqueueEmail(trx, {
          template: "staff-invite",
          recipient: normaliseEmail(email),
          payload: { name, link: inviteLink, expiresAt: new Date(env.now.getTime() + tokenLifetimesMs.invite).toISOString() },
          messageIdDomain: env.publicUrl.hostname,
          now: env.now,
        });
      }
      await recordAudit(trx, { action: "user.invited", actor: invitedBy, target: { type: "user", id: userId }, clientAddress: env.clientAddress, details: { role }, at: env.now });
      return { kind: "invited" as const, userId, inviteLink };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users", "email")) return { kind: "email-taken" };
    throw error;
  }
}

export async function resendInvite(env: AccountEnvironment, userId: number, by: Actor): Promise<boolean> {
  const user = await findUserById(env.db, userId);
  if (!user || user.password_hash || user.disabled_at) return false;
  await env.db.transaction().execute(async (trx) => {
    const token = await issueUserToken(trx, { userId, purpose: "invite", now: env.now });
    await enqueueEmail(trx, {
      template: "staff-invite",
      recipient: user.email,
      payload: { name: user.name, link: link(env, `/staff/invite/${token}`), expiresAt: new Date(env.now.getTime() + tokenLifetimesMs.invite).toISOString() },
      messageIdDomain: env.publicUrl.hostname,
      now: env.now,
    });
    await recordAudit(trx, { action: "user.invite_resent", actor: by, target: { type: "user", id: userId }, clientAddress: env.clientAddress, at: env.now });
  });
  return true;
}

export async function describeInvite(env: Pick<AccountEnvironment, "db" | "now">, token: string): Promise<{ name: string; email: string } | null> {
  const userId = await peekUserToken(env.db, { token, purpose: "invite", now: env.now });
  const user = userId ? await findUserById(env.db, userId) : undefined;
  return user && !user.disabled_at ? { name: user.name, email: user.email } : null;
}

export type SetPasswordResult = { kind: "invalid-link" } | { kind: "weak-password"; message: string } | { kind: "done"; sessionToken: string | null };

/** Opening an invite: set a password, then go straight on to setting up two-factor. */
export async function acceptInvite(env: AccountEnvironment, { token, password }: { token: string; password: string }): Promise<SetPasswordResult> {
  const invited = await describeInvite(env, token);
  if (!invited) return { kind: "invalid-link" };
  const problem = passwordProblem(password, { email: invited.email, name: invited.name });
  if (problem) return { kind: "weak-password", message: problem };
  const passwordHash = await hashPassword(password);
  return env.db.transaction().execute(async (trx) => {
    const userId = await consumeUserToken(trx, { token, purpose: "invite", now: env.now });
    if (!userId) return { kind: "invalid-link" as const };
    await updateUser(trx, userId, { password_hash: passwordHash, password_changed_at: env.now.toISOString() }, env.now);
    await preparePendingTotp({ db: trx, secretBox: env.secretBox, now: env.now }, userId);
    await recordAudit(trx, { action: "auth.invite_accepted", actor: { id: userId, email: invited.email }, target: { type: "user", id: userId }, clientAddress: env.clientAddress, at: env.now });
    const sessionToken = await createSession(trx, { userId, stage: "enrol", now: env.now, policy: env.policy, clientAddress: env.clientAddress, userAgent: env.userAgent });
    return { kind: "done" as const, sessionToken };
  });
}

/**
 * "Forgot your password": the same answer whether or not the address has an account. Links are
 * sent only to enabled accounts that have a password, and not more than the throttle allows.
 */
export async function requestPasswordReset(env: AccountEnvironment, email: string): Promise<void> {
  const user = await findUserByEmail(env.db, email);
  const subjects = throttleSubjects({ account: user ? `user:${user.id}` : `email:${email}`, clientAddress: env.clientAddress, secret: env.secret });
  if (await isThrottled(env.db, "password_reset", subjects, env.now, env.throttle)) {
    await recordAudit(env.db, { action: "auth.throttled", target: user ? { type: "user", id: user.id } : null, clientAddress: env.clientAddress, details: { scope: "password_reset" }, at: env.now });
    return;
  }
  await env.db.transaction().execute(async (trx) => {
    // Every request counts towards the limit, so the reset form cannot be used to flood an inbox.
    await recordFailure(trx, "password_reset", subjects, env.now);
    if (!user || user.disabled_at || !user.password_hash) return;
    const token = await issueUserToken(trx, { userId: user.id, purpose: "password_reset", now: env.now });
    await enqueueEmail(trx, {
      template: "password-reset",
      recipient: user.email,
      payload: { name: user.name, link: link(env, `/staff/reset-password/${token}`), expiresAt: new Date(env.now.getTime() + tokenLifetimesMs.password_reset).toISOString() },
      messageIdDomain: env.publicUrl.hostname,
      now: env.now,
    });
    await recordAudit(trx, { action: "auth.password_reset_requested", target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
  });
}

export async function describeResetLink(env: Pick<AccountEnvironment, "db" | "now">, token: string): Promise<boolean> {
  return (await peekUserToken(env.db, { token, purpose: "password_reset", now: env.now })) !== null;
}

/** Sets a new password from a reset link and ends every session the account had. */
export async function resetPassword(env: AccountEnvironment, { token, password }: { token: string; password: string }): Promise<SetPasswordResult> {
  const userId = await peekUserToken(env.db, { token, purpose: "password_reset", now: env.now });
  const user = userId ? await findUserById(env.db, userId) : undefined;
  if (!user || user.disabled_at) return { kind: "invalid-link" };
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) return { kind: "weak-password", message: problem };
  const passwordHash = await hashPassword(password);
  return env.db.transaction().execute(async (trx) => {
    if (!(await consumeUserToken(trx, { token, purpose: "password_reset", now: env.now }))) return { kind: "invalid-link" as const };
    await updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: env.now.toISOString() }, env.now);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { action: "auth.password_reset", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
    return { kind: "done" as const, sessionToken: null };
  });
}

export type ChangePasswordResult = { kind: "wrong-password" } | { kind: "weak-password"; message: string } | { kind: "changed" };

/** Changing a password while signed in ends the account's other sessions. */
export async function changePassword(
  env: AccountEnvironment,
  { userId, currentSessionId, currentPassword, newPassword }: { userId: number; currentSessionId: string; currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const user = await findUserById(env.db, userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) return { kind: "wrong-password" };
  const problem = passwordProblem(newPassword, { email: user.email, name: user.name });
  if (problem) return { kind: "weak-password", message: problem };
  const passwordHash = await hashPassword(newPassword);
  await env.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: env.now.toISOString() }, env.now);
    await trx.deleteFrom("user_sessions").where("user_id", "=", user.id).where("id", "!=", currentSessionId).execute();
    await recordAudit(trx, { action: "auth.password_changed", actor: user, target: { type: "user", id: user.id }, clientAddress: env.clientAddress, at: env.now });
  });
  return { kind: "changed" };
}

export type AdminChange =
  | { kind: "role"; role: Role }
  | { kind: "disable" }
  | { kind: "enable" }
  | { kind: "reset-two-factor" }
  | { kind: "revoke-session"; sessionId: string };

export type AdminChangeResult = { kind: "done" } | { kind: "not-found" } | { kind: "refused"; message: string };

/** An admin's change to someone's account. The last enabled admin cannot be demoted or disabled. */
export async function changeAccount(env: AccountEnvironment, { userId, change, by }: { userId: number; change: AdminChange; by: Actor | null }): Promise<AdminChangeResult> {
  const user = await findUserById(env.db, userId);
  if (!user) return { kind: "not-found" };
  const losesAdmin = user.role === "admin" && !user.disabled_at && ((change.kind === "role" && change.role !== "admin") || change.kind === "disable");
  if (losesAdmin && (await countActiveAdmins(env.db)) <= 1) {
    return { kind: "refused", message: "There must always be at least one enabled admin" };
  }
  await env.db.transaction().execute(async (trx) => {
    const target = { type: "user", id: userId };
    switch (change.kind) {
      case "role":
        await updateUser(trx, userId, { role: change.role }, env.now);
        await recordAudit(trx, { action: "user.role_changed", actor: by, target, clientAddress: env.clientAddress, details: { from: user.role, to: change.role }, at: env.now });
        break;
      case "disable":
        await updateUser(trx, userId, { disabled_at: env.now.toISOString() }, env.now);
        await deleteUserSessions(trx, userId);
        await recordAudit(trx, { action: "user.disabled", actor: by, target, clientAddress: env.clientAddress, at: env.now });
        break;
      case "enable":
        await updateUser(trx, userId, { disabled_at: null }, env.now);
        await recordAudit(trx, { action: "user.enabled", actor: by, target, clientAddress: env.clientAddress, at: env.now });
        break;
      case "reset-two-factor":
        await updateUser(trx, userId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null }, env.now);
        await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
        await deleteUserSessions(trx, userId);
        await recordAudit(trx, { action: "user.two_factor_reset", actor: by, target, clientAddress: env.clientAddress, at: env.now });
        break;
      case "revoke-session": {
        await trx.deleteFrom("user_sessions").where("id", "=", change.sessionId).where("user_id", "=", userId).execute();
        await recordAudit(trx, { action: "user.session_revoked", actor: by, target, clientAddress: env.clientAddress, at: env.now });
        break;
      }
    }
  });
  return { kind: "done" };
}

export async function signOut(env: Pick<AccountEnvironment, "db" | "now" | "clientAddress">, session: { id: string; user: Actor }, everywhere: boolean): Promise<void> {
  await env.db.transaction().execute(async (trx) => {
    if (everywhere) await deleteUserSessions(trx, session.user.id);
    else await deleteSession(trx, session.id);
    await recordAudit(trx, {
      action: everywhere ? "auth.sign_out_everywhere" : "auth.sign_out",
      actor: session.user,
      target: { type: "user", id: session.user.id },
      clientAddress: env.clientAddress,
      at: env.now,
    });
  });
}

/** For the CLI: sets a password directly (read from stdin), without an invite link. */
export async function setPasswordDirectly(env: AccountEnvironment, { email, password }: { email: string; password: string }): Promise<string | null> {
  const user = await findUserByEmail(env.db, email);
  if (!user) return "No account with that email address";
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) return problem;
  await updateUser(env.db, user.id, { password_hash: await hashPassword(password), password_changed_at: env.now.toISOString() }, env.now);
  return null;
}

