import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type Transaction } from "kysely";

import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** Query functions take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface OpenDatabaseOptions {
  /** Path to the SQLite file, or ":memory:". */
  filename: string;
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens the SQLite database with the pragmas the service relies on: WAL so readers never block the
 * writer, synchronous=FULL so an acknowledged response survives power loss, a busy timeout so CLI
 * tools can share the file with the running server, and enforced foreign keys.
 */
export function openDatabase({ filename, busyTimeoutMs = 5000, readonly = false }: OpenDatabaseOptions): DB {
  const sqlite = new SQLite(filename, { readonly, fileMustExist: readonly });
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  if (!readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
