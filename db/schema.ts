import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Typed schema for every table. Timestamps are ISO-8601 UTC text, booleans are 0/1,
 * lists are child tables (not JSON) so they can be indexed and filtered on any dialect.
 */

/** ISO-8601 UTC timestamp, e.g. 2026-11-23T10:15:00.000Z */
export type Timestamp = string;
/** SQLite has no boolean: 0 or 1. */
export type Flag = 0 | 1;

export type CampaignStatus = "draft" | "open" | "closed";

export interface CampaignTable {
  id: Generated<number>;
  code: string;
  title: string;
  status: CampaignStatus;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  /** Plain words for "when will the summary be published", shown to respondents. */
  summary_due: string | null;
  created_at: Timestamp;
}

export interface PlaceTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** "place" is one of the Alliance's 9 local places; "other" is Isle of Man / elsewhere. */
  kind: "place" | "other";
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  sort_order: number;
  active: Flag;
}

export interface TrustTable {
  id: Generated<number>;
  code: string;
  name: string;
  sort_order: number;
  active: Flag;
}

export interface ThemeTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  /** JSON array of lower-case keywords used to suggest the theme. */
  keywords: string;
  sort_order: number;
  retired_at: Timestamp | null;
  merged_into_id: number | null;
  created_at: Timestamp;
}

export type SubmissionChannel = "online" | "paper" | "email" | "phone" | "event";
export type SubmissionStatus = "new" | "in_review" | "themed" | "closed" | "excluded";

