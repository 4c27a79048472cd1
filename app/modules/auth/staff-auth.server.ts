import { data, redirect, type AppLoadContext } from "@remix-run/node";

import type { SessionStage } from "~db/schema";

import { recordAudit } from "~/modules/audit/audit-log.server";

import type { AccountEnvironment } from "./accounts.server";
import { can, type Permission } from "./permissions";
import { findSession, type StaffSession, type StaffUser } from "./sessions.server";
import type { AuthEnvironment } from "./sign-in.server";

export const staffPaths = {
  home: "/staff",
  signIn: "/staff/sign-in",
  twoFactor: "/staff/sign-in/two-factor",
  enrol: "/staff/two-factor/setup",
  recoveryCodes: "/staff/two-factor/recovery-codes",
} as const;

/**
 * Where to go after signing in: only paths inside /staff, so a crafted link cannot send someone
 * off to another site ("//evil.example", "/\\evil.example", "https://...").
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith("/staff") || value.startsWith("/staff/sign-in")) return staffPaths.home;
  if (/[\\\s]|\/\//.test(value) || /[\x00-\x1f]/.test(value)) return staffPaths.home;
  try {
    const url = new URL(value, "http://staff.invalid");
    if (url.origin !== "http://staff.invalid" || !url.pathname.startsWith("/staff")) return staffPaths.home;
    return `${url.pathname}${url.search}`;
  } catch {
    return staffPaths.home;
  }
}

async function readToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await context.auth.cookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

const sessionsByRequest = new WeakMap<Request, Promise<StaffSession | null>>();

/** The signed-in (or half-signed-in) staff session for this request, looked up once per request. */
export function getStaffSession(request: Request, context: AppLoadContext): Promise<StaffSession | null> {
  let session = sessionsByRequest.get(request);
  if (!session) {
    session = readToken(request, context).then((token) => (token ? findSession(context.db, token, context.now(), context.auth.policy) : null));
    sessionsByRequest.set(request, session);
  }
  return session;
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const returnTo = safeReturnTo(`${url.pathname.replace(/\.data$/, "")}${url.search}`);
  throw redirect(returnTo === staffPaths.home ? staffPaths.signIn : `${staffPaths.signIn}?returnTo=${encodeURIComponent(returnTo)}`);
}

/**
 * The guard every staff loader and action calls first: anonymous visitors go to sign-in (and come
 * back afterwards), signed-in staff without the permission get 403 and an audit entry.
 */
export async function requireUser(request: Request, context: AppLoadContext, permission: Permission): Promise<StaffUser & { sessionId: string }> {
  const session = await getStaffSession(request, context);
  if (!session) signInRedirect(request);
  // Part-way through signing in: finish that step first.
  if (session.stage === "enrol") throw redirect(staffPaths.enrol);
  if (session.stage === "two_factor") throw redirect(staffPaths.twoFactor);
  if (!can(session.user.role, permission)) {
    await recordAudit(context.db, {
      action: "access.denied",
      actor: session.user,
      target: { type: "path", id: new URL(request.url).pathname },
      clientAddress: context.clientAddress,
      details: { permission, method: request.method },
      at: context.now(),
    });
    throw data({ problem: "forbidden" }, { status: 403 });
  }
  return { ...session.user, sessionId: session.id };
}

/** For the second sign-in step and two-factor setup: a session that is part-way through signing in. */
export async function requireSessionAt(request: Request, context: AppLoadContext, stage: SessionStage): Promise<StaffSession> {
  const session = await getStaffSession(request, context);
  if (!session) throw redirect(staffPaths.signIn);
  if (session.stage !== stage) throw redirect(session.stage === "active" ? staffPaths.home : session.stage === "enrol" ? staffPaths.enrol : staffPaths.twoFactor);
  return session;
}

export async function sessionCookie(context: AppLoadContext, token: string): Promise<string> {
  return context.auth.cookie.serialize(token);
}

export async function clearSessionCookie(context: AppLoadContext): Promise<string> {
  return context.auth.cookie.serialize("", { maxAge: 0 });
}

export function authEnvironment(request: Request, context: AppLoadContext): AuthEnvironment & AccountEnvironment {
  return {
    db: context.db,
    now: context.now(),
    policy: context.auth.policy,
    throttle: context.auth.throttle,
    secretBox: context.auth.secretBox,
    secret: context.config.sessionSecret,
    publicUrl: context.config.publicUrl,
    clientAddress: context.clientAddress,
    userAgent: request.headers.get("user-agent"),
  };
}
