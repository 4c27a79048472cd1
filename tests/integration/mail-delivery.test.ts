import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";

import { BrowserClient } from "../support/browser-client";
import { rows } from "../support/database";
import { fillJourney, referenceIn, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";
import { closedPort, startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { waitFor } from "../support/wait";

/**
 * Email through the real built server to a real SMTP server on loopback: what arrives, and what
 * happens when the mail server is down, refuses, or the service stops in the middle of a send.
 */

const PUBLIC_URL = "https://icct.example.nhs.uk";
const FROM_ADDRESS = "no-reply@icct.example.nhs.uk";

function mailEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: `Improving Cancer Care Together <${FROM_ADDRESS}>`,
    PUBLIC_URL,
    STAFF_NOTIFICATIONS: "off",
    MAIL_RETRY_BASE_SECONDS: "0.2",
    LOG_LEVEL: "info",
    ...extra,
  };
}

interface OutboxRow {
  id: number;
  state: string;
  attempts: number;
  recipient: string | null;
  last_error: string | null;
  message_id: string;
  lease_expires_at: string | null;
  sent_at: string | null;
}

function outboxRowFor(server: RunningServer, reference: string): OutboxRow {
  const [row] = rows<OutboxRow>(server.databasePath, "select o.* from outbox o join submissions s on s.id = o.submission_id where s.reference = ?", reference);
  if (!row) throw new Error(`no outbox row for ${reference}`);
  return row;
}

function emailOnResponse(server: RunningServer, reference: string): string | null {
  return rows<{ email: string | null }>(server.databasePath, "select email from submissions where reference = ?", reference)[0]!.email;
}

async function sendResponse(server: RunningServer, email: string, contactPreferences: string[] = []) {
  const client = new BrowserClient(server.url);
  await fillJourney(client, { stayInTouch: { email, contactPreferences } });
  const equality = await client.post("/check-answers", {});
  expect(equality.url).toMatch(/\/equality$/);
  return { client, reference: referenceIn(equality.html) };
}

const waitForState = (server: RunningServer, reference: string, state: string) =>
  waitFor(`the message to be ${state}`, () => {
    const row = outboxRowFor(server, reference);
    return row.state === state && row;
  });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options);
  cleanups.push(() => started.close());
  return started;
}

async function server(env: Record<string, string>, dataDir?: string): Promise<RunningServer> {
  const started = await startServer({ env, dataDir });
  // A server this test killed has exited already; stop() is for one still running.
  cleanups.push(() => (started.process.exitCode === null && started.process.signalCode === null ? started.stop() : undefined));
  return started;
}

function temporaryDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "icct-mail-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function kill(running: RunningServer, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.process.once("exit", (code) => resolve(code)));
  running.process.kill(signal);
  return exited;
}

