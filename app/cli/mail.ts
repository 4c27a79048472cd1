/**
 * `npm run mail -- status`            counts by state, the oldest pending message, dead messages
 * `npm run mail -- retry <id>`        send one dead (or waiting) message again
 * `npm run mail -- retry --dead`      send every dead message again
 *
 * Reads the same environment as the server and opens DATA_DIR/app.db alongside it (SQLite WAL
 * and a busy timeout make that safe). The running server's mail worker does the sending.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

import { openDatabase, type DB } from "~db/client";

import { getOutboxStatus, listDeadMessages, retryDeadMessages, retryMessage } from "~/modules/mail/operations.server";
import { EnvError, parseEnv } from "~/server/env";

const USAGE = ["Usage: npm run mail -- status", "       npm run mail -- retry <id>", "       npm run mail -- retry --dead"].join("\n");

async function main(args: string[]): Promise<number> {
  const [command, target, ...extra] = args;
  const validRetry = command === "retry" && (target === "--dead" || /^[1-9]\d*$/.test(target ?? ""));
  if (extra.length > 0 || !((command === "status" && target === undefined) || validRetry)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = parseEnv(process.env);
  const databasePath = join(resolve(env.DATA_DIR), "app.db");
  if (!existsSync(databasePath)) {
    process.stderr.write(`There is no database at ${databasePath}. Start the server once (npm start), or set DATA_DIR.\n`);
    return 1;
  }
  const db = openDatabase({ filename: databasePath });
  try {
    if (command === "status") return await printStatus(db, databasePath);
    if (target === "--dead") {
      const count = await retryDeadMessages(db, new Date());
      process.stdout.write(`${count} dead ${count === 1 ? "message" : "messages"} will be sent again by the running server.\n`);
      return 0;
    }
    const id = Number(target);
    const result = await retryMessage(db, id, new Date());
    if (result === "queued") {
      process.stdout.write(`Message ${id} will be sent again by the running server.\n`);
      return 0;
    }
    process.stderr.write(result === "not_found" ? `There is no message ${id}.\n` : `Message ${id} is sent or being sent; it was not changed.\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}

async function printStatus(db: DB, databasePath: string): Promise<number> {
  const now = new Date();
  const { counts, oldestPending } = await getOutboxStatus(db, now);
  const lines = [`Outbox in ${databasePath}`];
  for (const state of ["pending", "sending", "sent", "dead"] as const) {
    const note = state === "pending" && oldestPending ? `   oldest waiting ${formatAge(oldestPending.ageSeconds)} (message ${oldestPending.id})` : "";
    lines.push(`  ${state.padEnd(8)} ${String(counts[state]).padStart(7)}${note}`);
  }
  const dead = await listDeadMessages(db, { limit: 20 });
  if (dead.length > 0) {
    lines.push("", `Dead messages${counts.dead > dead.length ? ` (newest ${dead.length} of ${counts.dead})` : ""}:`);
    for (const message of dead) {
      lines.push(`  #${message.id}  ${message.template}  created ${message.createdAt}  ${message.attempts} attempt${message.attempts === 1 ? "" : "s"}  ${message.reason ?? ""}`);
    }
    lines.push("", "Send one again with `npm run mail -- retry <id>`, or all of them with `npm run mail -- retry --dead`.");
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(error instanceof EnvError ? `${error.message}\n` : `npm run mail failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
