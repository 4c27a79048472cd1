import { createHash, createHmac, randomBytes } from "node:crypto";

/** A stable, non-reversible key for a client address, so counters never hold a raw IP address. */
export function pseudonymiseAddress(address: string, secret: string): string {
  return keyedHash(`address:${address}`, secret).slice(0, 22);
}

/** HMAC-SHA-256: for short secrets (recovery codes) that a database copy alone must not let anyone brute-force. */
export function keyedHash(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
