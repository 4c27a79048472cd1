/**
 * True when a write failed because it would break a unique constraint on table.column.
 * SQLite-specific (error code and message); a PostgreSQL dialect would check code 23505 and the
 * constraint name instead.
 */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY") &&
    error.message.includes(`${table}.${column}`)
  );
}
