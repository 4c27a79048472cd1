/**
 * Audit log export as JSON lines (one entry per line, oldest first):
 *   npm run audit -- export --since <YYYY-MM-DD or ISO time> [--output <file>]
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";

import { streamAuditSince } from "~/modules/audit/audit-log.server";

import { fail, openCliDatabase } from "./cli-support";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { since: { type: "string" }, output: { type: "string" } },
  allowPositionals: true,
});
if (positionals[0] !== "export" || !values.since) fail("Usage: npm run audit -- export --since <YYYY-MM-DD> [--output <file>]");
const since = new Date(values.since);
if (Number.isNaN(since.getTime())) fail(`--since must be a date, like 2026-11-01: got "${values.since}"`);

const { db } = await openCliDatabase();
const out = values.output ? createWriteStream(values.output, { mode: 0o600 }) : process.stdout;
let count = 0;
try {
  for await (const entry of streamAuditSince(db, since.toISOString())) {
    const line = `${JSON.stringify({ ...entry, details: entry.details ? JSON.parse(entry.details) : null })}\n`;
    if (!out.write(line)) await once(out, "drain");
    count += 1;
  }
} finally {
  if (out !== process.stdout) out.end();
  await db.destroy();
}
process.stderr.write(`Exported ${count} audit entries since ${since.toISOString()}${values.output ? ` to ${values.output}` : ""}.\n`);
