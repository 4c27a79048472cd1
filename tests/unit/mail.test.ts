import { describe, expect, it } from "vitest";

import { classifyFailure, describeFailure, retryDelayMs, type RetryPolicy } from "~/modules/mail/delivery-policy";
import { latestDigestTime, londonHourToInstant } from "~/modules/mail/digest-schedule";
import { parseSmtpSettings } from "~/modules/mail/transport.server";
import { EnvError, parseEnv } from "~/server/env";

const defaults: RetryPolicy = { baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000, maxAttempts: 10 };
const minutes = (ms: number) => ms / 60_000;

describe("retryDelayMs", () => {
  it("starts at a minute and doubles after each failure, up to the cap (jitter at its midpoint)", () => {
    const delays = Array.from({ length: 10 }, (_, index) => minutes(retryDelayMs(defaults, index + 1, 0.5)));
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360]);
  });

  it("spreads each wait by up to 20% either way", () => {
    expect(retryDelayMs(defaults, 1, 0)).toBe(48_000);
    expect(retryDelayMs(defaults, 1, 0.999_999)).toBe(72_000);
    expect(retryDelayMs(defaults, 20, 0)).toBe(17_280_000); // 80% of the 6-hour cap
  });
});

describe("classifyFailure", () => {
  const error = (fields: Record<string, unknown>) => Object.assign(new Error("failed"), fields);

  it("is permanent only for a 5xx refusal of the envelope or the message", () => {
    expect(classifyFailure(error({ code: "EENVELOPE", responseCode: 550, permanent: true }))).toBe("permanent");
    expect(classifyFailure(error({ code: "EMESSAGE", responseCode: 554, permanent: true }))).toBe("permanent");
  });

  it("retries temporary refusals, configuration and connection problems", () => {
    expect(classifyFailure(error({ code: "EENVELOPE", responseCode: 451, permanent: false }))).toBe("transient");
    expect(classifyFailure(error({ code: "EENVELOPE", responseCode: 503, permanent: false }))).toBe("transient");
    expect(classifyFailure(error({ code: "EAUTH", responseCode: 535, permanent: true }))).toBe("transient");
    expect(classifyFailure(error({ code: "ESOCKET", originalCode: "ECONNREFUSED" }))).toBe("transient");
    expect(classifyFailure(error({ code: "ETIMEDOUT" }))).toBe("transient");
    expect(classifyFailure("a string")).toBe("transient");
  });
});

describe("describeFailure", () => {
  it("keeps the SMTP reply, removes addresses and stays short", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <jo.bloggs@example.com>: User unknown"), { code: "EENVELOPE" });
    expect(describeFailure(error)).toBe("EENVELOPE: Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: User unknown");
    expect(describeFailure(new Error("x".repeat(2000))).length).toBe(500);
  });
});

describe("parseSmtpSettings", () => {
  it("reads host, port and TLS mode, with the usual ports by default", () => {
    expect(parseSmtpSettings("smtp://mail.example.nhs.uk")).toEqual({ ok: true, settings: { host: "mail.example.nhs.uk", port: 587, secure: false, auth: null } });
    expect(parseSmtpSettings("smtps://mail.example.nhs.uk")).toMatchObject({ ok: true, settings: { port: 465, secure: true } });
    expect(parseSmtpSettings("smtp://127.0.0.1:2525/")).toMatchObject({ ok: true, settings: { host: "127.0.0.1", port: 2525 } });
  });

  it("takes credentials from the URL (decoded) or from SMTP_USER and SMTP_PASSWORD", () => {
    expect(parseSmtpSettings("smtps://icct%40nhs.net:p%40ss%2Fword@send.nhs.net:465")).toMatchObject({ ok: true, settings: { auth: { user: "icct@nhs.net", pass: "p@ss/word" } } });
    expect(parseSmtpSettings("smtp://send.nhs.net", "icct@nhs.net", "secret")).toMatchObject({ ok: true, settings: { auth: { user: "icct@nhs.net", pass: "secret" } } });
  });

  it("explains what is wrong without repeating the URL or its password", () => {
    const problems = [
      parseSmtpSettings("not a url"),
      parseSmtpSettings("http://user:hunter2@mail.example.com"),
      parseSmtpSettings("smtp://user:hunter2@mail.example.com/path"),
      parseSmtpSettings("smtp://user@mail.example.com"),
    ].map((result) => (result.ok ? "" : result.problem));
    expect(problems[0]).toMatch(/^SMTP_URL is not a URL/);
    expect(problems[1]).toBe("SMTP_URL must start with smtp:// or smtps://, not http://");
    expect(problems[2]).toMatch(/must not have a path or query/);
    expect(problems[3]).toMatch(/^SMTP credentials are incomplete/);
    expect(problems.join(" ")).not.toContain("hunter2");
  });
});

