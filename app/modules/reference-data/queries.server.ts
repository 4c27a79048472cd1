import type { Executor } from "~db/client";

export interface ReferenceOption {
  id: number;
  code: string;
  name: string;
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
