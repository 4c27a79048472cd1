import type { SendMailOptions } from "nodemailer";
import { z } from "zod";

import type { DB } from "~db/client";

import type { Logger } from "~/modules/observability/logger";

import { classifyFailure, describeFailure, retryDelayMs, type RetryPolicy } from "./delivery-policy";
import { claimDueMessages, recordOutcomes, type ClaimedMessage, type DeliveryOutcome, type EmailRetention } from "./outbox.server";
import { composeEmail, UnsendableMessageError } from "./templates.server";
import type { MailTransport } from "./transport.server";

export interface OutboxWorkerOptions {
  db: DB;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
  from: { name: string; address: string };
  retry: RetryPolicy;
  /** How long a claimed message stays reserved: after a crash, it is sent again once this runs out. */
  leaseMs: number;
  /** Messages sent at once; the SMTP pool opens as many connections. */
  concurrency: number;
  retention: EmailRetention;
  publicUrl: URL;
  contactEmail: string;
  pollIntervalMs?: number;
}

/**
 * Claimed messages held per sending slot. The worker goes back to the database only when its
 * queue runs low, so each commit (which blocks the process while the disk syncs) covers many
 * messages (`npm run bench -- mail`, median against a plain send loop: 8 per slot 0.69x, 16
 * 0.81x, 32 0.87x, on a shared 2-core machine). A worker never claims a message it holds,
 * whatever its lease; the lease only decides how soon after a crash the messages a dead worker
 * held are sent again.
 */
const CLAIMED_PER_SLOT = 32;
/** A finished send is written back within this long even when nothing else needs the database. */
const WRITE_BACK_DELAY_MS = 50;
const emailAddress = z.email();
const HEADER_SAFE_MESSAGE_ID = /^<[A-Za-z0-9._-]+@[A-Za-z0-9.-]+>$/;

/**
 * Delivers the outbox, inside the server process. Messages are claimed in batches under a lease
 * and sent a few at a time; what happened to them is written back in one transaction per turn,
 * together with the next claim (SQLite's commit, not SMTP, is the costly step). Each message
 * goes pending → sending → sent, or back to pending with a growing delay, or to dead.
 *
 * stop() lets sends in progress finish for a grace period, then closes the connections under the
 * rest and puts every message it still holds back to pending, so nothing is left waiting for a
 * lease to run out.
 */
export class OutboxWorker {
  /** Messages delivered and given up since start, as written to the database: for the benchmark. */
  readonly stats = { sent: 0, dead: 0 };

