/**
 * `npm run bench -- triage`: the engagement leads' pages over HTTP against the built server, with
 * 100,000 demo responses (about 245,000 priorities) from `npm run seed:demo`.
 *
 * Measured: the inbox with no filter, with each single filter and 20 pages deep; searches for a
 * rare, a common and a very common word; the response page; the dashboard. Requests go one at a
 * time from a signed-in lead (so each figure is what one person waits for), after a warm-up.
 *
 * Baseline, in the same run: the same SQL statements each page needs, run directly with
 * better-sqlite3 in this process on the same database file: no HTTP, session check, Remix or
 * rendering. The ratio is the app's p95 over the baseline's p95.
 *
 * BENCH_RESPONSES (default 100000), BENCH_REQUESTS per page (default 200), BENCH_DATA_DIR (reuse
 * a folder already filled by an earlier run, to skip the seeding).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";

import { openDatabase } from "~db/client";

import { storePendingRedactions } from "~/modules/reports/redaction-store.server";
import { londonMidnightUtc, nextDay } from "~/modules/time/london-time";
import { encodeCursor } from "~/modules/triage/inbox.server";
import { MOST_PRIORITIES_RANKED, toFtsQuery } from "~/modules/triage/search.server";

import { createStaffUser, signIn, TEST_SESSION_SECRET } from "../tests/support/staff";
import { BrowserClient } from "../tests/support/browser-client";

import { startProcess } from "./support";

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;

interface PageCase {
  name: string;
  /** p95 target in milliseconds, from the issue; none for pages measured for context. */
  target: number | null;
  path: (i: number) => string;
  /** Text the page must contain, so an error page is never timed as a success. */
  expect: (i: number) => string;
  baseline: (i: number) => void;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

function seed(dataDir: string) {
  console.log(`Seeding ${RESPONSES.toLocaleString("en-GB")} demo responses into ${dataDir} ...`);
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "app/cli/seed-demo.ts", "--responses", String(RESPONSES), "--seed", "42"], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  console.log(seeded.stdout.split("\n").find((line) => line.startsWith("Done")) ?? "");
}

