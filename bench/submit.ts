/**
 * `npm run bench -- submit`: public submissions through the built server on loopback, against a
 * bare node:http + better-sqlite3 baseline measured in the same run.
 *
 * Measured: "Send my response", the request that turns a person's saved answers into a
 * submission (draft lookup, validation of every page with the same zod schemas, idempotency,
 * one transaction, redirect). The baseline receives the same answers in one post, validates them
 * with the same schemas and inserts them in one transaction. Drafts are prepared before the timed
 * run, one per submission, exactly as the journey's earlier pages leave them.
 *
 * Also reported, for context: the whole no-JavaScript journey (4 posts per submission).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createCookie } from "@remix-run/node";
import autocannon from "autocannon";
import Database from "better-sqlite3";

import { openDatabase } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { generateDemoResponses } from "~db/demo/generate";

import { draftIdFor } from "~/modules/submissions/drafts.server";
import { priorityField, priorityRanks } from "~/modules/submissions/journey-schemas";
import { PREFER_NOT_TO_SAY } from "~/modules/submissions/options";
import { randomToken } from "~/modules/security/pseudonym.server";

import { formatRate, startProcess } from "./support";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PREPARED_DRAFTS = Number(process.env.BENCH_DRAFTS ?? 80_000);
const SESSION_SECRET = randomToken(32);

/**
 * Each submission is a different person's answers, made by the demo data generator: one to three
 * priorities of varied length and wording (some near or exact copies of others, as in real
 * responses), and varied answers about them, so duplicate screening and safety phrase matching do
 * the work they do in real use. No email: confirmation emails are measured by the mail benchmark.
 */
function journeyAnswers(count: number) {
  const responses = generateDemoResponses({ responses: count, seed: 20261123, until: new Date(), campaignCode: "ICCT" });
  return Array.from(responses, (response) => {
    const priority = (rank: 1 | 2 | 3) => response.priorities.find((candidate) => candidate.rank === rank);
    const priorities = Object.fromEntries(
      priorityRanks.flatMap(({ rank }) => [
        [priorityField.what(rank), priority(rank)?.what ?? ""],
        [priorityField.why(rank), priority(rank)?.why ?? ""],
        [priorityField.support(rank), priority(rank)?.support ?? ""],
      ]),
    );
    return {
      priorities,
      aboutYou: {
        respondentTypes: response.respondentTypes,
        organisationName: response.organisationName ?? "",
        place: response.placePreferNotToSay ? PREFER_NOT_TO_SAY : (response.placeCode ?? ""),
        trusts: response.trusts,
        cancerType: response.cancerType ?? "",
      },
      stayInTouch: { email: "", contactPreferences: [] as string[] },
    };
  });
}
const answers = journeyAnswers(PREPARED_DRAFTS);
const form = (values: Record<string, string | string[]>) =>
  new URLSearchParams(Object.entries(values).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]]))).toString();
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

interface Result {
  acknowledged: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  inDatabase: number;
}

function countSubmissions(dataDir: string): number {
  const db = new Database(join(dataDir, "app.db"), { readonly: true });
  const { n } = db.prepare("select count(*) n from submissions").get() as { n: number };
  db.close();
  return n;
}

/**
 * Near-duplicate checks run in the background and give way to requests: how many were still
 * queued when the load stopped, and how long the server took to finish them once it was quiet.
 */
async function waitForNearDuplicateChecks(dataDir: string): Promise<{ queued: number; seconds: number }> {
  const db = new Database(join(dataDir, "app.db"), { readonly: true });
  const queuedNow = () => (db.prepare("select count(*) n from near_duplicate_checks").get() as { n: number }).n;
  const queued = queuedNow();
  const started = performance.now();
  while (queuedNow() > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  db.close();
  return { queued, seconds: (performance.now() - started) / 1000 };
}

async function prepareDatabase(dataDir: string, drafts: number): Promise<string[]> {
  const db = openDatabase({ filename: join(dataDir, "app.db") });
  await migrateToLatestOrThrow(db);
  await seedReferenceData(db);
  await db.destroy();
  const raw = new Database(join(dataDir, "app.db"));
  const campaignId = (raw.prepare("select id from campaigns where code = 'ICCT'").get() as { id: number }).id;
  const insert = raw.prepare("insert into drafts (id, campaign_id, answers, submission_id, created_at, updated_at, expires_at) values (?, ?, ?, null, ?, ?, ?)");
  const started = new Date(Date.now() - 5 * 60_000).toISOString();
  const expires = new Date(Date.now() + 24 * 60 * 60_000).toISOString();
  const tokens: string[] = [];
  raw.transaction(() => {
    for (let i = 0; i < drafts; i += 1) {
      const token = randomToken(32);
      tokens.push(token);
      const json = JSON.stringify({ submissionKey: randomToken(16), startedAt: started, pages: answers[i % answers.length] });
      insert.run(draftIdFor(token), campaignId, json, started, started, expires);
    }
  })();
  raw.close();
  const cookie = createCookie("icct_draft", { secrets: [SESSION_SECRET], path: "/" });
  return Promise.all(tokens.map(async (token) => (await cookie.serialize(token)).split(";")[0]!));
}

async function startApp(dataDir: string) {
  return startProcess(
    ["build/server/main.js"],
    {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SESSION_SECRET,
      COOKIE_SECURE: "false",
      // One load generator on loopback is one client address: the per-client limit is off for the run.
      SUBMISSION_RATE_LIMIT: "0",
    },
    /is running at (http:\/\/\S+)/,
  );
}

async function runSendStep(): Promise<Result & { nearDuplicateCatchUp: { queued: number; seconds: number } }> {
  const dataDir = mkdtempSync(join(tmpdir(), "icct-bench-app-"));
  const cookies = await prepareDatabase(dataDir, PREPARED_DRAFTS);
  const server = await startApp(dataDir);
  let next = 0;
  let acknowledged = 0;
  let wrong = 0;
  const result = await autocannon({
    url: server.url.replace("localhost", "127.0.0.1"),
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: "POST",
        path: "/check-answers",
        body: "website=",
        setupRequest: (request) => ({ ...request, headers: { ...formHeaders, cookie: cookies[next++ % cookies.length]! } }),
        onResponse: (status, _body, _context, headers) => {
          if (status === 302 && headers?.location === "/equality") acknowledged += 1;
          else wrong += 1;
        },
      },
    ],
  });
  const nearDuplicateCatchUp = await waitForNearDuplicateChecks(dataDir);
  await server.stop();
  const inDatabase = countSubmissions(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  if (next > cookies.length) throw new Error(`ran out of prepared drafts (${cookies.length}); set BENCH_DRAFTS higher`);
  return {
    acknowledged,
    perSecond: acknowledged / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + wrong,
    inDatabase,
    nearDuplicateCatchUp,
  };
}

