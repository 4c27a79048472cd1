import type { Executor } from "~db/client";

import type { FilterIds, InboxFilters } from "./inbox-filters";
import { applyInboxFilters, beyondCursor, matchingIds } from "./inbox.server";

export interface Neighbours {
  /** The next response down the list (older, or next in search rank). */
  next: number | null;
  /** The one above it (newer, or previous in search rank). */
  previous: number | null;
}

/** "Next/previous in this list" for the response page, keeping the inbox's filter and order. */
export async function findNeighbours(db: Executor, id: number, filters: InboxFilters, ids: FilterIds): Promise<Neighbours> {
  if (filters.q) {
    const ranked = await matchingIds(db, filters, ids);
    const index = ranked.indexOf(id);
    if (index < 0) return { next: null, previous: null };
    return { next: ranked[index + 1] ?? null, previous: index > 0 ? ranked[index - 1]! : null };
  }
  const current = await db.selectFrom("submissions").select(["received_at"]).where("id", "=", id).executeTakeFirst();
  if (!current) return { next: null, previous: null };
  const [older, newer] = await Promise.all([
    applyInboxFilters(db, db.selectFrom("submissions").select("submissions.id"), filters, ids)
      .where(beyondCursor("older", { receivedAt: current.received_at, id }))
      .orderBy("submissions.received_at", "desc")
      .orderBy("submissions.id", "desc")
      .limit(1)
      .executeTakeFirst(),
    applyInboxFilters(db, db.selectFrom("submissions").select("submissions.id"), filters, ids)
      .where(beyondCursor("newer", { receivedAt: current.received_at, id }))
      .orderBy("submissions.received_at", "asc")
      .orderBy("submissions.id", "asc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { next: older?.id ?? null, previous: newer?.id ?? null };
}