describe("the digest schedule (Europe/London)", () => {
  it("converts London wall-clock hours to instants in winter and in summer", () => {
    expect(londonHourToInstant(2026, 1, 15, 8).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(londonHourToInstant(2026, 7, 15, 8).toISOString()).toBe("2026-07-15T07:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 29 March 2026: 01:00 does not exist (clocks go to 02:00 at 01:00 UTC).
    expect(londonHourToInstant(2026, 3, 29, 1).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(londonHourToInstant(2026, 3, 29, 8).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    // 25 October 2026: 01:00 happens twice; the first one.
    expect(londonHourToInstant(2026, 10, 25, 1).toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(londonHourToInstant(2026, 10, 25, 8).toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("finds the most recent digest time: today's once the hour has come, yesterday's before", () => {
    expect(latestDigestTime(new Date("2026-11-23T08:00:00.000Z"), 8).toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(latestDigestTime(new Date("2026-11-23T07:59:59.000Z"), 8).toISOString()).toBe("2026-11-22T08:00:00.000Z");
    expect(latestDigestTime(new Date("2026-01-01T00:30:00.000Z"), 23).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(latestDigestTime(new Date("2026-07-01T23:30:00.000Z"), 0).toISOString()).toBe("2026-07-01T23:00:00.000Z");
  });
});

describe("mail settings in the environment", () => {
  it("has working defaults: no SMTP (file sink), daily digest at 08:00, about a minute doubling to 6 hours, 10 attempts", () => {
    expect(parseEnv({})).toMatchObject({
      SMTP_MAX_CONNECTIONS: 3,
      MAIL_RETRY_BASE_SECONDS: 60,
      MAIL_RETRY_MAX_SECONDS: 21_600,
      MAIL_MAX_ATTEMPTS: 10,
      MAIL_LEASE_SECONDS: 300,
      STAFF_NOTIFICATIONS: "daily",
      STAFF_DIGEST_HOUR: 8,
      RESPONDENT_EMAIL_RETENTION: "opted-in",
    });
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({}).MAIL_FROM).toBeUndefined();
  });

  it("reads MAIL_FROM as an address with an optional name", () => {
    expect(parseEnv({ MAIL_FROM: "no-reply@example.nhs.uk" }).MAIL_FROM).toEqual({ name: "", address: "no-reply@example.nhs.uk" });
    expect(parseEnv({ MAIL_FROM: "Improving Cancer Care Together <no-reply@example.nhs.uk>" }).MAIL_FROM).toEqual({
      name: "Improving Cancer Care Together",
      address: "no-reply@example.nhs.uk",
    });
  });

  it("refuses a MAIL_FROM that is not one address on one line, and bad notification settings", () => {
    for (const env of [
      { MAIL_FROM: "no-reply@example.nhs.uk\r\nBcc: someone@example.com" },
      { MAIL_FROM: "one@example.nhs.uk, two@example.nhs.uk" },
      { MAIL_FROM: "Name <not-an-address>" },
      { STAFF_NOTIFICATIONS: "hourly" },
      { STAFF_DIGEST_HOUR: "24" },
      { RESPONDENT_EMAIL_RETENTION: "forever" },
      { MAIL_MAX_ATTEMPTS: "0" },
    ]) {
      expect(() => parseEnv(env), JSON.stringify(env)).toThrow(EnvError);
    }
  });
});
