import type { DB, Executor } from "~db/client";

import { latestDigestTime } from "./digest-schedule";
import { enqueueEmail } from "./outbox.server";
import type { TemplatePayload } from "./templates.server";

export type StaffNotificationMode = "off" | "immediate" | "daily";

export interface StaffNotificationSettings {
  mode: StaffNotificationMode;
  /** Hour of the day, Europe/London, for the daily digest. */
  digestHour: number;
  messageIdDomain: string;
}

export interface StaffNotificationRun {
  kind: "immediate" | "daily";
  newResponses: number;
  flaggedSafety: number;
  flaggedComplaint: number;
  /** Engagement leads it was queued for. */
  recipients: number;
}

/**
 * Makes the staff notification that is due at `now`, if one is: in "immediate" mode, as soon as
 * there are new responses or flags; in "daily" mode, once for each day's digest hour (a digest
 * missed while the server was down is made when it starts). Counts start where the previous
 * notification ended, so each response is counted once. One email per active engagement lead,
 * queued in the same transaction as the record of the run, so a run is never half made.
 */
export async function runStaffNotifications(db: DB, settings: StaffNotificationSettings, now: Date): Promise<StaffNotificationRun | null> {
  if (settings.mode === "off") return null;
  const kind = settings.mode;
  return db.transaction().execute(async (trx) => {
    const dueAt = kind === "daily" ? latestDigestTime(now, settings.digestHour).toISOString() : null;
    if (dueAt && (await trx.selectFrom("staff_notification_runs").select("id").where("due_at", "=", dueAt).executeTakeFirst())) return null;

    const previous = await trx
      .selectFrom("staff_notification_runs")
      .select(["last_submission_id", "last_flag_id", "created_at"])
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    const counts = await countNewSince(trx, previous?.last_submission_id ?? 0, previous?.last_flag_id ?? 0);
    const news = counts.newResponses + counts.flaggedSafety + counts.flaggedComplaint > 0;
    if (kind === "immediate" && !news) return null;

    const leads = news ? await activeLeadAddresses(trx) : [];
    const payload: TemplatePayload<"staff-notification"> = {
      kind,
      newResponses: counts.newResponses,
      flaggedSafety: counts.flaggedSafety,
      flaggedComplaint: counts.flaggedComplaint,
      since: previous?.created_at ?? null,
    };
    for (const recipient of leads) {
      await enqueueEmail(trx, { template: "staff-notification", recipient, payload, messageIdDomain: settings.messageIdDomain, now });
    }
    await trx
      .insertInto("staff_notification_runs")
      .values({
        kind,
        due_at: dueAt,
        last_submission_id: counts.lastSubmissionId,
        last_flag_id: counts.lastFlagId,
        new_responses: counts.newResponses,
        flagged_safety: counts.flaggedSafety,
        flagged_complaint: counts.flaggedComplaint,
        recipients: leads.length,
        created_at: now.toISOString(),
      })
      .execute();
    return { kind, newResponses: counts.newResponses, flaggedSafety: counts.flaggedSafety, flaggedComplaint: counts.flaggedComplaint, recipients: leads.length };
  });
}

/**
 * New submissions and flags since the given ids. With SQLite's single writer, ids are handed out
 * in commit order, so "id above the last one counted" never misses a row committed late (a time
 * window could). A database with concurrent writers would need a different watermark.
 */
async function countNewSince(db: Executor, afterSubmissionId: number, afterFlagId: number) {
  const submissions = await db
    .selectFrom("submissions")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("id").as("last")])
    .where("id", ">", afterSubmissionId)
    .executeTakeFirstOrThrow();
  const flags = await db
    .selectFrom("submission_flags")
    .select((eb) => ["kind", eb.fn.countAll<number>().as("count"), eb.fn.max("id").as("last")])
    .where("id", ">", afterFlagId)
    .groupBy("kind")
    .execute();
  const flagCount = (kind: "safety" | "complaint") => Number(flags.find((row) => row.kind === kind)?.count ?? 0);
  return {
    newResponses: Number(submissions.count),
    lastSubmissionId: submissions.last ?? afterSubmissionId,
    flaggedSafety: flagCount("safety"),
    flaggedComplaint: flagCount("complaint"),
    lastFlagId: Math.max(afterFlagId, ...flags.map((row) => row.last)),
  };
}

async function activeLeadAddresses(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom("users").select("email").where("role", "=", "lead").where("disabled_at", "is", null).orderBy("id").execute();
  return rows.map((row) => row.email);
}
