import { sql } from "kysely";

import type { Executor } from "~db/client";
import type { FlagKind, SubmissionStatus } from "~db/schema";

import { londonDateOf, londonMidnightUtc } from "~/modules/time/london-time";

import { statuses } from "./inbox-filters";

export interface DashboardData {
  byStatus: { status: SubmissionStatus; count: number }[];
  total: number;
  newThisWeek: number;
  untaggedPriorities: number;
  openFlags: { flagId: number; submissionId: number; reference: string; kind: FlagKind; raisedAt: string }[];
  openFlagCount: number;
  byWeek: { weekStart: string; count: number }[];
  byTheme: { slug: string; name: string; count: number }[];
}

const DAY_MS = 86_400_000;
const WEEKS_SHOWN = 12;
const OPEN_FLAGS_LISTED = 20;

/** Monday of the week containing the date (yyyy-mm-dd), as yyyy-mm-dd. */
export function weekStart(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * DAY_MS).toISOString().slice(0, 10);
}

/** Counts for the staff dashboard, each one SQL aggregate (never one row per response in memory). */
export async function loadDashboard(db: Executor, now: Date): Promise<DashboardData> {
  // Weeks run Monday to Sunday in UK time, as staff read dates.
  const firstWeek = weekStart(londonDateOf(new Date(now.getTime() - (WEEKS_SHOWN - 1) * 7 * DAY_MS).toISOString()));
  const day = sql<string>`substr(submissions.received_at, 1, 10)`;
  // London is UTC or an hour ahead, so only a response from the last UTC hour of a day can be on the next London day.
  const lastHour = sql<number>`substr(submissions.received_at, 12, 2) = '23'`;
  const [byStatus, newThisWeek, untagged, openFlags, openFlagCount, byDay, byTheme] = await Promise.all([
    db.selectFrom("submissions").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute(),
    db.selectFrom("submissions").select((eb) => eb.fn.countAll<number>().as("n")).where("received_at", ">=", new Date(now.getTime() - 7 * DAY_MS).toISOString()).executeTakeFirstOrThrow(),
    db
      .selectFrom("priorities")
      .innerJoin("submissions", "submissions.id", "priorities.submission_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("submissions.status", "!=", "excluded")
      .where("priorities.theme_count", "=", 0)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("submission_flags")
      .innerJoin("submissions", "submissions.id", "submission_flags.submission_id")
      .select(["submission_flags.id", "submission_flags.submission_id", "submissions.reference", "submission_flags.kind", "submission_flags.raised_at"])
      .where("submission_flags.state", "=", "open")
      // Safety concerns before complaints, oldest first: the longest-waiting risk is at the top.
      .orderBy(sql`case submission_flags.kind when 'safety' then 0 else 1 end`)
      .orderBy("submission_flags.raised_at")
      .limit(OPEN_FLAGS_LISTED)
      .execute(),
    db.selectFrom("submission_flags").select((eb) => eb.fn.countAll<number>().as("n")).where("state", "=", "open").executeTakeFirstOrThrow(),
    db
      .selectFrom("submissions")
      .select([day.as("day"), lastHour.as("last_hour"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("received_at", ">=", londonMidnightUtc(firstWeek))
      .groupBy([day, lastHour])
      .execute(),
    db
      .selectFrom("priority_themes")
      .innerJoin("themes", "themes.id", "priority_themes.theme_id")
      .select(["themes.slug", "themes.name", (eb) => eb.fn.countAll<number>().as("n")])
      // Excluded responses are few: leaving out their priorities beats joining every tag to its response.
      .where("priority_themes.priority_id", "not in", (eb) =>
        eb.selectFrom("priorities").innerJoin("submissions", "submissions.id", "priorities.submission_id").select("priorities.id").where("submissions.status", "=", "excluded"),
      )
      .groupBy(["themes.id", "themes.slug", "themes.name"])
      .orderBy("n", "desc")
      .execute(),
  ]);

  const weeks = new Map<string, number>();
  for (let index = 0; index < WEEKS_SHOWN; index += 1) {
    weeks.set(new Date(Date.parse(`${firstWeek}T00:00:00Z`) + index * 7 * DAY_MS).toISOString().slice(0, 10), 0);
  }
  for (const row of byDay) {
    const week = weekStart(row.last_hour ? londonDateOf(`${row.day}T23:00:00.000Z`) : row.day);
    if (weeks.has(week)) weeks.set(week, weeks.get(week)! + Number(row.n));
  }
  const counts = new Map(byStatus.map((row) => [row.status, Number(row.n)]));
  return {
    byStatus: statuses.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    total: [...counts.values()].reduce((sum, count) => sum + count, 0),
    newThisWeek: Number(newThisWeek.n),
    untaggedPriorities: Number(untagged.n),
    openFlags: openFlags.map((flag) => ({ flagId: flag.id, submissionId: flag.submission_id, reference: flag.reference, kind: flag.kind, raisedAt: flag.raised_at })),
    openFlagCount: Number(openFlagCount.n),
    byWeek: [...weeks].map(([weekStartDate, count]) => ({ weekStart: weekStartDate, count })),
    byTheme: byTheme.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.n) })),
  };
}
