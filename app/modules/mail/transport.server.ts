import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

import nodemailer, { type SendMailOptions, type Transport } from "nodemailer";

/**
 * Where mail goes: an SMTP server (SMTP_URL), or, with no SMTP_URL, .eml files in a folder so the
 * service works on a fresh machine. Both take a complete nodemailer message.
 */
export interface MailTransport {
  readonly kind: "smtp" | "file";
  /** For logs: host and port, or the folder. Never credentials. */
  readonly description: string;
  /** Resolves once the server has accepted the message (or the file is written). */
  send(message: SendMailOptions): Promise<DeliveryReceipt>;
  /** Connects (and signs in) without sending, to report a bad configuration early. */
  verify(): Promise<void>;
  /** Closes every connection, ending any send still in progress (it fails). */
  close(): void;
}

export interface DeliveryReceipt {
  /** The file sink's file for this message. */
  file?: string;
}

/**
 * Explicit limits, far below nodemailer's defaults (2 minutes to connect, 10 minutes of socket
 * silence), so a stuck server costs seconds, not the worker's lease.
 */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps:// (TLS from the start); smtp:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

export type SmtpSettingsResult = { ok: true; settings: SmtpSettings } | { ok: false; problem: string };

/**
 * Reads SMTP_URL (smtp://[user:password@]host[:port] or smtps://...) with SMTP_USER and
 * SMTP_PASSWORD, which take the place of credentials in the URL. Problems are described without
 * repeating the URL, which may hold a password.
 */
export function parseSmtpSettings(url: string, user?: string, password?: string): SmtpSettingsResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: "SMTP_URL is not a URL; expected smtp://host:port or smtps://host:port" };
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    return { ok: false, problem: `SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//` };
  }
  if (!parsed.hostname) return { ok: false, problem: "SMTP_URL has no host name" };
  if ((parsed.pathname && parsed.pathname !== "/") || parsed.search || parsed.hash) {
    return { ok: false, problem: "SMTP_URL must not have a path or query: use smtp://host:port" };
  }
  const secure = parsed.protocol === "smtps:";
  const authUser = user ?? decodeURIComponent(parsed.username);
  const authPassword = password ?? decodeURIComponent(parsed.password);
  if (Boolean(authUser) !== Boolean(authPassword)) {
    return { ok: false, problem: "SMTP credentials are incomplete: give both a user name and a password (in SMTP_URL or SMTP_USER and SMTP_PASSWORD), or neither" };
  }
  return {
    ok: true,
    settings: {
      host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      auth: authUser ? { user: authUser, pass: authPassword } : null,
    },
  };
}

export function createSmtpTransport(settings: SmtpSettings, maxConnections: number): MailTransport {
  const transporter = nodemailer.createTransport({
    pool: true,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.auth ?? undefined,
    maxConnections,
    // The outbox decides about retries, with backoff and a count; the pool must not resend on its own.
    maxRequeues: 0,
    ...SMTP_TIMEOUTS_MS,
    // Messages are built from templates only: never read a file or URL into one.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "smtp",
    description: `${settings.secure ? "smtps" : "smtp"}://${settings.host}:${settings.port}`,
    async send(message) {
      await transporter.sendMail(message);
      return {};
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close({ force: true });
    },
  };
}

/**
 * Writes each message, exactly as it would be sent, to `<directory>/<Message-ID>.eml`. A message
 * sent again overwrites its own file, as a mail server would recognise it by its Message-ID.
 */
export function createFileSinkTransport(directory: string): MailTransport {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const writeToFile: Transport<{ file: string }> = {
    name: "icct-file-sink",
    version: "1",
    send(mail, callback) {
      const file = join(directory, `${mail.message.messageId().replace(/[^A-Za-z0-9@._-]/g, "")}.eml`);
      mail.message
        .build()
        // The file holds the recipient's address: readable by the service's user only.
        .then((raw) => writeFile(file, raw, { mode: 0o600 }))
        .then(
          () => callback(null, { file }),
          (error: NodeJS.ErrnoException) => callback(error),
        );
    },
  };
  const transporter = nodemailer.createTransport(writeToFile);
  return {
    kind: "file",
    description: directory,
    async send(message) {
      const info = await transporter.sendMail(message);
      return { file: info.file };
    },
    async verify() {},
    close() {
      transporter.close();
    },
  };
}

export type MailTransportSetup = { ok: true; transport: MailTransport } | { ok: false; problem: string };

export interface TransportEnv {
  SMTP_URL?: string;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
  SMTP_MAX_CONNECTIONS: number;
}

/** SMTP when SMTP_URL is set and valid; the file sink under `mailDir` when it is not set. */
export function createMailTransport(env: TransportEnv, mailDir: string): MailTransportSetup {
  if (!env.SMTP_URL) return { ok: true, transport: createFileSinkTransport(mailDir) };
  const settings = parseSmtpSettings(env.SMTP_URL, env.SMTP_USER, env.SMTP_PASSWORD);
  if (!settings.ok) return settings;
  return { ok: true, transport: createSmtpTransport(settings.settings, env.SMTP_MAX_CONNECTIONS) };
}
