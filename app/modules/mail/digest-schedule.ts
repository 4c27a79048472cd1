/**
 * The daily digest goes at a set hour of the day in Europe/London, through both clock changes.
 * Intl does the time-zone work; London is always UTC+0 or UTC+1.
 */

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
});

interface LondonHour {
  year: number;
  month: number;
  day: number;
  hour: number;
}

function inLondon(instant: Date): LondonHour {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) };
}

/** The instant at which London's clocks show `hour`:00 on the given date. */
export function londonHourToInstant(year: number, month: number, day: number, hour: number): Date {
  // British Summer Time first: on the autumn day when 01:00 happens twice, the first one.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(Date.UTC(year, month - 1, day, hour - offsetHours));
    const shown = inLondon(candidate);
    if (shown.day === day && shown.hour === hour) return candidate;
  }
  // The hour the clocks skip in spring (01:00 becomes 02:00): the moment they go forward.
  return new Date(Date.UTC(year, month - 1, day, hour));
}

/** The most recent moment, at or before `now`, when London's clocks showed `hour`:00. */
export function latestDigestTime(now: Date, hour: number): Date {
  const today = inLondon(now);
  const todays = londonHourToInstant(today.year, today.month, today.day, hour);
  if (todays.getTime() <= now.getTime()) return todays;
  const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return londonHourToInstant(yesterday.getUTCFullYear(), yesterday.getUTCMonth() + 1, yesterday.getUTCDate(), hour);
}
