import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface ReceivedMessage {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpReply {
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /** A fixed port (to start a server where one was missing); a free one otherwise. */
  port?: number;
  /** The reply to a RCPT TO; accepted when it returns null. */
  onRecipient?: (address: string) => SmtpReply | null;
  /**
   * Runs once a message's content has arrived (it is already in `messages`), before the reply:
   * a promise that never settles makes a server that takes the message and never answers.
   */
  beforeReply?: (message: ReceivedMessage) => Promise<void> | void;
}

export interface SmtpSink {
  port: number;
  /** Every message whose content arrived, in order, whether or not it was acknowledged. */
  messages: ReceivedMessage[];
  /** Recipients refused at RCPT TO, with the reply code. */
  refused: { address: string; code: number }[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (the smtp-server package), without TLS, recording what it receives. */
export async function startSmtpSink({ port = 0, onRecipient, beforeReply }: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMessage[] = [];
  const refused: { address: string; code: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      const reply = onRecipient?.(address.address);
      if (!reply) return callback();
      refused.push({ address: address.address, code: reply.code });
      const error: SMTPServerError = new Error(reply.message);
      error.responseCode = reply.code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then(async (parsed) => {
          const message: ReceivedMessage = {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
            },
            raw,
            parsed,
          };
          messages.push(message);
          await beforeReply?.(message);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    messages,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it: an SMTP server that is down. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}
