import type { Executor } from "~db/client";
import type { AuditEntry } from "~db/schema";

/**
 * Things the audit log records. Details carry ids and field names only: never passwords, tokens,
 * email addresses typed at sign-in, or response text.
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.password_accepted"
  | "auth.two_factor_failed"
  | "auth.two_factor_enrolled"
  | "auth.recovery_code_used"
  | "auth.recovery_codes_created"
  | "auth.throttled"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.password_changed"
  | "auth.invite_accepted"
  | "access.denied"
  | "user.invited"
  | "user.invite_resent"
  | "user.role_changed"
  | "user.disabled"
  | "user.enabled"
  | "user.two_factor_reset"
  | "user.session_revoked"
  | "response.viewed"
  | "response.equality_viewed"
  | "response.updated"
  | "response.created"
  | "response.erased"
  | "response.bulk_updated"
  | "report.previewed"
  | "report.downloaded"
  | "export.downloaded"
  | "taxonomy.changed"
  | "safety_phrases.changed"
  | "outbox.retried";

/** The member of staff doing something. */
export interface Actor {
  id: number;
  email: string;
}

/** Who is making a change, from where and when: what every audited change needs. */
export interface ChangeContext {
  actor: Actor;
  clientAddress: string;
  now: Date;
}

export interface AuditRecord {
  action: AuditAction;
  actor?: Actor | null;
  target?: { type: string; id: string | number } | null;
  clientAddress?: string | null;
  details?: Record<string, string | number | boolean | null | (string | number)[]>;
  at: Date;
}

export async function recordAudit(db: Executor, record: AuditRecord): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: record.at.toISOString(),
      actor_user_id: record.actor?.id ?? null,
      actor_email: record.actor?.email ?? null,
      action: record.action,
      target_type: record.target?.type ?? null,
      target_id: record.target ? String(record.target.id) : null,
      client_address: record.clientAddress ?? null,
      details: record.details ? JSON.stringify(record.details) : null,
    })
    .execute();
}

export interface AuditFilters {
  actorEmail?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id. */
export async function listAuditEntries(db: Executor, filters: AuditFilters, beforeId?: number): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null }> {
  let query = db.selectFrom("audit_log").selectAll();
  if (filters.actorEmail) query = query.where("actor_email", "=", filters.actorEmail.toLowerCase());
  if (filters.action) query = query.where("action", "like", `${filters.action.replace(/[%_]/g, "")}%`);
  if (filters.targetType) query = query.where("target_type", "=", filters.targetType);
  if (filters.targetId) query = query.where("target_id", "=", filters.targetId);
  if (filters.from) query = query.where("at", ">=", filters.from);
  if (filters.to) query = query.where("at", "<", filters.to);
  if (beforeId) query = query.where("id", "<", beforeId);
  const rows = await query.orderBy("id", "desc").limit(AUDIT_PAGE_SIZE + 1).execute();
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return { entries, nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? entries.at(-1)!.id : null };
}

/** Every entry since a time, oldest first, streamed so an export of any size stays in constant memory. */
export async function* streamAuditSince(db: Executor, since: string): AsyncGenerator<AuditEntry> {
  yield* db.selectFrom("audit_log").selectAll().where("at", ">=", since).orderBy("id", "asc").stream(500);
}

export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((row) => row.action);
}
