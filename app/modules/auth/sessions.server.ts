import type { Executor } from "~db/client";
import type { Role, SessionStage } from "~db/schema";

import { randomToken, sha256 } from "~/modules/security/pseudonym.server";

export interface SessionPolicy {
  /** Signed out after this long without a request. */
  idleMs: number;
  /** Signed out this long after signing in, however active. */
  absoluteMs: number;
}

/** A half-finished sign-in (password accepted, code still needed) lasts only this long. */
const PENDING_STAGE_MS = 15 * 60 * 1000;
/** last_seen_at is refreshed at most this often, to spare the single writer. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
}

export interface StaffSession {
  id: string;
  stage: SessionStage;
  user: StaffUser;
  createdAt: string;
}

export async function createSession(
  db: Executor,
  {
    userId,
    stage,
    now,
    policy,
    clientAddress,
    userAgent,
  }: { userId: number; stage: SessionStage; now: Date; policy: SessionPolicy; clientAddress: string; userAgent: string | null },
): Promise<string> {
  const token = randomToken(32);
  const lifetime = stage === "active" ? policy.absoluteMs : PENDING_STAGE_MS;
  await db
    .insertInto("user_sessions")
    .values({
      id: sha256(token),
      user_id: userId,
      stage,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetime).toISOString(),
      client_address: clientAddress,
      user_agent: userAgent?.slice(0, 200) ?? null,
    })
    .execute();
  return token;
}

/** The session for a cookie's token, if it is live and its user is still enabled. */
export async function findSession(db: Executor, token: string, now: Date, policy: SessionPolicy): Promise<StaffSession | null> {
  const row = await db
    .selectFrom("user_sessions")
    .innerJoin("users", "users.id", "user_sessions.user_id")
    .select([
      "user_sessions.id",
      "user_sessions.stage",
      "user_sessions.created_at",
      "user_sessions.last_seen_at",
      "user_sessions.expires_at",
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.role",
      "users.totp_enabled_at",
      "users.disabled_at",
    ])
    .where("user_sessions.id", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const nowMs = now.getTime();
  if (Date.parse(row.expires_at) <= nowMs) return null;
  if (row.stage === "active" && nowMs - Date.parse(row.last_seen_at) >= policy.idleMs) return null;
  if (row.stage === "active" && nowMs - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    await db.updateTable("user_sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return {
    id: row.id,
    stage: row.stage,
    createdAt: row.created_at,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role, totpEnabled: Boolean(row.totp_enabled_at) },
  };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom("user_sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of a user (sign out everywhere, disabling, password reset). */
export async function deleteUserSessions(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom("user_sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  clientAddress: string | null;
}

export async function listActiveSessions(db: Executor, userId: number, now: Date, policy: SessionPolicy): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom("user_sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent", "client_address"])
    .where("user_id", "=", userId)
    .where("stage", "=", "active")
    .where("expires_at", ">", now.toISOString())
    .where("last_seen_at", ">", new Date(now.getTime() - policy.idleMs).toISOString())
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
    clientAddress: row.client_address,
  }));
}

export async function purgeExpiredSessions(db: Executor, now: Date, policy: SessionPolicy): Promise<number> {
  const result = await db
    .deleteFrom("user_sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        eb("last_seen_at", "<=", new Date(now.getTime() - Math.max(policy.idleMs, PENDING_STAGE_MS)).toISOString()),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
