import { describe, expect, it } from "vitest";

import { passwordProblem, hashPassword, passwordNeedsRehash, verifyPassword } from "~/modules/auth/password.server";
import { can, permissions, permissionsFor } from "~/modules/auth/permissions";
import { SecretBox } from "~/modules/auth/secret-box.server";
import { safeReturnTo } from "~/modules/auth/staff-auth.server";
import { base32Decode, base32Encode, generateTotpSecret, hotp, totp, verifyTotp, timeStep } from "~/modules/auth/totp.server";

describe("TOTP (RFC 6238 appendix B test vectors)", () => {
  // The RFC's seeds: ASCII "12345678901234567890" repeated to the hash's key length.
  const seeds = {
    sha1: Buffer.from("12345678901234567890"),
    sha256: Buffer.from("12345678901234567890123456789012"),
    sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
  };
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  it.each(vectors)("at %i seconds gives %s (SHA-1), %s (SHA-256), %s (SHA-512)", (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totp(seeds.sha1, at, { digits: 8, algorithm: "sha1" })).toBe(sha1);
    expect(totp(seeds.sha256, at, { digits: 8, algorithm: "sha256" })).toBe(sha256);
    expect(totp(seeds.sha512, at, { digits: 8, algorithm: "sha512" })).toBe(sha512);
  });

  it("matches RFC 4226 HOTP values for counters 0 to 2", () => {
    expect([0, 1, 2].map((counter) => hotp(seeds.sha1, counter))).toEqual(["755224", "287082", "359152"]);
  });

  it("round-trips base32 secrets of 160 bits", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").toString()).toBe("12345678901234567890");
  });

  it("accepts the current step and one either side, once each", () => {
    const secret = generateTotpSecret();
    const now = new Date("2026-11-23T10:00:15Z");
    const key = base32Decode(secret);
    const current = timeStep(now);
    expect(verifyTotp(secret, hotp(key, current), now, null)).toBe(current);
    expect(verifyTotp(secret, hotp(key, current - 1), now, null)).toBe(current - 1);
    expect(verifyTotp(secret, hotp(key, current + 1), now, null)).toBe(current + 1);
    expect(verifyTotp(secret, hotp(key, current - 2), now, null)).toBeNull();
    expect(verifyTotp(secret, hotp(key, current), now, current)).toBeNull();
    expect(verifyTotp(secret, "12345", now, null)).toBeNull();
    expect(verifyTotp(secret, "abcdef", now, null)).toBeNull();
  });
});

describe("passwords", () => {
  it("need 12 to 128 characters, counted as people count them, with no composition rules", () => {
    expect(passwordProblem("short words")).toBe("Password must be 12 characters or more");
    expect(passwordProblem("👩🏻‍🚀".repeat(11))).toBe("Password must be 12 characters or more");
    expect(passwordProblem("x".repeat(129))).toBe("Password must be 128 characters or less");
    expect(passwordProblem("kettle orbit meadow lantern")).toBeNull();
    expect(passwordProblem("alllowercaseandnodigits")).toBeNull();
  });

  it("are refused when they are on the bundled list of common passwords, or based on the person or service", () => {
    expect(passwordProblem("password1234")).toBe("This password is too common. Choose a different password");
    expect(passwordProblem("qwertyuiop123")).toBe("This password is too common. Choose a different password");
    expect(passwordProblem("rebecca.jones.2026", { email: "rebecca.jones@nhs.net" })).toBe("Password must not contain your email address");
    expect(passwordProblem("Improving Cancer Care")).toBe("Password must not be the name of this service");
  });

  it("are hashed with argon2id at OWASP parameters and verified", async () => {
    const hash = await hashPassword("kettle orbit meadow lantern");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "kettle orbit meadow lantern")).toBe(true);
    expect(await verifyPassword(hash, "kettle orbit meadow lanterns")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
    expect(passwordNeedsRehash(hash)).toBe(false);
    expect(passwordNeedsRehash("$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo")).toBe(true);
  });
});

describe("permissions", () => {
  it("give admins everything, leads triage and planners reading and reports", () => {
    expect(permissionsFor("admin")).toEqual(permissions);
    expect(can("lead", "update:response")).toBe(true);
    expect(can("lead", "read:equality")).toBe(true);
    expect(can("lead", "manage:users")).toBe(false);
    expect(can("planner", "read:response")).toBe(true);
    expect(can("planner", "export:report")).toBe(true);
    expect(can("planner", "update:response")).toBe(false);
    expect(can("planner", "read:equality")).toBe(false);
    expect(can("planner", "read:audit")).toBe(false);
  });
});

describe("safeReturnTo", () => {
  it.each([
    ["/staff/responses?status=new", "/staff/responses?status=new"],
    ["/staff/admin/users/3", "/staff/admin/users/3"],
    ["//evil.example/staff", "/staff"],
    ["https://evil.example/staff", "/staff"],
    ["/staff/../../evil", "/staff"],
    ["/staff\\@evil.example", "/staff"],
    ["/\\evil.example", "/staff"],
    ["/privacy", "/staff"],
    ["/staff/sign-in?returnTo=//evil.example", "/staff"],
    ["/staff//evil.example", "/staff"],
    [null, "/staff"],
  ])("%s becomes %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe("SecretBox", () => {
  it("round-trips, uses a new nonce each time, and refuses tampered or foreign values", () => {
    const box = new SecretBox("a".repeat(40), "totp-secrets");
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.seal("JBSWY3DPEHPK3PXP")).not.toBe(sealed);
    expect(box.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox("b".repeat(40), "totp-secrets").open(sealed)).toThrow();
  });
});
