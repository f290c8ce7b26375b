/**
 * Rendered card-set pages for visitors who are not logged in, so that a page view costs little more
 * than sending bytes. Each request still asks the database for the set's cache_version (one indexed
 * read), and every change that alters the page bumps it, so any server serves a fresh page at once
 * after an edit made on any other. Entries also expire after a while, to refresh "similar sets".
 */

/** Where the view count goes; filled in on each request (views change on every one). */
export const VIEWS_PLACEHOLDER = '\u2063views\u2063';

export const formatViews = (count: number): string => count.toLocaleString('en-GB');

interface Entry {
  version: number;
  slug: string;
  before: string;
  after: string;
  storedAt: number;
}

export class SetPageCache {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxAgeMs = 10 * 60 * 1000,
  ) {}

  /** The page, if a copy of this version is held and young enough. */
  get(id: number, version: number, slug: string, now: number, views: string): string | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.version !== version || entry.slug !== slug) return undefined;
    if (now - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(id);
      return undefined;
    }
    // Least recently used last: re-insert on use.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.before + views + entry.after;
  }

  /** Keeps a page rendered with VIEWS_PLACEHOLDER; returns it with the views filled in. */
  put(id: number, version: number, slug: string, html: string, now: number, views: string): string {
    const at = html.indexOf(VIEWS_PLACEHOLDER);
    if (at === -1) return html;
    const entry = {
      version,
      slug,
      before: html.slice(0, at),
      after: html.slice(at + VIEWS_PLACEHOLDER.length),
      storedAt: now,
    };
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry.before + views + entry.after;
  }
}