describe("the confirmation email", () => {
  it("arrives as multipart/alternative with the right headers and the reference, and none of the answers", async () => {
    const smtp = await sink();
    const app = await server(mailEnv(smtp.port));
    const { client, reference } = await sendResponse(app, "jo.bloggs@example.com");

    const sent = await waitForState(app, reference, "sent");
    expect(smtp.messages).toHaveLength(1);
    const [{ envelope, parsed, raw }] = smtp.messages as [(typeof smtp.messages)[0]];
    expect(envelope).toEqual({ from: FROM_ADDRESS, to: ["jo.bloggs@example.com"] });
    expect(parsed.subject).toBe(`Your priorities have been received – ${reference}`);
    expect(parsed.from?.value).toEqual([{ name: "Improving Cancer Care Together", address: FROM_ADDRESS }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual(["jo.bloggs@example.com"]);
    expect(parsed.messageId).toBe(sent.message_id);
    expect(sent.message_id).toMatch(/^<[0-9a-f-]+@icct\.example\.nhs\.uk>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect((parsed.headers.get("content-type") as { value: string }).value).toBe("multipart/alternative");
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);

    for (const part of [parsed.text ?? "", String(parsed.html)]) {
      expect(part).toContain(reference);
      expect(part).toContain("What happens next");
      expect(part).toContain("in spring 2027");
      expect(part).toContain(`${PUBLIC_URL}/privacy`);
      expect(part).toContain(`${PUBLIC_URL}/`);
    }
    expect(String(parsed.html)).toMatch(/^<!doctype html><html lang="en"/);
    expect(String(parsed.html)).toContain(`<title>Your priorities have been received – ${reference}</title>`);
    for (const answer of [validPriorities.priority1What, validPriorities.priority1Why, validPriorities.priority2What, "bowel", "Wirral", "Clatterbridge", "carer"]) {
      expect(raw).not.toContain(answer);
      expect(parsed.text).not.toContain(answer);
      expect(String(parsed.html)).not.toContain(answer);
    }

    // Sent: the address is no longer needed, on the message or (no opt-in) on the response.
    expect(sent).toMatchObject({ attempts: 1, recipient: null, lease_expires_at: null, last_error: null });
    expect(emailOnResponse(app, reference)).toBeNull();
    expect((await client.get("/confirmation")).html).toContain(reference);
    expect((await client.get("/privacy")).html).toContain("Once we have sent your confirmation, we delete your email address");
    expect(app.output()).toContain('"event":"mail.sent"');
    expect(app.output()).not.toContain("jo.bloggs@example.com");
  });

  it("keeps the address of someone who asked to hear from us again, and only on the response", async () => {
    const smtp = await sink();
    const app = await server(mailEnv(smtp.port));
    const { reference } = await sendResponse(app, "keep.me@example.com", ["involvement"]);
    const sent = await waitForState(app, reference, "sent");
    expect(sent.recipient).toBeNull();
    expect(emailOnResponse(app, reference)).toBe("keep.me@example.com");
  });

  it("keeps every address with RESPONDENT_EMAIL_RETENTION=all, and the privacy notice does not promise otherwise", async () => {
    const smtp = await sink();
    const app = await server(mailEnv(smtp.port, { RESPONDENT_EMAIL_RETENTION: "all" }));
    const { client, reference } = await sendResponse(app, "kept@example.com");
    await waitForState(app, reference, "sent");
    expect(emailOnResponse(app, reference)).toBe("kept@example.com");
    expect((await client.get("/privacy")).html).not.toContain("we delete your email address");
  });
});

describe("when delivery fails", () => {
  it("accepts the response while the mail server is down, and delivers once, exactly once, when it listens", async () => {
    const port = await closedPort();
    const app = await server(mailEnv(port));
    const { client, reference } = await sendResponse(app, "patient@example.com");
    const confirmation = await client.get("/confirmation");
    expect(confirmation.status).toBe(200);
    expect(confirmation.html).toContain(reference);

    const waiting = await waitFor("a failed attempt", () => {
      const row = outboxRowFor(app, reference);
      return row.state === "pending" && row.attempts >= 1 && row;
    });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(waiting.recipient).toBe("patient@example.com");
    expect(app.output()).toContain('"event":"mail.smtp_unavailable"');

    const smtp = await sink({ port });
    const sent = await waitForState(app, reference, "sent");
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.parsed.messageId).toBe(sent.message_id);
    expect(sent.attempts).toBeGreaterThan(1);
    expect(app.output()).not.toContain("patient@example.com");
  });

  it("after a temporary refusal (451), tries again and delivers one copy", async () => {
    let recipients = 0;
    const smtp = await sink({ onRecipient: () => (recipients++ === 0 ? { code: 451, message: "4.7.1 Greylisted, try again later" } : null) });
    const app = await server(mailEnv(smtp.port));
    const { reference } = await sendResponse(app, "greylisted@example.com");
    const sent = await waitForState(app, reference, "sent");
    expect(smtp.refused).toEqual([{ address: "greylisted@example.com", code: 451 }]);
    expect(smtp.messages).toHaveLength(1);
    expect(sent.attempts).toBe(2);
    expect(app.output()).toContain('"event":"mail.retry_scheduled"');
  });

  it("marks a permanently refused address (550) dead with the reason, without holding up other mail", async () => {
    const smtp = await sink({
      onRecipient: (address) => (address.startsWith("nobody@") ? { code: 550, message: `5.1.1 <${address}>: Recipient address rejected: User unknown` } : null),
    });
    const app = await server(mailEnv(smtp.port));
    const refused = await sendResponse(app, "nobody@example.com");
    const accepted = await sendResponse(app, "somebody@example.com");

    const dead = await waitForState(app, refused.reference, "dead");
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toContain("550 5.1.1 <[address]>: Recipient address rejected");
    expect(dead.last_error).not.toContain("nobody@example.com");
    await waitForState(app, accepted.reference, "sent");
    expect(smtp.messages.map((message) => message.envelope.to)).toEqual([["somebody@example.com"]]);
    expect(app.output()).toContain('"event":"mail.dead"');
    expect(app.output()).not.toContain("nobody@example.com");
  });

  it("sends again after the server is killed mid-send, once the lease runs out, with the same Message-ID", async () => {
    let answer = false;
    const smtp = await sink({ beforeReply: () => (answer ? undefined : new Promise<void>(() => {})) });
    const dataDir = temporaryDataDir();
    const env = mailEnv(smtp.port, { MAIL_LEASE_SECONDS: "2" });
    const first = await server(env, dataDir);
    const { reference } = await sendResponse(first, "interrupted@example.com");
    await waitFor("the message to reach the mail server", () => smtp.messages.length === 1);
    expect(outboxRowFor(first, reference).state).toBe("sending");
    await kill(first, "SIGKILL");

    answer = true;
    const second = await server(env, dataDir);
    const sent = await waitForState(second, reference, "sent");
    expect(smtp.messages).toHaveLength(2);
    const [before, after] = smtp.messages.map((message) => message.parsed.messageId);
    expect(after).toBe(before);
    expect(after).toBe(sent.message_id);
    expect(sent.attempts).toBe(2);
  });
});

describe("stopping the server", () => {
  it("lets a send in progress finish on SIGTERM", async () => {
    const smtp = await sink({ beforeReply: () => new Promise<void>((resolve) => setTimeout(resolve, 1000)) });
    const dataDir = temporaryDataDir();
    const app = await server(mailEnv(smtp.port), dataDir);
    const { reference } = await sendResponse(app, "slow@example.com");
    await waitFor("the message to reach the mail server", () => smtp.messages.length === 1);
    expect(await kill(app, "SIGTERM")).toBe(0);
    expect(outboxRowFor(app, reference)).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("puts a send that does not finish in time back to pending on SIGTERM, and sends it after a restart", async () => {
    let answer = false;
    const smtp = await sink({ beforeReply: () => (answer ? undefined : new Promise<void>(() => {})) });
    const dataDir = temporaryDataDir();
    const first = await server(mailEnv(smtp.port), dataDir);
    const { reference } = await sendResponse(first, "stuck@example.com");
    await waitFor("the message to reach the mail server", () => smtp.messages.length === 1);
    expect(await kill(first, "SIGTERM")).toBe(0);
    expect(outboxRowFor(first, reference)).toMatchObject({ state: "pending", attempts: 1, lease_expires_at: null });
    expect(first.output()).toContain('"event":"mail.sends_cancelled"');

    answer = true;
    const second = await server(mailEnv(smtp.port), dataDir);
    const sent = await waitForState(second, reference, "sent");
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[1]!.parsed.messageId).toBe(sent.message_id);
    expect(smtp.messages[0]!.parsed.messageId).toBe(sent.message_id);
  });
});

describe("without a working SMTP_URL", () => {
  it("writes each message as an .eml file under DATA_DIR/mail when SMTP_URL is not set, and logs where", async () => {
    const dataDir = temporaryDataDir();
    const app = await server({ PUBLIC_URL, STAFF_NOTIFICATIONS: "off", LOG_LEVEL: "info" }, dataDir);
    const mailDir = join(dataDir, "mail");
    expect(app.output()).toContain('"event":"mail.file_sink"');
    expect(app.output()).toContain(JSON.stringify(mailDir));

    const { reference } = await sendResponse(app, "local@example.com");
    const sent = await waitForState(app, reference, "sent");
    const files = readdirSync(mailDir);
    expect(files).toEqual([`${sent.message_id.slice(1, -1)}.eml`]);
    const file = join(mailDir, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = await simpleParser(readFileSync(file));
    expect(parsed.subject).toBe(`Your priorities have been received – ${reference}`);
    expect(parsed.messageId).toBe(sent.message_id);
    expect(parsed.text).toContain(reference);
    expect(app.output()).toContain(file);
    expect(app.output()).not.toContain("local@example.com");
  });

  it("reports a broken SMTP_URL at boot, without its password, and still accepts responses, keeping their email queued", async () => {
    const app = await server({ PUBLIC_URL, STAFF_NOTIFICATIONS: "off", LOG_LEVEL: "info", SMTP_URL: "smtp://mailer:s3cret-pass@mail.example.com/relay" });
    expect(app.output()).toContain('"event":"mail.transport_invalid"');
    expect(app.output()).toContain("SMTP_URL must not have a path or query");
    expect(app.output()).not.toContain("s3cret-pass");

    const { client, reference } = await sendResponse(app, "queued@example.com");
    expect((await client.get("/confirmation")).html).toContain(reference);
    expect(outboxRowFor(app, reference)).toMatchObject({ state: "pending", attempts: 0, recipient: "queued@example.com" });
  });

  it("names the problem for a URL that is not SMTP", async () => {
    const app = await server({ STAFF_NOTIFICATIONS: "off", LOG_LEVEL: "info", SMTP_URL: "https://mail.example.com" });
    expect(app.output()).toContain("SMTP_URL must start with smtp:// or smtps://, not https://");
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
