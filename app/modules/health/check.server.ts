import type { DB } from "~db/client";

/** A real round trip: reads from a table the service needs, so a missing or corrupt schema fails too. */
export async function checkDatabase(db: DB): Promise<boolean> {
  try {
    await db.selectFrom("campaigns").select("id").limit(1).execute();
    return true;
  } catch {
    return false;
  }
}
