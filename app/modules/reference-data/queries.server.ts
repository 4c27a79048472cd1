import type { Executor } from "~db/client";
import type { Campaign } from "~db/schema";

export interface ReferenceOption {
  id: number;
  code: string;
  name: string;
}

/** The campaign the public journey collects for: the most recently opened one that is open. */
export async function findOpenCampaign(db: Executor): Promise<Campaign | undefined> {
  return db
    .selectFrom("campaigns")
    .selectAll()
    .where("status", "=", "open")
    .orderBy("opens_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function findCampaign(db: Executor, id: number): Promise<Campaign | undefined> {
  return db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listActivePlaces(db: Executor): Promise<ReferenceOption[]> {
  return db
    .selectFrom("places")
    .select(["id", "code", "name"])
    .where("active", "=", 1)
    .orderBy("sort_order")
    .execute();
}

export async function listActiveTrusts(db: Executor): Promise<ReferenceOption[]> {
  return db
    .selectFrom("trusts")
    .select(["id", "code", "name"])
    .where("active", "=", 1)
    .orderBy("sort_order")
    .execute();
}

export interface JourneyReferenceData {
  places: ReferenceOption[];
  trusts: ReferenceOption[];
}

export async function loadJourneyReferenceData(db: Executor): Promise<JourneyReferenceData> {
  const [places, trusts] = await Promise.all([listActivePlaces(db), listActiveTrusts(db)]);
  return { places, trusts };
}
