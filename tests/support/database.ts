import Database from "better-sqlite3";

/** Opens the server's SQLite file read-only, alongside the running server (WAL allows this). */
export function openReadOnly(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

export function count(path: string, sql: string, ...params: unknown[]): number {
  const db = openReadOnly(path);
  try {
    return Number((db.prepare(sql).get(...params) as { n: number }).n);
  } finally {
    db.close();
  }
}

export function rows<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = openReadOnly(path);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
