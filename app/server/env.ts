import { z } from "zod";

/**
 * Every environment variable the service reads, validated once at boot. README lists the same
 * variables; a test keeps the two in step.
 */

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const nonNegativeInt = z.coerce.number().int().min(0);

/** "name@example.org" or "Display name <name@example.org>", on one line; parsed so the name is quoted when sent. */
const mailbox = z.string().transform((value, ctx) => {
  const match = /^(?:([^<>",;\r\n]+?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(value.trim());
  const address = match?.[2] ?? match?.[3];
  if (!address || !z.email().safeParse(address).success) {
    ctx.addIssue({ code: "custom", message: 'must be an email address, optionally as "Name <address>", on one line' });
    return z.NEVER;
  }
  return { name: match?.[1]?.trim() ?? "", address };
});

export const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      if (value === "true") return true;
      if (value === "false") return false;
      const hops = Number(value);
      if (Number.isInteger(hops) && hops >= 0) return hops;
      ctx.addIssue({ code: "custom", message: "TRUST_PROXY must be true, false or a number of proxy hops" });
      return z.NEVER;
    }),
  COOKIE_SECURE: booleanFlag.optional(),
  DRAFT_TTL_DAYS: z.coerce.number().positive().max(90).default(7),
  SUBMISSION_RATE_LIMIT: nonNegativeInt.default(20),
  SUBMISSION_RATE_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  MIN_FILL_SECONDS: nonNegativeInt.default(15),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(30),
  STAFF_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().max(7 * 24).default(12),
  AUTH_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  AUTH_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(30),
  AUTH_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  CONTACT_EMAIL: z.email().default("improvingcancercare@example.nhs.uk"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Checked when the mail transport is built, not here: a broken value must not stop responses being accepted.
  SMTP_URL: z.string().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(20).default(3),
  MAIL_FROM: mailbox.optional(),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().positive().default(60),
  MAIL_RETRY_MAX_SECONDS: z.coerce.number().positive().default(6 * 60 * 60),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  MAIL_LEASE_SECONDS: z.coerce.number().positive().default(300),
  STAFF_NOTIFICATIONS: z.enum(["off", "immediate", "daily"]).default("daily"),
  STAFF_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  RESPONDENT_EMAIL_RETENTION: z.enum(["opted-in", "all"]).default("opted-in"),
  RESPONSE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  REPORT_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  REPORT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
  REPORT_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
});

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}
