import { createHash, createHmac, randomBytes } from "node:crypto";

/** A stable, non-reversible key for a client address, so counters never hold a raw IP address. */
export function pseudonymiseAddress(address: string, secret: string): string {
  return createHmac("sha256", secret).update(address).digest("base64url").slice(0, 22);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
