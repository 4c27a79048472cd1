/**
 * Reports count days and months as people in the Alliance live them, in UK time, while the
 * database stores UTC. The UK's offset from UTC is a whole number of hours and changes at 01:00
 * UTC, so midnight in London is never ambiguous.
 */

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const shortMonth = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** London's offset from UTC at an instant, in milliseconds (0 or one hour). */
function londonOffsetMs(instant: number): number {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return wallClock - Math.floor(instant / 60_000) * 60_000;
}

/** "2026-03-29" → the UTC timestamp of midnight in London that day, as stored in the database. */
export function londonMidnightUtc(isoDate: string): string {
  const midnightAsUtc = Date.parse(`${isoDate}T00:00:00.000Z`);
  return new Date(midnightAsUtc - londonOffsetMs(midnightAsUtc)).toISOString();
}

/** The day after an ISO date: "2026-02-28" → "2026-03-01". */
export function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The London date (YYYY-MM-DD) of a stored UTC timestamp. */
export function londonDateOf(timestamp: string): string {
  const instant = Date.parse(timestamp);
  return new Date(instant + londonOffsetMs(instant)).toISOString().slice(0, 10);
}

/** The London month (YYYY-MM) of a stored UTC timestamp. */
export function londonMonthOf(timestamp: string): string {
  return londonDateOf(timestamp).slice(0, 7);
}

/** Every month from `first` to `last` (YYYY-MM, inclusive), each with the UTC instant it starts. */
export function monthsBetween(first: string, last: string): { month: string; startsAt: string }[] {
  const months: { month: string; startsAt: string }[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) return months;
    months.push({ month: key, startsAt: londonMidnightUtc(`${key}-01`) });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** "2026-11" → "Nov 2026" */
export function monthLabel(month: string): string {
  return shortMonth.format(new Date(`${month}-01T00:00:00.000Z`));
}
