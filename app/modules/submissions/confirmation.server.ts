import type { Executor } from "~db/client";

export interface ConfirmationDetails {
  reference: string;
  emailQueued: boolean;
  summaryDue: string | null;
}

export async function loadConfirmation(db: Executor, submissionId: number): Promise<ConfirmationDetails | null> {
  const row = await db
    .selectFrom("submissions")
    .innerJoin("campaigns", "campaigns.id", "submissions.campaign_id")
    .select(["submissions.reference", "campaigns.summary_due"])
    .where("submissions.id", "=", submissionId)
    .executeTakeFirst();
  if (!row) return null;
  const email = await db
    .selectFrom("outbox")
    .select("id")
    .where("submission_id", "=", submissionId)
    .where("template", "=", "submission-confirmation")
    .executeTakeFirst();
  return { reference: row.reference, emailQueued: Boolean(email), summaryDue: row.summary_due };
}