export interface SubmissionTable {
  id: Generated<number>;
  reference: string;
  campaign_id: number;
  /** Client-generated key: the unique constraint makes repeated posts create one row. */
  idempotency_key: string | null;
  channel: SubmissionChannel;
  received_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  place_id: number | null;
  place_prefer_not_to_say: Flag;
  cancer_type: string | null;
  organisation_name: string | null;
  email: string | null;
  opt_in_updates: Flag;
  opt_in_involvement: Flag;
  status: SubmissionStatus;
  version: ColumnType<number, number | undefined, number>;
  /** Set for responses a member of staff entered (paper, email, phone, event). */
  entered_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  excluded_reason: ColumnType<ExclusionReason | null, ExclusionReason | null | undefined, ExclusionReason | null>;
  assigned_to_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Set when triage links this response to an earlier one with the same or nearly the same text. */
  duplicate_of_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Normalised text of all priorities, hashed: equal fingerprints are exact duplicates. */
  text_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SubmissionTextSketchTable {
  /** One of the smallest hashes of the response's word shingles. */
  value: number;
  submission_id: number;
}

/** A response whose near-duplicate check has not run yet (exact duplicates are found on arrival). */
export interface NearDuplicateCheckTable {
  submission_id: number;
}

export type ExclusionReason = "spam" | "duplicate" | "out_of_scope" | "test";

export type SupportNeeded = "investment" | "project_support" | "both" | "not_sure";

export interface PriorityTable {
  id: Generated<number>;
  submission_id: number;
  rank: 1 | 2 | 3;
  what_text: string;
  why_text: string | null;
  support_needed: SupportNeeded | null;
  /** A lead has judged the text suitable to quote (after automatic redaction) in reports. */
  suitable_to_quote: ColumnType<Flag, Flag | undefined, Flag>;
  /** How many themes the priority has; kept by triggers on priority_themes (migration 0007). */
  theme_count: ColumnType<number, never, never>;
}

export interface PriorityThemeTable {
  priority_id: number;
  theme_id: number;
  assigned_by_user_id: number | null;
  assigned_at: Timestamp;
}

export interface SubmissionNoteTable {
  id: Generated<number>;
  submission_id: number;
  author_user_id: number;
  body: string;
  created_at: Timestamp;
}

export type FlagKind = "safety" | "complaint";

export interface SubmissionFlagTable {
  id: Generated<number>;
  submission_id: number;
  kind: FlagKind;
  source: "auto" | "manual";
  state: ColumnType<"open" | "actioned", "open" | "actioned" | undefined, "open" | "actioned">;
  /** For automatic flags, the phrase from safety_phrases that matched. */
  matched_phrase: string | null;
  raised_by_user_id: number | null;
  raised_at: Timestamp;
  actioned_by_user_id: number | null;
  actioned_at: Timestamp | null;
  action_note: string | null;
}

export interface SafetyPhraseTable {
  id: Generated<number>;
  phrase: string;
  kind: FlagKind;
  active: Flag;
  created_at: Timestamp;
}

export interface SubmissionRespondentTypeTable {
  submission_id: number;
  respondent_type: string;
}

export interface SubmissionTrustTable {
  submission_id: number;
  trust_id: number | null;
  /** For answers that are not a trust in the list: "outside", "not_treated", "not_sure", "prefer_not_to_say". */
  other_answer: string | null;
}

export interface EqualityAnswerTable {
  submission_id: number;
  age_band: string | null;
  sex: string | null;
  gender_same_as_birth: string | null;
  sexual_orientation: string | null;
  ethnic_group: string | null;
  ethnic_background: string | null;
  religion: string | null;
  disability: string | null;
  unpaid_carer: string | null;
  created_at: Timestamp;
}

export interface DraftTable {
  /** SHA-256 of the random token in the visitor's cookie: the database never holds the token. */
  id: string;
  campaign_id: number;
  /** JSON: what the person has typed so far, page by page. */
  answers: string;
  submission_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

export type OutboxState = "pending" | "sending" | "sent" | "dead";

export interface OutboxTable {
  id: Generated<number>;
  template: string;
  recipient: string | null;
  /** JSON props for the email component: never health information. */
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: Timestamp;
  lease_expires_at: Timestamp | null;
  last_error: string | null;
  message_id: string;
  submission_id: number | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface StaffNotificationRunTable {
  id: Generated<number>;
  kind: "immediate" | "daily";
  /** For a daily digest, when it was due (unique); null for immediate notifications. */
  due_at: Timestamp | null;
  /** The newest submission and flag this notification covered: the next one counts from here. */
  last_submission_id: number;
  last_flag_id: number;
  new_responses: number;
  flagged_safety: number;
  flagged_complaint: number;
  /** How many engagement leads it was sent to. */
  recipients: number;
  created_at: Timestamp;
}

export type Role = "admin" | "lead" | "planner";

export interface UserTable {
  id: Generated<number>;
  /** Lower-case. */
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  /** Encrypted with a key derived from the session secret (AES-256-GCM). */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totp_last_step: number | null;
  disabled_at: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SessionStage = "two_factor" | "enrol" | "active";

export interface UserSessionTable {
  /** SHA-256 of the random session id in the cookie. */
  id: string;
  user_id: number;
  /** "two_factor": password accepted, code still needed; "enrol": must set up two-factor first. */
  stage: SessionStage;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute timeout; the idle timeout is counted from last_seen_at. */
  expires_at: Timestamp;
  client_address: string | null;
  user_agent: string | null;
}

export type UserTokenPurpose = "invite" | "password_reset";

export interface UserTokenTable {
  id: Generated<number>;
  user_id: number;
  purpose: UserTokenPurpose;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface UserRecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface AuthFailureTable {
  id: Generated<number>;
  /** "sign_in", "two_factor" or "password_reset". */
  scope: string;
  /** "account:<id or email hash>" or "client:<pseudonymised address>". */
  subject: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  client_address: string | null;
  /** JSON with ids and field names only: never passwords, tokens or response text. */
  details: string | null;
}

/**
 * The FTS5 index over priority text (SQLite only; see app/modules/triage/search.server.ts). The
 * column named like the table is FTS5's hidden column, used with MATCH.
 */
export interface PriorityFtsTable {
  rowid: number;
  what_text: string;
  why_text: string;
  priorities_fts: string;
}

/**
 * One row (id 1): a counter that triggers bump whenever anything a report is built from changes
 * (responses, priorities, their themes, the taxonomy, places, campaigns). Reports cache on it.
 */
export interface ReportDataVersionTable {
  id: number;
  version: number;
}

/**
 * Each priority's text with personal details removed (see app/modules/reports/redaction.ts), kept
 * for CSV exports. rules_version 0: not redacted yet, or the text has changed since.
 */
export interface PriorityRedactionTable {
  priority_id: number;
  rules_version: ColumnType<number, number | undefined, number>;
  what_text: string | null;
  why_text: string | null;
}

export interface Database {
  campaigns: CampaignTable;
  places: PlaceTable;
  trusts: TrustTable;
  themes: ThemeTable;
  submissions: SubmissionTable;
  priorities: PriorityTable;
  submission_respondent_types: SubmissionRespondentTypeTable;
  submission_trusts: SubmissionTrustTable;
  equality_answers: EqualityAnswerTable;
  drafts: DraftTable;
  outbox: OutboxTable;
  users: UserTable;
  user_sessions: UserSessionTable;
  user_tokens: UserTokenTable;
  user_recovery_codes: UserRecoveryCodeTable;
  auth_failures: AuthFailureTable;
  audit_log: AuditLogTable;
  priority_themes: PriorityThemeTable;
  submission_notes: SubmissionNoteTable;
  submission_flags: SubmissionFlagTable;
  safety_phrases: SafetyPhraseTable;
  submission_text_sketch: SubmissionTextSketchTable;
  near_duplicate_checks: NearDuplicateCheckTable;
  priorities_fts: PriorityFtsTable;
  staff_notification_runs: StaffNotificationRunTable;
  report_data_version: ReportDataVersionTable;
  priority_redactions: PriorityRedactionTable;
}

export type Campaign = Selectable<CampaignTable>;
export type Place = Selectable<PlaceTable>;
export type Trust = Selectable<TrustTable>;
export type Theme = Selectable<ThemeTable>;
export type Submission = Selectable<SubmissionTable>;
export type NewSubmission = Insertable<SubmissionTable>;
export type SubmissionUpdate = Updateable<SubmissionTable>;
export type Priority = Selectable<PriorityTable>;
export type Draft = Selectable<DraftTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type User = Selectable<UserTable>;
export type UserSession = Selectable<UserSessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