/** The bare SQL for each page, prepared once, as a hand-written data layer would do it. */
function bareQueries(raw: Database.Database) {
  const idList = "select value from json_each(?)";
  const describe = [
    raw.prepare(
      `select s.id, s.reference, s.received_at, s.channel, s.status, s.duplicate_of_id, places.name place, users.name assignee
       from submissions s left join places on places.id = s.place_id left join users on users.id = s.assigned_to_user_id where s.id in (${idList})`,
    ),
    raw.prepare(`select submission_id, respondent_type from submission_respondent_types where submission_id in (${idList})`),
    raw.prepare(`select submission_id, rank, what_text from priorities where submission_id in (${idList}) order by rank`),
    raw.prepare(
      `select p.submission_id, t.name from priority_themes pt join priorities p on p.id = pt.priority_id join themes t on t.id = pt.theme_id
       where p.submission_id in (${idList}) order by t.sort_order`,
    ),
    raw.prepare(`select submission_id, kind, state from submission_flags where submission_id in (${idList})`),
  ];
  const options = [
    raw.prepare("select id, slug, name, retired_at from themes order by retired_at, sort_order"),
    raw.prepare("select id, code, name from places order by sort_order"),
    raw.prepare("select id, code, title from campaigns order by id"),
    raw.prepare("select id, name from users where disabled_at is null and role in ('lead', 'admin') order by name"),
  ];
  const describeRows = (ids: number[]) => {
    const json = JSON.stringify(ids);
    for (const statement of describe) statement.all(json);
  };
  const loadOptions = () => {
    for (const statement of options) statement.all();
  };

  /** A filter as the inbox writes it: streamed for the page, and its own query for the count. */
  const inbox = (streamed: string, countSql: string, params: unknown[] = [], after: { receivedAt: string; id: number } | null = null) => {
    const keyset = after ? "and s.received_at <= ? and (s.received_at < ? or s.id < ?)" : "";
    const page = raw.prepare(`select s.id, s.received_at from submissions s where ${streamed} ${keyset} order by s.received_at desc, s.id desc limit 26`);
    const count = raw.prepare(countSql);
    const keysetParams = after ? [after.receivedAt, after.receivedAt, after.id] : [];
    return () => {
      loadOptions();
      const rows = page.all(...params, ...keysetParams) as { id: number }[];
      count.get(...params);
      describeRows(rows.slice(0, 25).map((row) => row.id));
    };
  };

  const rankedOrNewest = {
    relevance: raw.prepare(
      `select p.id, p.submission_id from (select rowid, bm25(priorities_fts) score from priorities_fts where priorities_fts match ? order by score, rowid limit 78) best
       join priorities p on p.id = best.rowid order by best.score, best.rowid`,
    ),
    newest: raw.prepare(
      `select p.id, p.submission_id from priorities_fts join priorities p on p.id = priorities_fts.rowid
       join submissions s on s.id = p.submission_id where priorities_fts match ? order by priorities_fts.rowid desc limit 78`,
    ),
  };
  const snippets = raw.prepare(`select rowid, snippet(priorities_fts, -1, '[', ']', '…', 14) snippet from priorities_fts where priorities_fts match ? and rowid in (${idList})`);
  const matchingPriorities = raw.prepare("select count(*) n from priorities_fts where priorities_fts match ?");
  const cappedCount = raw.prepare(
    `select count(*) n from (select distinct p.submission_id from priorities_fts join priorities p on p.id = priorities_fts.rowid
     join submissions s on s.id = p.submission_id where priorities_fts match ? limit 1001)`,
  );
  const search = (words: string) => {
    const match = toFtsQuery(words)!;
    return () => {
      loadOptions();
      const { n } = matchingPriorities.get(match) as { n: number };
      const rows = (n <= MOST_PRIORITIES_RANKED ? rankedOrNewest.relevance : rankedOrNewest.newest).all(match) as { id: number; submission_id: number }[];
      const seen = new Set<number>();
      const page = rows.filter((row) => !seen.has(row.submission_id) && seen.add(row.submission_id)).slice(0, 25);
      snippets.all(match, JSON.stringify(page.map((row) => row.id)));
      cappedCount.get(match);
      describeRows(page.map((row) => row.submission_id));
    };
  };

  const responseStatements = {
    submission: raw.prepare(
      `select s.*, c.title campaign, pl.name place, a.id assignee_id, a.name assignee_name, e.name entered_by, o.id original_id, o.reference original_reference
       from submissions s join campaigns c on c.id = s.campaign_id left join places pl on pl.id = s.place_id left join users a on a.id = s.assigned_to_user_id
       left join users e on e.id = s.entered_by_user_id left join submissions o on o.id = s.duplicate_of_id where s.id = ?`,
    ),
    related: [
      raw.prepare("select * from priorities where submission_id = ? order by rank"),
      raw.prepare(
        `select pt.priority_id, t.id, t.name, t.slug from priority_themes pt join priorities p on p.id = pt.priority_id join themes t on t.id = pt.theme_id
         where p.submission_id = ? order by t.sort_order`,
      ),
      raw.prepare("select respondent_type from submission_respondent_types where submission_id = ?"),
      raw.prepare("select t.name, st.other_answer from submission_trusts st left join trusts t on t.id = st.trust_id where st.submission_id = ?"),
      raw.prepare(
        `select f.*, r.name raised_by, a.name actioned_by from submission_flags f left join users r on r.id = f.raised_by_user_id
         left join users a on a.id = f.actioned_by_user_id where f.submission_id = ? order by f.kind`,
      ),
      raw.prepare("select n.id, u.name author, n.body, n.created_at from submission_notes n join users u on u.id = n.author_user_id where n.submission_id = ? order by n.created_at"),
      raw.prepare("select id, reference from submissions where duplicate_of_id = ? order by id"),
      raw.prepare("select submission_id from equality_answers where submission_id = ?"),
    ],
    activeThemes: raw.prepare("select * from themes where retired_at is null order by sort_order"),
    older: raw.prepare("select id from submissions where received_at <= ? and (received_at < ? or id < ?) order by received_at desc, id desc limit 1"),
    newer: raw.prepare("select id from submissions where received_at >= ? and (received_at > ? or id > ?) order by received_at asc, id asc limit 1"),
    history: raw.prepare("select * from audit_log where target_type = 'response' and target_id = ? and action like 'response.updated%' order by id desc limit 51"),
    viewed: raw.prepare("insert into audit_log (at, actor_user_id, actor_email, action, target_type, target_id, client_address, details) values (?, null, null, 'bench.viewed', 'response', ?, null, null)"),
  };
  const responsePage = (id: number) => {
    const row = responseStatements.submission.get(id) as { received_at: string };
    for (const statement of responseStatements.related) statement.all(id);
    responseStatements.activeThemes.all();
    loadOptions();
    responseStatements.older.get(row.received_at, row.received_at, id);
    responseStatements.newer.get(row.received_at, row.received_at, id);
    responseStatements.history.all(String(id));
    responseStatements.viewed.run(new Date().toISOString(), String(id));
  };

  const dashboardStatements = [
    raw.prepare("select status, count(*) n from submissions group by status"),
    raw.prepare("select count(*) n from submissions where received_at >= ?"),
    raw.prepare("select count(*) n from priorities p join submissions s on s.id = p.submission_id where s.status != 'excluded' and p.theme_count = 0"),
    raw.prepare(
      `select f.id, f.submission_id, s.reference, f.kind, f.raised_at from submission_flags f join submissions s on s.id = f.submission_id
       where f.state = 'open' order by case f.kind when 'safety' then 0 else 1 end, f.raised_at limit 20`,
    ),
    raw.prepare("select count(*) n from submission_flags where state = 'open'"),
    raw.prepare("select substr(received_at, 1, 10) day, substr(received_at, 12, 2) = '23' last_hour, count(*) n from submissions where received_at >= ? group by day, last_hour"),
    raw.prepare(
      `select t.slug, t.name, count(*) n from priority_themes pt join themes t on t.id = pt.theme_id
       where pt.priority_id not in (select p.id from priorities p join submissions s on s.id = p.submission_id where s.status = 'excluded')
       group by t.id, t.slug, t.name order by n desc`,
    ),
  ];
  const dashboard = (weekAgo: string, twelveWeeksAgo: string) => () => {
    dashboardStatements[0]!.all();
    dashboardStatements[1]!.get(weekAgo);
    dashboardStatements[2]!.get();
    dashboardStatements[3]!.all();
    dashboardStatements[4]!.get();
    dashboardStatements[5]!.all(twelveWeeksAgo);
    dashboardStatements[6]!.all();
  };

  return { inbox, search, responsePage, dashboard };
}

