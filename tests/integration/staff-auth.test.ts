import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient, errorSummaryOf, titleOf } from "../support/browser-client";
import { count, rows } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { waitFor } from "../support/wait";
import { TEST_SESSION_SECRET, createStaffUser, currentCode, signIn, signedInClient } from "../support/staff";

let server: RunningServer;
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  // Every test client shares the loopback address, so the per-client limit is raised here and
  // tested on its own server below.
  server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, AUTH_FAILURES_PER_CLIENT: "1000", SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
});
afterAll(async () => {
  await server.stop();
  await smtp.close();
});

/** The one-time link in the email sent to an address, once the outbox has delivered it. */
async function emailedLink(to: string, path: string): Promise<URL> {
  const message = await waitFor(`an email to ${to}`, () => smtp.messages.find((candidate) => candidate.envelope.to.includes(to) && (candidate.parsed.text ?? "").includes(path)));
  return new URL(new RegExp(`https?://\\S+${path}\\S+`).exec(message.parsed.text ?? "")![0]);
}

function audit(action: string, targetId?: number): number {
  return targetId === undefined
    ? count(server.databasePath, "select count(*) n from audit_log where action = ?", action)
    : count(server.databasePath, "select count(*) n from audit_log where action = ? and target_id = ?", action, String(targetId));
}

function shiftSession(userId: number, field: "last_seen_at" | "expires_at" | "created_at", minutes: number) {
  const db = new Database(server.databasePath);
  const rows = db.prepare(`select id, ${field} as value from user_sessions where user_id = ?`).all(userId) as { id: string; value: string }[];
  for (const row of rows) {
    db.prepare(`update user_sessions set ${field} = ? where id = ?`).run(new Date(Date.parse(row.value) + minutes * 60_000).toISOString(), row.id);
  }
  db.close();
}