async function runWholeJourney(): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), "icct-bench-journey-"));
  await prepareDatabase(dataDir, 0);
  const server = await startProcess(
    ["build/server/main.js"],
    { NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn", SESSION_SECRET, COOKIE_SECURE: "false", SUBMISSION_RATE_LIMIT: "0", MIN_FILL_SECONDS: "0" },
    /is running at (http:\/\/\S+)/,
  );
  let acknowledged = 0;
  let wrong = 0;
  let next = 0;
  type Context = { cookie?: string; person: (typeof answers)[number] };
  const page = (body: (person: Context["person"]) => string) => (request: autocannon.Request, context: object) => {
    const { cookie = "", person } = context as Context;
    return { ...request, body: body(person), headers: { ...formHeaders, cookie } };
  };
  const result = await autocannon({
    url: server.url.replace("localhost", "127.0.0.1"),
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: "POST",
        path: "/priorities",
        setupRequest: (request, context) => {
          const person = answers[next++ % answers.length]!;
          Object.assign(context, { cookie: undefined, person });
          return { ...request, body: form(person.priorities), headers: formHeaders };
        },
        onResponse: (status, _body, context, headers) => {
          if (status !== 302) wrong += 1;
          (context as Context).cookie = String(headers?.["set-cookie"] ?? "").split(";")[0];
        },
      },
      { method: "POST", path: "/about-you", setupRequest: page((person) => form(person.aboutYou)) },
      { method: "POST", path: "/stay-in-touch", setupRequest: page((person) => form(person.stayInTouch)) },
      {
        method: "POST",
        path: "/check-answers",
        setupRequest: page(() => "website="),
        onResponse: (status, _body, _context, headers) => {
          if (status === 302 && headers?.location === "/equality") acknowledged += 1;
          else wrong += 1;
        },
      },
    ],
  });
  await server.stop();
  const inDatabase = countSubmissions(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  return { acknowledged, perSecond: acknowledged / DURATION_S, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + wrong, inDatabase };
}

async function runBaseline(): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), "icct-bench-base-"));
  const server = await startProcess(["--import", "tsx", "bench/baseline-submit-server.ts"], { DATA_DIR: dataDir }, /listening at (http:\/\/\S+)/);
  let acknowledged = 0;
  let wrong = 0;
  const bodies = answers.map((person) => form({ ...person.priorities, ...person.aboutYou, ...person.stayInTouch }));
  let next = 0;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: "POST",
        path: "/",
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]!, headers: formHeaders }),
        onResponse: (status) => {
          if (status === 303) acknowledged += 1;
          else wrong += 1;
        },
      },
    ],
  });
  await server.stop();
  const inDatabase = countSubmissions(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  return { acknowledged, perSecond: acknowledged / DURATION_S, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + wrong, inDatabase };
}

function report(label: string, r: Result) {
  console.log(
    `${label}: ${formatRate(r.perSecond)} submissions/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, ` +
      `acknowledged ${r.acknowledged}, in database ${r.inDatabase}`,
  );
}

console.log(`submit benchmark: ${CONNECTIONS} concurrent clients, ${DURATION_S} s per run, loopback`);
const baseline = await runBaseline();
report("baseline  node:http + better-sqlite3, one post per submission", baseline);
const send = await runSendStep();
report("app       'Send my response' through the built server       ", send);
const journey = await runWholeJourney();
report("app       whole journey, 4 posts per submission (context)  ", journey);

const ratio = send.perSecond / baseline.perSecond;
// Requests still in flight when the clock stops may be saved without being acknowledged.
const allStored = send.inDatabase >= send.acknowledged && send.inDatabase - send.acknowledged <= CONNECTIONS;
console.log(`ratio (send / baseline throughput): ${ratio.toFixed(2)}x   target >= 0.5x: ${ratio >= 0.5 ? "met" : "missed"}`);
console.log(`ratio (whole journey / baseline): ${(journey.perSecond / baseline.perSecond).toFixed(2)}x`);
console.log(`send p99 ${send.p99} ms   target < 100 ms: ${send.p99 < 100 ? "met" : "missed"}`);
console.log(`errors: ${send.errors}   every acknowledged submission is in the database: ${allStored ? "yes" : "NO"}`);
console.log(
  `near-duplicate checks: ${send.nearDuplicateCatchUp.queued} still queued when the load stopped, all done ${send.nearDuplicateCatchUp.seconds.toFixed(1)} s later ` +
    `(${formatRate(send.nearDuplicateCatchUp.queued / Math.max(send.nearDuplicateCatchUp.seconds, 0.001))} a second once quiet)`,
);