function measure(run: (i: number) => void | Promise<void>) {
  return async () => {
    for (let i = 0; i < WARM_UP; i += 1) await run(i);
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const started = performance.now();
      await run(i);
      samples.push(performance.now() - started);
    }
    return summarise(samples);
  };
}

/**
 * The server stores redacted copies of priority text in the background, 10,000 every 15 seconds;
 * after seeding that would run through the whole measurement. Done first, as on a server that has
 * been running a while.
 */
async function storeRedactions(databasePath: string) {
  const db = openDatabase({ filename: databasePath });
  try {
    await storePendingRedactions(db);
  } finally {
    await db.destroy();
  }
}

const ownDataDir = !process.env.BENCH_DATA_DIR;
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), "icct-bench-triage-"));
if (!existsSync(join(dataDir, "app.db"))) seed(dataDir);
await storeRedactions(join(dataDir, "app.db"));

const server = await startProcess(
  ["build/server/main.js"],
  { HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn", SESSION_SECRET: TEST_SESSION_SECRET, COOKIE_SECURE: "false" },
  /is running at (http:\/\/\S+)/,
);
const url = server.url.replace("localhost", "127.0.0.1");
const databasePath = join(dataDir, "app.db");
const raw = new Database(databasePath);
raw.pragma("busy_timeout = 5000");

try {
  const lead = await createStaffUser({ databasePath }, "lead");
  const client = new BrowserClient(url);
  const home = await signIn(client, lead);
  if (!home.url.endsWith("/staff")) throw new Error(`could not sign in: ${home.status} ${home.url}`);

  const one = <T>(sqlText: string, ...params: unknown[]) => raw.prepare(sqlText).get(...params) as T;
  const counts = one<{ responses: number; priorities: number }>("select (select count(*) from submissions) responses, (select count(*) from priorities) priorities");
  const themeId = one<{ id: number }>("select id from themes where slug = 'waiting-for-treatment'").id;
  const placeId = one<{ id: number }>("select id from places where code = 'liverpool'").id;
  const campaignId = one<{ id: number }>("select id from campaigns where code = 'ICCT'").id;
  const newest = one<{ received_at: string }>("select max(received_at) received_at from submissions").received_at;
  const from = new Date(Date.parse(newest) - 30 * 86_400_000).toISOString().slice(0, 10);
  const to = newest.slice(0, 10);
  const deep = one<{ received_at: string; id: number }>("select received_at, id from submissions order by received_at desc, id desc limit 1 offset 499");
  const responseIds = (raw.prepare("select id from submissions order by random() limit ?").all(REQUESTS + WARM_UP) as { id: number }[]).map((row) => row.id);
  const references = new Map((raw.prepare(`select id, reference from submissions where id in (${responseIds.join(",")})`).all() as { id: number; reference: string }[]).map((row) => [row.id, row.reference]));
  const bare = bareQueries(raw);

  const range = `s.received_at >= '${londonMidnightUtc(from)}' and s.received_at < '${londonMidnightUtc(nextDay(to))}'`;
  const countWhere = (where: string) => `select count(*) n from submissions s where ${where}`;
  const countDistinct = (subquery: string) => `select count(*) n from (select distinct submission_id from (${subquery}))`;
  const inboxCase = (name: string, query: string, streamed: string, countSql = countWhere(streamed), params: unknown[] = []): PageCase => ({
    name,
    target: 50,
    path: () => `/staff/responses${query ? `?${query}` : ""}`,
    expect: () => "Responses, newest first",
    baseline: bare.inbox(streamed, countSql, params),
  });
  const themed = "select p.submission_id from priority_themes pt join priorities p on p.id = pt.priority_id where pt.theme_id = ?";
  const untagged = "select submission_id from priorities where theme_count = 0";
  const carers = "select submission_id from submission_respondent_types where respondent_type = ?";
  const openFlags = "select submission_id from submission_flags where state = 'open'";
  const cases: PageCase[] = [
    inboxCase("inbox, no filter", "", "1 = 1"),
    inboxCase("inbox, status", "status=new", "s.status = ?", countWhere("s.status = ?"), ["new"]),
    inboxCase("inbox, theme", "theme=waiting-for-treatment", `exists (${themed} and p.submission_id = s.id)`, countDistinct(themed), [themeId]),
    inboxCase("inbox, no theme yet", "theme=none", `exists (${untagged} and submission_id = s.id)`, countDistinct(untagged)),
    inboxCase("inbox, place", "place=liverpool", "s.place_id = ?", countWhere("s.place_id = ?"), [placeId]),
    inboxCase("inbox, respondent type", "respondentType=carer", `exists (${carers} and submission_id = s.id)`, countDistinct(carers), ["carer"]),
    inboxCase("inbox, channel", "channel=paper", "s.channel = ?", countWhere("s.channel = ?"), ["paper"]),
    inboxCase("inbox, date range (30 days)", `from=${from}&to=${to}`, range),
    inboxCase("inbox, open flags", "flagged=open", `exists (${openFlags} and submission_id = s.id)`, countDistinct(openFlags)),
    inboxCase("inbox, assigned to me", "assigned=me", "s.assigned_to_user_id = ?", countWhere("s.assigned_to_user_id = ?"), [lead.id]),
    inboxCase("inbox, unassigned", "assigned=unassigned", "s.assigned_to_user_id is null"),
    inboxCase("inbox, campaign", "campaign=ICCT", "s.campaign_id = ?", countWhere("s.campaign_id = ?"), [campaignId]),
    {
      ...inboxCase("inbox, 21st page (keyset)", "", "1 = 1"),
      path: () => `/staff/responses?after=${encodeCursor({ receivedAt: deep.received_at, id: deep.id })}`,
      baseline: bare.inbox("1 = 1", countWhere("1 = 1"), [], { receivedAt: deep.received_at, id: deep.id }),
    },
    ...(["parking hospital", "nurse", "cancer"] as const).map(
      (words): PageCase => ({
        name: `search "${words}"`,
        target: 30,
        path: () => `/staff/responses?q=${encodeURIComponent(words)}`,
        expect: () => "Matching text",
        baseline: bare.search(words),
      }),
    ),
    {
      name: "response page",
      target: 50,
      path: (i) => `/staff/responses/${responseIds[i % responseIds.length]}`,
      expect: (i) => references.get(responseIds[i % responseIds.length]!)!,
      baseline: (i) => bare.responsePage(responseIds[i % responseIds.length]!),
    },
    {
      name: "dashboard",
      target: null,
      path: () => "/staff",
      expect: () => "Open flags",
      baseline: bare.dashboard(new Date(Date.now() - 7 * 86_400_000).toISOString(), new Date(Date.now() - 84 * 86_400_000).toISOString()),
    },
  ];

  console.log(
    `\nTriage pages over HTTP: ${counts.responses.toLocaleString("en-GB")} responses, ${counts.priorities.toLocaleString("en-GB")} priorities; ` +
      `${REQUESTS} requests per page, one at a time, after ${WARM_UP} to warm up.\n`,
  );
  const header = ["page", "app p50", "app p95", "SQL p50", "SQL p95", "p95 ratio", "target p95", ""];
  const widths = [30, 9, 9, 9, 9, 10, 11, 6];
  const line = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" "));
  line(header);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  let missed = 0;
  for (const page of cases) {
    let wrong = 0;
    const app = await measure(async (i) => {
      const result = await client.get(page.path(i));
      if (result.status !== 200 || !result.html.includes(page.expect(i))) wrong += 1;
    })();
    if (wrong > 0) throw new Error(`${page.name}: ${wrong} responses were not the expected page`);
    const baseline = await measure(page.baseline)();
    const met = page.target === null ? "" : app.p95 < page.target ? "met" : "MISSED";
    if (met === "MISSED") missed += 1;
    line([page.name, ms(app.p50), ms(app.p95), ms(baseline.p50), ms(baseline.p95), `${(app.p95 / baseline.p95).toFixed(1)}x`, page.target === null ? "" : `< ${page.target} ms`, met]);
  }
  console.log(`\n${cases.length - missed} of ${cases.length} pages met their p95 target.`);
} finally {
  raw.close();
  await server.stop();
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
}
