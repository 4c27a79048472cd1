import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A signed "this form was first shown at" time, carried in a hidden field, so the server can tell
 * a person (who takes more than a few seconds) from a script that posts at once, without a CAPTCHA
 * and without storing anything before the person has typed an answer.
 */
export function issueFormStartToken(now: Date, secret: string): string {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${sign(issuedAt, secret)}`;
}

export function readFormStartToken(token: unknown, secret: string): Date | null {
  if (typeof token !== "string") return null;
  const [issuedAt, signature] = token.split(".");
  if (!issuedAt || !signature || !/^\d{1,15}$/.test(issuedAt)) return null;
  const expected = Buffer.from(sign(issuedAt, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return new Date(Number(issuedAt));
}

function sign(value: string, secret: string): string {
  return createHmac("sha256", secret).update(`form-start:${value}`).digest("base64url");
}
