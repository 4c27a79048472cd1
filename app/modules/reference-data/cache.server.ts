import type { Executor } from "~db/client";
import type { Campaign } from "~db/schema";

import { createFlagMatcher, type FlagMatch } from "~/modules/triage/safety-flags";

import { loadJourneyReferenceData, type JourneyReferenceData } from "./queries.server";

interface Snapshot {
  loadedAt: number;
  journey: JourneyReferenceData;
  campaigns: Campaign[];
  matchFlags: (texts: readonly string[]) => FlagMatch[];
}

/**
 * Places, trusts and campaigns change a few times a year but are read on every public request.
 * They are kept in memory and reloaded after `ttlMs`, or at once when an admin edit calls
 * `invalidate()`. The TTL covers edits made by another process (the CLI).
 */
export class ReferenceDataCache {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.snapshot = null;
  }

  async journey(): Promise<JourneyReferenceData> {
    return (await this.current()).journey;
  }

  /** Finds safety and complaint phrases (the maintained list in safety_phrases) in a response's text. */
  async flagMatcher(): Promise<(texts: readonly string[]) => FlagMatch[]> {
    return (await this.current()).matchFlags;
  }

  async campaign(id: number): Promise<Campaign | undefined> {
    return (await this.current()).campaigns.find((campaign) => campaign.id === id);
  }

  /** The campaign the public journey collects for: the most recently opened one that is open. */
  async openCampaign(): Promise<Campaign | undefined> {
    const { campaigns } = await this.current();
    return campaigns
      .filter((campaign) => campaign.status === "open")
      .sort((a, b) => (b.opens_at ?? "").localeCompare(a.opens_at ?? "") || b.id - a.id)[0];
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && this.clock() - this.snapshot.loadedAt < this.ttlMs) return this.snapshot;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    this.snapshot = await this.loading;
    return this.snapshot;
  }

  private async load(): Promise<Snapshot> {
    const [journey, campaigns, phrases] = await Promise.all([
      loadJourneyReferenceData(this.db),
      this.db.selectFrom("campaigns").selectAll().execute(),
      this.db.selectFrom("safety_phrases").select(["phrase", "kind"]).where("active", "=", 1).execute(),
    ]);
    return { loadedAt: this.clock(), journey, campaigns, matchFlags: createFlagMatcher(phrases) };
  }
}