  private readonly queue: ClaimedMessage[] = [];
  /** Claimed and not yet written back: queued, sending, or finished. */
  private readonly held = new Set<number>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private outcomes: DeliveryOutcome[] = [];
  private running = false;
  /** Set once stop() has given up waiting and closed the transport under the sends still going. */
  private cancelled = false;
  private closed = false;
  private cycling: Promise<void> | null = null;
  private cycleAgain = false;
  private poll: NodeJS.Timeout | null = null;
  private writeBack: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    if (this.running || this.closed) return;
    this.running = true;
    this.poll = setInterval(() => this.requestCycle(), this.options.pollIntervalMs ?? 1000);
    this.poll.unref();
    this.requestCycle();
    const { transport, logger } = this.options;
    if (transport.kind === "smtp") {
      // Reported, never fatal: messages wait in the outbox until the server can be reached.
      transport.verify().then(
        () => logger.info("mail.smtp_ready", { server: transport.description }),
        (error: unknown) => logger.error("mail.smtp_unavailable", { server: transport.description, error: describeFailure(error) }),
      );
    }
  }

  /** Finishes or releases every message in hand, then closes the transport. */
  stop(graceMs = 5000): Promise<void> {
    this.stopping ??= this.finish(graceMs);
    return this.stopping;
  }

  private async finish(graceMs: number): Promise<void> {
    this.running = false;
    if (this.poll) clearInterval(this.poll);
    if (this.writeBack) clearTimeout(this.writeBack);
    await settleWithin([...this.inFlight.values()], graceMs);
    if (this.inFlight.size > 0) {
      this.options.logger.warn("mail.sends_cancelled", { count: this.inFlight.size });
      this.cancelled = true;
    }
    this.options.transport.close();
    await settleWithin([...this.inFlight.values()], 1000);
    this.closed = true;
    await this.cycling;
    const unstarted = this.queue.splice(0).map((message): DeliveryOutcome => ({ id: message.id, result: "released", started: false }));
    const stillSending = [...this.inFlight.keys()].map((id): DeliveryOutcome => ({ id, result: "released", started: true }));
    const final = [...this.outcomes.splice(0), ...unstarted, ...stillSending];
    if (final.length > 0) {
      try {
        await this.options.db.transaction().execute((trx) => recordOutcomes(trx, final, { now: this.options.now(), retention: this.options.retention }));
        this.logOutcomes(final);
      } catch (error) {
        this.options.logger.error("mail.stop_failed", { error: describeFailure(error) });
      }
    }
  }

  private requestCycle(): void {
    if (this.closed) return;
    if (this.cycling) {
      this.cycleAgain = true;
      return;
    }
    this.cycling = this.runCycles().finally(() => {
      this.cycling = null;
    });
  }

  private async runCycles(): Promise<void> {
    do {
      this.cycleAgain = false;
      await this.cycle();
    } while (this.cycleAgain && !this.closed);
  }

  /** One transaction: write back what has finished, and claim as many messages as there is room for. */
  private async cycle(): Promise<void> {
    if (this.writeBack) clearTimeout(this.writeBack);
    this.writeBack = null;
    const outcomes = this.outcomes.splice(0);
    const room = this.running ? this.options.concurrency * CLAIMED_PER_SLOT - this.held.size : 0;
    if (outcomes.length === 0 && room <= 0) return;
    const now = this.options.now();
    let claimed: ClaimedMessage[];
    try {
      claimed = await this.options.db.transaction().execute(async (trx) => {
        if (outcomes.length > 0) await recordOutcomes(trx, outcomes, { now, retention: this.options.retention });
        return room > 0 ? claimDueMessages(trx, { limit: room, now, leaseMs: this.options.leaseMs, exclude: [...this.held] }) : [];
      });
    } catch (error) {
      // Keep the outcomes for the next turn; the poll tries again.
      this.outcomes = [...outcomes, ...this.outcomes];
      this.options.logger.error("mail.outbox_update_failed", { error: describeFailure(error) });
      return;
    }
    for (const outcome of outcomes) this.held.delete(outcome.id);
    this.logOutcomes(outcomes);
    for (const message of claimed) {
      this.held.add(message.id);
      this.queue.push(message);
    }
    this.pump();
  }

  private pump(): void {
    while (this.running && this.inFlight.size < this.options.concurrency && this.queue.length > 0) {
      const message = this.queue.shift()!;
      const sending = this.deliver(message).then((outcome) => {
        if (this.closed) return;
        this.inFlight.delete(message.id);
        this.outcomes.push(outcome);
        this.pump();
        if (this.queue.length < this.options.concurrency) this.requestCycle();
        else this.writeBack ??= setTimeout(() => this.requestCycle(), WRITE_BACK_DELAY_MS);
      });
      this.inFlight.set(message.id, sending);
    }
  }

  /** Sends one message and says what should happen to it; never throws. */
  private async deliver(message: ClaimedMessage): Promise<DeliveryOutcome> {
    let mail: SendMailOptions;
    try {
      mail = this.compose(message);
    } catch (error) {
      // A message that cannot be built will not build next time either; anything else may be a fault that a fix and a restart cure.
      if (error instanceof UnsendableMessageError) return { id: message.id, result: "dead", error: describeFailure(error) };
      return this.failed(message, error);
    }
    try {
      const receipt = await this.options.transport.send(mail);
      this.options.logger.info("mail.sent", { outboxId: message.id, template: message.template, attempts: message.attempts, file: receipt.file });
      return { id: message.id, result: "sent", template: message.template, submissionId: message.submissionId };
    } catch (error) {
      // Whether the server took it before the connection closed is unknown: it goes again, with the same Message-ID.
      if (this.cancelled) return { id: message.id, result: "released", started: true };
      if (classifyFailure(error) === "permanent") return { id: message.id, result: "dead", error: describeFailure(error) };
      return this.failed(message, error);
    }
  }

  private failed(message: ClaimedMessage, error: unknown): DeliveryOutcome {
    const reason = describeFailure(error);
    const { retry, now } = this.options;
    if (message.attempts >= retry.maxAttempts) {
      return { id: message.id, result: "dead", error: `gave up after ${message.attempts} attempts: ${reason}` };
    }
    return { id: message.id, result: "retry", error: reason, nextAttemptAt: new Date(now().getTime() + retryDelayMs(retry, message.attempts, Math.random())) };
  }

  /**
   * Builds the message from validated parts only. The recipient, the Message-ID and the payload
   * all come from a database row, so each is checked here: none can carry a line break into a
   * header, and the recipient is one address, never a list.
   */
  private compose(message: ClaimedMessage): SendMailOptions {
    const recipient = message.recipient ?? "";
    if (/[\r\n]/.test(recipient) || !emailAddress.safeParse(recipient).success) {
      throw new UnsendableMessageError("the recipient is not one valid email address");
    }
    if (!HEADER_SAFE_MESSAGE_ID.test(message.messageId)) throw new UnsendableMessageError("the Message-ID is malformed");
    const { publicUrl, contactEmail, from } = this.options;
    const email = composeEmail(message.template, message.payload, { publicUrl, contactEmail, summaryDue: message.summaryDue });
    return {
      from,
      to: { name: "", address: recipient },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: message.messageId,
      headers: {
        // Automatic replies (out of office) should not answer a service message (RFC 3834).
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
      },
    };
  }

  private logOutcomes(outcomes: DeliveryOutcome[]): void {
    const { logger } = this.options;
    for (const outcome of outcomes) {
      switch (outcome.result) {
        case "sent":
          this.stats.sent += 1;
          break;
        case "retry":
          logger.warn("mail.retry_scheduled", { outboxId: outcome.id, nextAttemptAt: outcome.nextAttemptAt.toISOString(), error: outcome.error });
          break;
        case "dead":
          this.stats.dead += 1;
          logger.error("mail.dead", { outboxId: outcome.id, error: outcome.error });
          break;
        case "released":
          logger.info("mail.released", { outboxId: outcome.id, started: outcome.started });
          break;
      }
    }
  }

}

async function settleWithin(promises: Promise<unknown>[], ms: number): Promise<void> {
  if (promises.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(promises), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