describe("signing in", () => {
  it("sends anonymous visitors to sign in, then back where they were going", async () => {
    const user = await createStaffUser(server, "admin");
    const client = new BrowserClient(server.url);
    const redirect = await client.request("/staff/admin/users", {}, false);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/staff/sign-in?returnTo=%2Fstaff%2Fadmin%2Fusers");
    const page = await signIn(client, user, "/staff/admin/users");
    expect(page.url).toBe(`${server.url}/staff/admin/users`);
    expect(page.html).toContain(user.email);
    expect(audit("auth.sign_in", user.id)).toBe(1);
  });

  it("never follows a return path that leaves the service", async () => {
    const user = await createStaffUser(server, "lead");
    const page = await signIn(new BrowserClient(server.url), user, "//evil.example/staff");
    expect(page.url).toBe(`${server.url}/staff`);
  });

  it("gives the same answer for a wrong password, an unknown address and a disabled account", async () => {
    const user = await createStaffUser(server, "lead");
    const disabled = await createStaffUser(server, "lead");
    const db = new Database(server.databasePath);
    db.prepare("update users set disabled_at = ? where id = ?").run(new Date().toISOString(), disabled.id);
    db.close();
    const answers = await Promise.all([
      new BrowserClient(server.url).post("/staff/sign-in", { email: user.email, password: "not the password at all" }),
      new BrowserClient(server.url).post("/staff/sign-in", { email: "nobody@example.nhs.uk", password: "not the password at all" }),
      new BrowserClient(server.url).post("/staff/sign-in", { email: disabled.email, password: disabled.password }),
    ]);
    for (const page of answers) {
      expect(page.status).toBe(401);
      expect(errorSummaryOf(page.html)).toEqual(["email: Enter a correct email address and password"]);
      expect(titleOf(page.html)).toBe("Error: Sign in – Improving Cancer Care Together – NHS");
    }
    const failures = rows<{ details: string }>(server.databasePath, "select details from audit_log where action = 'auth.sign_in_failed'");
    expect(failures.map((row) => JSON.parse(row.details).reason)).toEqual(expect.arrayContaining(["wrong_password", "unknown_account", "disabled"]));
    expect(JSON.stringify(failures)).not.toContain("nobody@example.nhs.uk");
    expect(JSON.stringify(failures)).not.toContain("not the password");
  });

  it("asks for missing fields and refuses oversized ones with a 400, not a 500", async () => {
    const client = new BrowserClient(server.url);
    const empty = await client.post("/staff/sign-in", { email: "", password: "" });
    expect(empty.status).toBe(400);
    expect(errorSummaryOf(empty.html)).toEqual(["email: Enter your email address", "password: Enter your password"]);
    const huge = await client.post("/staff/sign-in", { email: `${"a".repeat(300)}@example.nhs.uk`, password: "x".repeat(5000) });
    expect(huge.status).toBe(400);
    const code = await client.post("/staff/sign-in/two-factor", { code: "1".repeat(5000) });
    expect(code.url).toMatch(/\/staff\/sign-in$/);
  });

  it("throttles after 5 failures per account, with a clear message and an audit entry", async () => {
    const user = await createStaffUser(server, "planner");
    const attempts = [];
    for (let i = 0; i < 6; i += 1) {
      attempts.push(await new BrowserClient(server.url).post("/staff/sign-in", { email: user.email, password: `wrong password number ${i}` }));
    }
    expect(attempts.slice(0, 5).map((page) => page.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[5]!.status).toBe(429);
    expect(errorSummaryOf(attempts[5]!.html)[0]).toContain("Too many attempts to sign in");
    // Even the right password is refused while throttled.
    const right = await new BrowserClient(server.url).post("/staff/sign-in", { email: user.email, password: user.password });
    expect(right.status).toBe(429);
    expect(audit("auth.throttled", user.id)).toBeGreaterThanOrEqual(2);
  });

  it("needs a valid, unused code from the authenticator app, or a recovery code once", async () => {
    const user = await createStaffUser(server, "lead");
    const client = new BrowserClient(server.url);
    await client.post("/staff/sign-in", { email: user.email, password: user.password });
    const wrong = await client.post("/staff/sign-in/two-factor", { code: "000000" });
    expect(wrong.status).toBe(401);
    const code = currentCode(user.totpSecret);
    const ok = await client.post("/staff/sign-in/two-factor", { code });
    expect(ok.url).toBe(`${server.url}/staff`);

    const second = new BrowserClient(server.url);
    await second.post("/staff/sign-in", { email: user.email, password: user.password });
    const replay = await second.post("/staff/sign-in/two-factor", { code });
    expect(replay.status).toBe(401);
    expect(errorSummaryOf(replay.html)[0]).toContain("already been used");

    const recoveryCode = user.recoveryCodes[0]!.toLowerCase().replace("-", " ");
    expect((await second.post("/staff/sign-in/two-factor", { code: recoveryCode })).url).toBe(`${server.url}/staff`);
    expect(audit("auth.recovery_code_used", user.id)).toBe(1);
    const third = new BrowserClient(server.url);
    await third.post("/staff/sign-in", { email: user.email, password: user.password });
    expect((await third.post("/staff/sign-in/two-factor", { code: user.recoveryCodes[0]! })).status).toBe(401);
  });

  it("issues a new session id once the second factor is accepted, with HttpOnly, SameSite=Lax and Secure __Host- cookies", async () => {
    const user = await createStaffUser(server, "lead");
    const first = await fetch(`${server.url}/staff/sign-in`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email: user.email, password: user.password }),
    });
    const pending = first.headers.getSetCookie()[0]!;
    expect(pending).toMatch(/^__Host-icct_staff=/);
    expect(pending).toMatch(/; HttpOnly/i);
    expect(pending).toMatch(/; SameSite=Lax/i);
    expect(pending).toMatch(/; Secure/i);
    expect(pending).toMatch(/; Path=\//);
    const second = await fetch(`${server.url}/staff/sign-in/two-factor`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: pending.split(";")[0]! },
      body: new URLSearchParams({ code: currentCode(user.totpSecret) }),
    });
    const active = second.headers.getSetCookie()[0]!;
    expect(active.split(";")[0]).not.toBe(pending.split(";")[0]);
    // The half-signed-in session no longer exists.
    const reuse = await fetch(`${server.url}/staff`, { redirect: "manual", headers: { cookie: pending.split(";")[0]! } });
    expect(reuse.status).toBe(302);
  });

  it("treats a tampered cookie as signed out", async () => {
    const { client } = await signedInClient(server, "lead");
    const tampered = client.cookieHeader().replace(/icct_staff=([^;]{5})/, "icct_staff=AAAAA");
    const response = await fetch(`${server.url}/staff`, { redirect: "manual", headers: { cookie: tampered } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/staff/sign-in");
  });
});

describe("throttling per client address", () => {
  it("stops one address trying many accounts, without locking out other addresses", async () => {
    const proxied = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, TRUST_PROXY: "1", AUTH_FAILURES_PER_CLIENT: "3" } });
    try {
      const attacker = new BrowserClient(proxied.url, { "x-forwarded-for": "203.0.113.50" });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await attacker.post("/staff/sign-in", { email: `guess-${i}@example.nhs.uk`, password: "a wrong password" })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const user = await createStaffUser(proxied, "lead");
      const colleague = new BrowserClient(proxied.url, { "x-forwarded-for": "198.51.100.7" });
      expect((await signIn(colleague, user)).url).toBe(`${proxied.url}/staff`);
      const entries = rows<{ client_address: string }>(proxied.databasePath, "select client_address from audit_log where action = 'auth.throttled'");
      expect(entries.map((entry) => entry.client_address)).toContain("203.0.113.50");
    } finally {
      await proxied.stop();
    }
  });
});

