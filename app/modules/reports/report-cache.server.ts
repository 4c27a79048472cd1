import type { Executor } from "~db/client";

import { SharedWork } from "./shared-work";

/**
 * Reports served again without being built again: identical requests on unchanged data get the
 * same model and the same PDF bytes. Keys are the canonical filters, whether the person may see
 * equality data, and (for PDFs) who the cover names; every key belongs to a data version, a
 * counter that database triggers bump whenever anything a report reads changes, so a cached
 * report is never stale. Memory is bounded: least recently used entries go first. Identical
 * requests that arrive while the first is still being built wait for it rather than build again.
 * Decisions: docs/decisions/011-report-cache.md.
 */

/** The counter the triggers of migration 0006 keep: one indexed read. */
export async function readReportDataVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom("report_data_version").select("version").where("id", "=", 1).executeTakeFirstOrThrow();
  return row.version;
}

export interface ReportCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Requests that waited for an identical one already being built. */
  joined: number;
  /** The newest data version seen; entries from older ones have been dropped. */
  dataVersion: number | null;
}

interface Entry {
  value: unknown;
  bytes: number;
}

export class ReportCache {
  /** Map order is recency order: the first entry is the least recently used. */
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #dataVersion: number | null = null;
  readonly #building = new SharedWork();

  constructor(readonly maxBytes: number) {}

  /** Builds what `key` names for this data version, or joins the identical build already under way. */
  build<T>(dataVersion: number, key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#building.run(`${dataVersion}|${key}`, work, signal);
  }

  get<T>(dataVersion: number, key: string): T | undefined {
    this.#observe(dataVersion);
    const entry = this.#entries.get(key);
    if (!entry || dataVersion !== this.#dataVersion) {
      this.#misses += 1;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#hits += 1;
    return entry.value as T;
  }

  /**
   * Keeps `value` (about `bytes` long) for the data version it was built from. A value built from
   * data that has changed since, or too large for the cache, is not kept.
   */
  set(dataVersion: number, key: string, value: unknown, bytes: number): void {
    this.#observe(dataVersion);
    if (dataVersion !== this.#dataVersion || bytes > this.maxBytes) return;
    const existing = this.#entries.get(key);
    if (existing) {
      this.#entries.delete(key);
      this.#bytes -= existing.bytes;
    }
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  stats(): ReportCacheStats {
    return { entries: this.#entries.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses, joined: this.#building.joined, dataVersion: this.#dataVersion };
  }

  /** Entries built from older data can never be served again: drop them as soon as newer data is seen. */
  #observe(dataVersion: number): void {
    if (this.#dataVersion !== null && dataVersion <= this.#dataVersion) return;
    this.#dataVersion = dataVersion;
    this.#entries.clear();
    this.#bytes = 0;
  }
}
