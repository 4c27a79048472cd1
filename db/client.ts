import SQLite from "better-sqlite3";
import { Kysely, sql, SqliteDialect, type SqliteDatabase, type SqliteStatement, type Transaction } from "kysely";

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
 * tools can share the file with the running server, enforced foreign keys, and secure_delete so
 * that erased responses and expired drafts are overwritten in the file, not just unlinked.
 */
export function openDatabase({ filename, busyTimeoutMs = 5000, readonly = false }: OpenDatabaseOptions): DB {
  const sqlite = new SQLite(filename, { readonly, fileMustExist: readonly });
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  if (!readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  if (!readonly) sqlite.pragma("secure_delete = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: new StatementCache(sqlite) }) });
}

/**
 * Kysely prepares every query afresh; preparing is a measurable share of a request's time, and the
 * service runs a small, fixed set of queries. Statements are reused by their SQL text. Kysely's
 * single-connection mutex means a cached statement is never used by two queries at once.
 */
class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly capacity = 1000,
  ) {}

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const statement = this.sqlite.prepare(sql) as unknown as SqliteStatement;
    if (this.statements.size >= this.capacity) {
      // Queries built from filters can vary; drop the oldest rather than grow without bound.
      this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  close(): void {
    this.statements.clear();
    this.sqlite.close();
  }
}

/**
 * Copies the write-ahead log into the database file and empties it, so that rows deleted since
 * (with secure_delete) no longer exist in any older copy of their pages. If a reader still holds an
 * old snapshot this does as much as it can; the rest goes at later checkpoints.
 */
export async function truncateWriteAheadLog(db: DB): Promise<void> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