describe("sessions", () => {
  it("end after 30 minutes without a request (idle timeout)", async () => {
    const { client, user } = await signedInClient(server, "lead");
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff`);
    shiftSession(user.id, "last_seen_at", -29);
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff`);
    shiftSession(user.id, "last_seen_at", -31);
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff/sign-in`);
  });

  it("end 12 hours after signing in however active (absolute timeout)", async () => {
    const { client, user } = await signedInClient(server, "lead");
    shiftSession(user.id, "expires_at", -(12 * 60 - 1));
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff`);
    shiftSession(user.id, "expires_at", -2);
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff/sign-in`);
  });

  it("end on sign out, and everywhere on 'sign out everywhere'", async () => {
    const user = await createStaffUser(server, "admin");
    const laptop = new BrowserClient(server.url);
    const phone = new BrowserClient(server.url);
    await signIn(laptop, user);
    await signIn(phone, user);
    const out = await laptop.post("/staff/sign-out", {});
    expect(out.url).toBe(`${server.url}/staff/sign-in?notice=signed-out`);
    expect((await laptop.get("/staff")).url).toContain("/staff/sign-in");
    expect((await phone.get("/staff")).url).toBe(`${server.url}/staff`);
    const desk = new BrowserClient(server.url);
    await desk.post("/staff/sign-in", { email: user.email, password: user.password });
    await desk.post("/staff/sign-in/two-factor", { code: user.recoveryCodes[0]! });
    await desk.post("/staff/sign-out", { everywhere: "yes" });
    expect((await phone.get("/staff")).url).toContain("/staff/sign-in");
    expect(audit("auth.sign_out_everywhere", user.id)).toBe(1);
  });

  it("end at once when an admin disables the account", async () => {
    const { client: admin } = await signedInClient(server, "admin");
    const { client: lead, user } = await signedInClient(server, "lead");
    const done = await admin.post(`/staff/admin/users/${user.id}`, { intent: "disable" });
    expect(done.html).toContain("Account disabled");
    expect((await lead.get("/staff")).url).toContain("/staff/sign-in");
    const again = await new BrowserClient(server.url).post("/staff/sign-in", { email: user.email, password: user.password });
    expect(again.status).toBe(401);
  });
});

describe("staff requests", () => {
  it("refuse a cross-site post with 403", async () => {
    const { client } = await signedInClient(server, "admin");
    const response = await fetch(`${server.url}/staff/sign-out`, {
      method: "POST",
      headers: { cookie: client.cookieHeader(), origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
      body: "everywhere=yes",
    });
    expect(response.status).toBe(403);
    expect((await client.get("/staff")).url).toBe(`${server.url}/staff`);
  });

  it("are never cached and carry the security headers", async () => {
    const { client } = await signedInClient(server, "admin");
    const pages = ["/staff", "/staff/admin/users", "/staff/account", "/staff/admin/audit", "/staff/admin/users.data", "/staff/forgot-password"];
    for (const path of pages) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookieHeader() }, redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    const signInPage = await fetch(`${server.url}/staff/sign-in`);
    expect(signInPage.headers.get("cache-control")).toBe("no-store");
  });
});

describe("invitations", () => {
  it("let an invited person set a password once, then set up two-factor", async () => {
    const { client: admin } = await signedInClient(server, "admin");
    const email = `new-lead-${Date.now()}@example.nhs.uk`;
    const invited = await admin.post("/staff/admin/users", { name: "Nina New", email, role: "lead" });
    expect(invited.html).toContain(`An invitation has been sent to ${email}`);
    const link = await emailedLink(email, "/staff/invite/");
    const token = link.pathname.split("/").at(-1)!;
    expect(count(server.databasePath, "select count(*) n from user_tokens where token_hash like ?", `%${token}%`)).toBe(0);
    await waitFor("the sent invitation to be forgotten", () => count(server.databasePath, "select count(*) n from outbox where template = 'staff-invite' and payload like ?", `%${token}%`) === 0);

    const person = new BrowserClient(server.url);
    const form = await person.get(link.pathname);
    expect(form.html).toContain("Create your account");
    const weak = await person.post(link.pathname, { password: "password1234", confirmPassword: "password1234" });
    expect(weak.status).toBe(400);
    expect(errorSummaryOf(weak.html)).toEqual(["password: This password is too common. Choose a different password"]);
    const done = await person.post(link.pathname, { password: "quiet harbour violet engine", confirmPassword: "quiet harbour violet engine" });
    expect(done.url).toBe(`${server.url}/staff/two-factor/setup`);
    expect(await person.get("/staff").then((page) => page.url)).toBe(`${server.url}/staff/two-factor/setup`);

    const key = /data-testid="totp-key">([A-Z2-7 ]+)</.exec(done.html)![1]!.replace(/ /g, "");
    const wrongCode = await person.post("/staff/two-factor/setup", { code: "123456" });
    expect(wrongCode.status).toBe(401);
    const enrolled = await person.post("/staff/two-factor/setup", { code: currentCode(key) });
    expect(enrolled.url).toBe(`${server.url}/staff/two-factor/recovery-codes?returnTo=%2Fstaff&enrolled=1`);
    const codesPage = await person.post("/staff/two-factor/recovery-codes?returnTo=%2Fstaff&enrolled=1", {});
    const codes = [...codesPage.html.matchAll(/<code>([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})<\/code>/g)].map((match) => match[1]!);
    expect(codes).toHaveLength(10);
    expect(rows<{ code_hash: string }>(server.databasePath, "select code_hash from user_recovery_codes").map((row) => row.code_hash).join()).not.toContain(codes[0]!);

    const later = new BrowserClient(server.url);
    await later.post("/staff/sign-in", { email, password: "quiet harbour violet engine" });
    expect((await later.post("/staff/sign-in/two-factor", { code: codes[3]! })).url).toBe(`${server.url}/staff`);
    const reused = await new BrowserClient(server.url).get(link.pathname);
    expect(reused.status).toBe(404);
    expect(reused.html).toContain("This link has expired or has already been used");
  });

  it("expire after 48 hours", async () => {
    const { client: admin } = await signedInClient(server, "admin");
    const email = `late-${Date.now()}@example.nhs.uk`;
    await admin.post("/staff/admin/users", { name: "Larry Late", email, role: "planner" });
    const path = (await emailedLink(email, "/staff/invite/")).pathname;
    const db = new Database(server.databasePath);
    db.prepare("update user_tokens set expires_at = ? where user_id = (select id from users where email = ?)").run(new Date(Date.now() - 1000).toISOString(), email);
    db.close();
    expect((await new BrowserClient(server.url).get(path)).status).toBe(404);
  });
});

describe("password reset", () => {
  it("answers the same whether or not the address has an account, and only emails real accounts", async () => {
    const user = await createStaffUser(server, "planner");
    const before = count(server.databasePath, "select count(*) n from outbox where template = 'password-reset'");
    const known = await new BrowserClient(server.url).post("/staff/forgot-password", { email: user.email });
    const unknown = await new BrowserClient(server.url).post("/staff/forgot-password", { email: "nobody-here@example.nhs.uk" });
    expect(known.status).toBe(unknown.status);
    const strip = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/nonce="[^"]*"/g, "");
    expect(strip(known.html)).toBe(strip(unknown.html));
    expect(count(server.databasePath, "select count(*) n from outbox where template = 'password-reset'")).toBe(before + 1);
  });

  it("sets a new password once, within 30 minutes, and signs the account out everywhere", async () => {
    const { client: signedIn, user } = await signedInClient(server, "planner");
    await new BrowserClient(server.url).post("/staff/forgot-password", { email: user.email });
    const path = (await emailedLink(user.email, "/staff/reset-password/")).pathname;
    const person = new BrowserClient(server.url);
    const done = await person.post(path, { password: "seven purple otters swim", confirmPassword: "seven purple otters swim" });
    expect(done.url).toBe(`${server.url}/staff/sign-in?notice=password-reset`);
    expect((await signedIn.get("/staff")).url).toContain("/staff/sign-in");
    expect((await person.post(path, { password: "another fine password", confirmPassword: "another fine password" })).status).toBe(404);
    const next = await new BrowserClient(server.url).post("/staff/sign-in", { email: user.email, password: "seven purple otters swim" });
    expect(next.url).toContain("/staff/sign-in/two-factor");
  });
});

describe("the first admin", () => {
  it("is explained at start-up when there are no accounts, and there is no default password", async () => {
    const fresh = await startServer();
    try {
      expect(fresh.output()).toContain("npm run user -- add --email");
      expect(count(fresh.databasePath, "select count(*) n from users")).toBe(0);
    } finally {
      await fresh.stop();
    }
  });
});
