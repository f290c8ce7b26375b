/**
 * Rendered card-set pages for visitors who are not logged in, so that a page view costs little more
 * than sending bytes. Each request checks the set's cache_version, which every change that alters the
 * page bumps: read from the database at most once a second per server (PageVersionMemo), so a server
 * serves a fresh page at once after a change made through it, and within a second after one made
 * through another. Entries also expire after a minute: the view count and the
 * "similar sets" on a cached page are at most that old. A page is kept once per colour theme (chosen
 * light, chosen dark, or the device's), since the theme is rendered into it.
 */
import type { Theme } from '../theme.js';

export const formatViews = (count: number): string => count.toLocaleString('en-GB');

interface Entry {
  version: number;
  slug: string;
  page: Buffer;
  storedAt: number;
}

export class SetPageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxAgeMs = 60 * 1000,
  ) {}

  /** The page, if a copy of this version is held and young enough. */
  get(
    id: number,
    version: number,
    slug: string,
    now: number,
    theme: Theme | null = null,
  ): Buffer | undefined {
    const key = `${id}:${theme ?? ''}`;
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version || entry.slug !== slug) return undefined;
    if (now - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used first in the map: move this one to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  put(
    id: number,
    version: number,
    slug: string,
    html: string,
    now: number,
    theme: Theme | null = null,
  ): Buffer {
    const key = `${id}:${theme ?? ''}`;
    const page = Buffer.from(html, 'utf8');
    this.entries.delete(key);
    this.entries.set(key, { version, slug, page, storedAt: now });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return page;
  }
}
