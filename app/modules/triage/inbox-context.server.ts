import type { Executor } from "~db/client";

import type { FilterIds, InboxFilters, KnownValues } from "./inbox-filters";

export interface InboxOptions {
  themes: { id: number; slug: string; name: string; retired: boolean }[];
  places: { id: number; code: string; name: string }[];
  campaigns: { id: number; code: string; title: string }[];
  leads: { id: number; name: string }[];
}

/** The choices the inbox offers (and checks URL filters against). */
export async function loadInboxOptions(db: Executor): Promise<InboxOptions> {
  const [themes, places, campaigns, leads] = await Promise.all([
    db.selectFrom("themes").select(["id", "slug", "name", "retired_at"]).orderBy("retired_at").orderBy("sort_order").execute(),
    db.selectFrom("places").select(["id", "code", "name"]).orderBy("sort_order").execute(),
    db.selectFrom("campaigns").select(["id", "code", "title"]).orderBy("id").execute(),
    db.selectFrom("users").select(["id", "name"]).where("disabled_at", "is", null).where("role", "in", ["lead", "admin"]).orderBy("name").execute(),
  ]);
  return {
    themes: themes.map((theme) => ({ id: theme.id, slug: theme.slug, name: theme.name, retired: Boolean(theme.retired_at) })),
    places,
    campaigns,
    leads,
  };
}

export function knownValues(options: InboxOptions): KnownValues {
  return {
    themeSlugs: options.themes.map((theme) => theme.slug),
    placeCodes: options.places.map((place) => place.code),
    campaignCodes: options.campaigns.map((campaign) => campaign.code),
  };
}

export function filterIds(filters: InboxFilters, options: InboxOptions, viewerId: number): FilterIds {
  return {
    viewerId,
    themeId: options.themes.find((theme) => theme.slug === filters.theme)?.id,
    placeId: options.places.find((place) => place.code === filters.place)?.id,
    campaignId: options.campaigns.find((campaign) => campaign.code === filters.campaign)?.id,
  };
}
