import { z } from "zod";

/**
 * Every environment variable the service reads, validated once at boot. README lists the same
 * variables; a test keeps the two in step.
 */

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const nonNegativeInt = z.coerce.number().int().min(0);

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
  CONTACT_EMAIL: z.email().default("improvingcancercare@example.nhs.uk"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  REPORT_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  REPORT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
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
