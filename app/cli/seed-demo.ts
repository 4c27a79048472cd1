/**
 * `npm run seed:demo -- --responses 2000 [--seed 42] [--until 2026-11-23] [--append]`
 *
 * Fills DATA_DIR/app.db (the server's database, opened, migrated and seeded the same way) with
 * realistic synthetic responses: see db/demo/generate.ts and README "Demo data".
 */
import { parseArgs } from "node:util";

import { openDatabase } from "~db/client";
import { DEMO_DAYS, demoRates, generateDemoResponses, type DemoResponse } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";
import { migrateToLatestOrThrow } from "~db/migrate";
import { defaultCampaign } from "~db/reference-data";
import { seedReferenceData } from "~db/seed";

import { prepareDataDirectory } from "~/server/config";
import { EnvError, parseEnv } from "~/server/env";

const usage = `Usage: npm run seed:demo -- --responses <count> [--seed <integer>] [--until <yyyy-mm-dd>] [--append]

  --responses  how many responses to generate (1 to 1,000,000)
  --seed       seed for the generator (default 42): the same seed, count and --until give the same data
  --until      responses are received in the ${DEMO_DAYS} days before this date (default: today, UTC)
  --append     add to a database that already has responses (use a different --seed)`;

class UsageError extends Error {}

interface Options {
  responses: number;
  seed: number;
  until: Date;
  append: boolean;
}

function readOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      responses: { type: "string" },
      seed: { type: "string", default: "42" },
      until: { type: "string" },
      append: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const responses = Number(values.responses);
  if (!values.responses || !Number.isInteger(responses) || responses < 1 || responses > 1_000_000) {
    throw new UsageError("--responses must be a whole number from 1 to 1,000,000");
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError("--seed must be a whole number from 0 to 4294967295");
  const today = new Date().toISOString().slice(0, 10);
  const untilText = values.until ?? today;
  const until = new Date(`${untilText}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(untilText) || Number.isNaN(until.getTime())) throw new UsageError("--until must be a date such as 2026-11-23");
  return { responses, seed, until, append: values.append };
}

/** Counts what the generator planted as responses stream past on their way to the database. */
function* tally(responses: Iterable<DemoResponse>, counts: Map<string, number>): Generator<DemoResponse> {
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const response of responses) {
    add(`status ${response.status}`);
    add(`kind ${response.planted.kind}`);
    for (const flag of response.flags) add(`flag ${flag.kind}`);
    if (response.planted.personalDetails.length > 0) add("personal details");
    if (response.priorities.some((priority) => priority.suitableToQuote)) add("suitable to quote");
    yield response;
  }
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const env = parseEnv(process.env);
  const { databasePath } = prepareDataDirectory(env);
  const db = openDatabase({ filename: databasePath });
  try {
    await migrateToLatestOrThrow(db);
    await seedReferenceData(db);

    const existing = await db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    if (Number(existing.count) > 0 && !options.append) {
      process.stderr.write(
        `${databasePath} already has ${Number(existing.count).toLocaleString("en-GB")} responses. Nothing was changed.\n` +
          "Run with --append (and a different --seed) to add demo responses to them, or set DATA_DIR to an empty folder.\n",
      );
      return 1;
    }
    const takenReferences = options.append
      ? new Set((await db.selectFrom("submissions").select("reference").execute()).map((row) => row.reference))
      : undefined;

    process.stdout.write(
      `Generating ${options.responses.toLocaleString("en-GB")} demo responses (seed ${options.seed}, received before ${options.until.toISOString().slice(0, 10)}) into ${databasePath}\n`,
    );
    const started = performance.now();
    const counts = new Map<string, number>();
    const responses = generateDemoResponses({ ...options, campaignCode: defaultCampaign.code, takenReferences });
    const summary = await insertDemoResponses(db, tally(responses, counts), {
      campaignCode: defaultCampaign.code,
      onBatch: (progress) => process.stdout.write(`  ${progress.responses.toLocaleString("en-GB")} responses written\n`),
    });
    const seconds = (performance.now() - started) / 1000;

    const line = (label: string, value: number) => `  ${label.padEnd(34)} ${value.toLocaleString("en-GB")}\n`;
    process.stdout.write(
      `Done in ${seconds.toFixed(1)} s.\n` +
        line("responses", summary.responses) +
        line("priorities", summary.priorities) +
        line("confirmed themes on priorities", summary.priorityThemes) +
        line("respondent types", summary.respondentTypes) +
        line("treating trusts", summary.trusts) +
        line("equality answers", summary.equalityAnswers) +
        line("automatic flags", summary.flags) +
        [...counts.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, value]) => line(label, value))
          .join("") +
        `Rates used: ${JSON.stringify(demoRates)}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof EnvError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Demo data could not be created: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
