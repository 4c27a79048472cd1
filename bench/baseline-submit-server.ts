/**
 * The baseline for `npm run bench -- submit`: a bare node:http server that takes a whole response
 * in one post, validates it with the same zod schemas as the app, and inserts it with
 * better-sqlite3 in one transaction, with the same pragmas. No framework, no rendering, no drafts.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";

import Database from "better-sqlite3";

import { openDatabase } from "~db/client";
import { migrateToLatestOrThrow } from "~db/migrate";
import { seedReferenceData } from "~db/seed";

import { createAboutYouSchema, prioritiesSchema, stayInTouchSchema } from "~/modules/submissions/journey-schemas";
import { PREFER_NOT_TO_SAY } from "~/modules/submissions/options";
import { generateReference } from "~/modules/submissions/reference";

const dataDir = process.env.DATA_DIR!;
const path = join(dataDir, "app.db");
const kysely = openDatabase({ filename: path });
await migrateToLatestOrThrow(kysely);
await seedReferenceData(kysely);
await kysely.destroy();

const db = new Database(path);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");

const places = db.prepare("select id, code from places where active = 1").all() as { id: number; code: string }[];
const trusts = db.prepare("select id, code from trusts where active = 1").all() as { id: number; code: string }[];
const campaign = db.prepare("select id, code from campaigns where code = 'ICCT'").get() as { id: number; code: string };
const aboutYouSchema = createAboutYouSchema({ placeCodes: places.map((p) => p.code), trustCodes: trusts.map((t) => t.code) });

const insertSubmission = db.prepare(`insert into submissions
  (reference, campaign_id, idempotency_key, channel, received_at, created_at, updated_at, place_id, place_prefer_not_to_say,
   cancer_type, organisation_name, email, opt_in_updates, opt_in_involvement, status)
  values (?, ?, ?, 'online', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new') returning id`);
const insertPriority = db.prepare("insert into priorities (submission_id, rank, what_text, why_text, support_needed) values (?, ?, ?, ?, ?)");
const insertType = db.prepare("insert into submission_respondent_types (submission_id, respondent_type) values (?, ?)");
const insertTrust = db.prepare("insert into submission_trusts (submission_id, trust_id, other_answer) values (?, ?, ?)");

const save = db.transaction((values: Record<string, unknown>) => {
  const priorities = prioritiesSchema.parse(values);
  const about = aboutYouSchema.parse(values);
  const stay = stayInTouchSchema.parse(values);
  const now = new Date().toISOString();
  const { id } = insertSubmission.get(
    generateReference(campaign.code),
    campaign.id,
    randomBytes(16).toString("base64url"),
    now,
    now,
    now,
    places.find((p) => p.code === about.place)?.id ?? null,
    about.place === PREFER_NOT_TO_SAY ? 1 : 0,
    about.cancerType || null,
    about.respondentTypes.includes("organisation") ? about.organisationName || null : null,
    stay.email || null,
    stay.contactPreferences.includes("updates") ? 1 : 0,
    stay.contactPreferences.includes("involvement") ? 1 : 0,
  ) as { id: number };
  for (const rank of [1, 2, 3] as const) {
    const what = priorities[`priority${rank}What`];
    if (what) insertPriority.run(id, rank, what, priorities[`priority${rank}Why`] || null, priorities[`priority${rank}Support`] || null);
  }
  for (const type of about.respondentTypes) insertType.run(id, type);
  for (const code of about.trusts) {
    const trustId = trusts.find((t) => t.code === code)?.id ?? null;
    insertTrust.run(id, trustId, trustId === null ? code : null);
  }
  return id;
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const params = new URLSearchParams(Buffer.concat(chunks).toString());
      const values: Record<string, unknown> = {};
      for (const key of new Set(params.keys())) {
        values[key] = ["respondentTypes", "trusts", "contactPreferences"].includes(key) ? params.getAll(key) : params.get(key);
      }
      save(values);
      res.writeHead(303, { location: "/done" }).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`baseline listening at http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
