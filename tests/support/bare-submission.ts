import type { Executor } from "~db/client";

import { generateReference } from "~/modules/submissions/reference";

/** A new online response with no answers beyond what is asked, for tests that need one to exist. */
export async function insertBareSubmission(db: Executor, { email = null, optInUpdates = false }: { email?: string | null; optInUpdates?: boolean } = {}): Promise<{ id: number; reference: string }> {
  const now = new Date().toISOString();
  const reference = generateReference("ICCT");
  const { id } = await db
    .insertInto("submissions")
    .values({
      reference,
      campaign_id: 1,
      idempotency_key: null,
      channel: "online",
      received_at: now,
      created_at: now,
      updated_at: now,
      place_id: null,
      place_prefer_not_to_say: 0,
      cancer_type: null,
      organisation_name: null,
      email,
      opt_in_updates: optInUpdates ? 1 : 0,
      opt_in_involvement: 0,
      status: "new",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, reference };
}
