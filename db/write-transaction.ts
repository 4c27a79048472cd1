import { sql } from "kysely";

import type { DB, Executor } from "./client";

/**
 * A transaction that takes SQLite's write lock at its start (BEGIN IMMEDIATE), waiting for it up
 * to the busy timeout. A plain transaction that reads first fails at once with "database is
 * locked" when another process (the CLI) writes between its read and its write.
 */
export async function inWriteTransaction<T>(db: DB, work: (trx: Executor) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

export interface BatchOptions {
  /** Rows handled per transaction. */
  batchSize?: number;
  /** Stop after about this many (whole batches), so one run never holds the server for long. */
  limit?: number;
}

/**
 * Background work in batches: `batch` handles up to `batchSize` rows in one write transaction and
 * says how many it handled; batches run until one handles fewer (nothing left) or `limit` is
 * reached, letting requests run in between. Returns how many rows were handled.
 */
export async function writeInBatches(db: DB, { batchSize, limit = Infinity }: { batchSize: number; limit?: number }, batch: (trx: Executor, batchSize: number) => Promise<number>): Promise<number> {
  let total = 0;
  while (total < limit) {
    const handled = await inWriteTransaction(db, (trx) => batch(trx, batchSize));
    total += handled;
    if (handled < batchSize) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}
