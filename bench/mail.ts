/**
 * `npm run bench -- mail`: drains queued confirmation emails through the outbox worker into a
 * local smtp-server sink, against a plain nodemailer send loop to the same kind of sink measured
 * in the same run.
 *
 * Both use the service's SMTP transport (pooled, SMTP_MAX_CONNECTIONS connections, the same
 * timeouts) and keep that many sends going at once. The baseline sends one pre-rendered
 * confirmation over and over and writes nothing down. The outbox does everything the service
 * does: claims rows under a lease, renders each email from its payload, sends it, marks it sent
 * and removes the address, in SQLite with synchronous=FULL. Each run is warmed up first.
 *
 * The machine may be shared, so baseline and outbox alternate over several rounds and the median
 * of the per-round ratios is reported.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { SMTPServer } from "smtp-server";

import { openDatabase, type DB } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { enqueueEmail } from "~/modules/mail/outbox.server";
import { composeEmail } from "~/modules/mail/templates.server";
import { createSmtpTransport, type MailTransport } from "~/modules/mail/transport.server";
import { OutboxWorker } from "~/modules/mail/worker.server";
import { createLogger } from "~/modules/observability/logger";
import { generateReference } from "~/modules/submissions/reference";
import { parseEnv } from "~/server/env";

import { insertBareSubmission } from "../tests/support/bare-submission";

import { formatRate } from "./support";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP = 200;
const env = parseEnv({});
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? env.SMTP_MAX_CONNECTIONS);
const publicUrl = new URL("https://icct.example.nhs.uk");
const from = { name: "Improving Cancer Care Together", address: "no-reply@icct.example.nhs.uk" };
const quiet = createLogger("error", () => {});

/** A loopback SMTP server that counts what it accepts, and the distinct Message-IDs among them. */
async function startSink() {
  const messageIds = new Set<string>();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const id = /^Message-ID: *(\S+)/im.exec(head)?.[1];
        if (id) messageIds.add(id);
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    counts: () => ({ accepted, distinct: messageIds.size }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function transportTo(port: number): MailTransport {
  return createSmtpTransport({ host: "127.0.0.1", port, secure: false, auth: null }, CONNECTIONS);
}

async function plainLoop(count: number): Promise<{ seconds: number; accepted: number }> {
  const sink = await startSink();
  const transport = transportTo(sink.port);
  const email = composeEmail("submission-confirmation", JSON.stringify({ reference: generateReference("ICCT") }), { publicUrl, contactEmail: env.CONTACT_EMAIL, summaryDue: "in spring 2027" });
  const run = async (total: number, offset: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < total) {
          const n = offset + next++;
          await transport.send({ from, to: `person${n}@example.com`, subject: email.subject, text: email.text, html: email.html, messageId: `<plain-${n}@bench>` });
        }
      }),
    );
  };
  await run(WARM_UP, 0);
  const started = process.hrtime.bigint();
  await run(count, WARM_UP);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transport.close();
  const { accepted } = sink.counts();
  await sink.close();
  return { seconds, accepted: accepted - WARM_UP };
}

async function queueConfirmations(db: DB, count: number): Promise<void> {
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1) {
      const email = `person${i}@example.com`;
      const { id, reference } = await insertBareSubmission(trx, { email });
      await enqueueEmail(trx, { template: "submission-confirmation", recipient: email, payload: { reference }, submissionId: id, messageIdDomain: publicUrl.hostname, now });
    }
  });
}

async function drain(db: DB, transport: MailTransport, count: number): Promise<{ seconds: number; worker: OutboxWorker }> {
  const worker = new OutboxWorker({
    db,
    transport,
    logger: quiet,
    now: () => new Date(),
    from,
    retry: { baseDelayMs: env.MAIL_RETRY_BASE_SECONDS * 1000, maxDelayMs: env.MAIL_RETRY_MAX_SECONDS * 1000, maxAttempts: env.MAIL_MAX_ATTEMPTS },
    leaseMs: env.MAIL_LEASE_SECONDS * 1000,
    concurrency: CONNECTIONS,
    retention: env.RESPONDENT_EMAIL_RETENTION,
    publicUrl,
    contactEmail: env.CONTACT_EMAIL,
  });
  const started = process.hrtime.bigint();
  worker.start();
  while (worker.stats.sent + worker.stats.dead < count) await new Promise((resolve) => setTimeout(resolve, 2));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, worker };
}

async function outbox(count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "icct-bench-mail-"));
  const db = openDatabase({ filename: join(dataDir, "app.db") });
  await migrateToLatestOrThrow(db);
  await seedReferenceData(db);
  const sink = await startSink();

  await queueConfirmations(db, WARM_UP);
  const warmUp = await drain(db, transportTo(sink.port), WARM_UP);
  await warmUp.worker.stop();

  await queueConfirmations(db, count);
  const transport = transportTo(sink.port);
  const { seconds, worker } = await drain(db, transport, count);
  await worker.stop();
  const { accepted, distinct } = sink.counts();
  const states = await db.selectFrom("outbox").select((eb) => ["state", eb.fn.countAll<number>().as("n")]).groupBy("state").execute();
  const addressesLeft = await db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "is not", null).executeTakeFirstOrThrow();
  await sink.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    seconds,
    accepted: accepted - WARM_UP,
    distinct: distinct - WARM_UP,
    dead: worker.stats.dead,
    states: Object.fromEntries(states.map((row) => [row.state, Number(row.n)])),
    addressesLeft: Number(addressesLeft.n),
  };
}

console.log(
  `mail benchmark: ${MESSAGES.toLocaleString("en-GB")} messages per run, ${CONNECTIONS} SMTP connections, loopback smtp-server sink, ` +
    `${ROUNDS} rounds (baseline then outbox in each, so both meet the same load)`,
);
const ratios: number[] = [];
let allExactlyOnce = true;
for (let round = 1; round <= ROUNDS; round += 1) {
  const baseline = await plainLoop(MESSAGES);
  const drained = await outbox(MESSAGES);
  const baselineRate = MESSAGES / baseline.seconds;
  const outboxRate = MESSAGES / drained.seconds;
  ratios.push(outboxRate / baselineRate);
  const exactlyOnce = baseline.accepted === MESSAGES && drained.accepted === MESSAGES && drained.distinct === MESSAGES && drained.states.sent === MESSAGES + WARM_UP && drained.dead === 0;
  allExactlyOnce &&= exactlyOnce;
  console.log(
    `round ${round}: plain nodemailer loop ${formatRate(baselineRate)} messages/s (${baseline.seconds.toFixed(2)} s); ` +
      `outbox ${formatRate(outboxRate)} messages/s (${drained.seconds.toFixed(2)} s); ratio ${(outboxRate / baselineRate).toFixed(2)}x; ` +
      `outbox states ${JSON.stringify(drained.states)}, addresses left on responses ${drained.addressesLeft}`,
  );
}
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
console.log(`ratio (outbox / plain loop), median of ${ROUNDS} rounds: ${median.toFixed(2)}x   target >= 0.7x: ${median >= 0.7 ? "met" : "missed"}`);
console.log(`every message delivered exactly once, in every round: ${allExactlyOnce ? "yes" : "NO"}`);
