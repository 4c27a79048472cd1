import { describe, expect, it } from "vitest";

import { isCrossSiteRequest } from "~/modules/security/cross-site";
import { issueFormStartToken, readFormStartToken } from "~/modules/security/form-timer.server";
import { securityHeaders } from "~/modules/security/headers";
import { pseudonymiseAddress } from "~/modules/security/pseudonym.server";
import { FixedWindowRateLimiter } from "~/modules/security/rate-limit";

describe("securityHeaders", () => {
  it("allows scripts only from this origin or with the request's nonce, and no framing", () => {
    const headers = securityHeaders({ nonce: "abc123", https: false });
    const csp = headers["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBeTruthy();
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  it("adds HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});

describe("isCrossSiteRequest", () => {
  const base = { expectedOrigin: "https://icct.example", originHeader: undefined, secFetchSiteHeader: undefined };

  it("never blocks reads", () => {
    expect(isCrossSiteRequest({ ...base, method: "GET", secFetchSiteHeader: "cross-site" })).toBe(false);
  });

  it("blocks posts a browser sent from another site", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSiteHeader: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSiteHeader: "same-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", originHeader: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", originHeader: "null" })).toBe(true);
  });

  it("allows same-origin posts and clients that send neither header", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSiteHeader: "same-origin" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", originHeader: "https://icct.example" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(false);
  });
});

describe("FixedWindowRateLimiter", () => {
  it("limits each key within a window and forgets it afterwards", () => {
    const limiter = new FixedWindowRateLimiter(2, 1000);
    limiter.record("a", 0);
    expect(limiter.isLimited("a", 10)).toBe(false);
    limiter.record("a", 20);
    expect(limiter.isLimited("a", 30)).toBe(true);
    expect(limiter.isLimited("b", 30)).toBe(false);
    expect(limiter.isLimited("a", 1000)).toBe(false);
  });

  it("is off when the limit is 0", () => {
    const limiter = new FixedWindowRateLimiter(0, 1000);
    for (let i = 0; i < 10; i += 1) limiter.record("a", i);
    expect(limiter.isLimited("a", 10)).toBe(false);
  });
});

describe("form start tokens", () => {
  it("round-trips a time and rejects tampering", () => {
    const issuedAt = new Date("2026-11-23T10:00:00.000Z");
    const token = issueFormStartToken(issuedAt, "secret-1");
    expect(readFormStartToken(token, "secret-1")?.toISOString()).toBe(issuedAt.toISOString());
    expect(readFormStartToken(token, "secret-2")).toBeNull();
    expect(readFormStartToken(token.replace(/^\d/, "9"), "secret-1")).toBeNull();
    expect(readFormStartToken("garbage", "secret-1")).toBeNull();
    expect(readFormStartToken(undefined, "secret-1")).toBeNull();
  });
});

describe("pseudonymiseAddress", () => {
  it("is stable for one secret, differs between secrets and never contains the address", () => {
    const key = pseudonymiseAddress("203.0.113.7", "s1");
    expect(pseudonymiseAddress("203.0.113.7", "s1")).toBe(key);
    expect(pseudonymiseAddress("203.0.113.7", "s2")).not.toBe(key);
    expect(key).not.toContain("203");
  });
});
