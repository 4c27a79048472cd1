/**
 * What happens after a delivery attempt: pure functions, so the rules can be tested without a
 * mail server and read in one place. docs/decisions/007-email-outbox.md explains the numbers.
 */

export interface RetryPolicy {
  /** Wait after the first failed attempt; doubles after each further failure. */
  baseDelayMs: number;
  /** The longest wait between attempts, before jitter. */
  maxDelayMs: number;
  /** Attempts in all, the first included; after the last one fails the message is dead. */
  maxAttempts: number;
}

/** Each wait is spread by up to this fraction either way, so messages that failed together do not retry together. */
export const RETRY_JITTER = 0.2;

/**
 * How long to wait before the next attempt, after `attempts` attempts have failed.
 * `random` is in [0, 1): Math.random in the worker, fixed values in tests.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(exponential, policy.maxDelayMs);
  return Math.round(capped * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random));
}

export type FailureKind = "permanent" | "transient";

/** The fields nodemailer puts on the errors it gives back (see NodemailerError). */
interface SendError {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

/**
 * Permanent only when the server refused this message for good: a 5xx reply (other than 503) to
 * the envelope (MAIL FROM, RCPT TO) or to the content (DATA). A 5xx to authentication, or no reply
 * at all (refused connection, timeout, closed socket), says nothing about the message: a fixed
 * configuration or a recovered server will take it, so those are retried.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== "object" || error === null) return "transient";
  const { code, permanent } = error as SendError;
  return permanent === true && (code === "EENVELOPE" || code === "EMESSAGE") ? "permanent" : "transient";
}

const ADDRESS_PATTERN = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

/**
 * The reason kept with a message and written to logs: the SMTP reply or error message, with any
 * email address replaced (servers often echo the recipient) and cut to a readable length.
 */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : null;
  const text = message.replace(ADDRESS_PATTERN, "[address]").replace(/\s+/g, " ").trim();
  const described = code && !text.startsWith(code) ? `${code}: ${text}` : text;
  return described.length > 500 ? `${described.slice(0, 497)}...` : described;
}
