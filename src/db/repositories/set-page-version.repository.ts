/**
 * A set page's version: every change to what the page shows bumps it, so that no server serves a cached
 * copy made before (src/web/card-set/set-page-cache.ts). Read on every visitor's page view.
 *
 * The writes bump it themselves, in the statement or transaction that changes the page, so that no
 * caller can forget: the card-set repository's own updates (cards, title, visibility, status, rating
 * figures) and, through markSetPageChanged, the comment repository's writes.
 *
 * A busy page would cost a query on every view, more than the rest of serving its cached copy, so each
 * server keeps what it read for a second (PageVersionMemo): a change made through this server is seen
 * at once (its writes forget the set, again once their transaction has committed), one made through
 * another server within that second.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

/** The page-version query's SQL, per engine, and SQLite's prepared statement for it (see find). */
const pageVersionSql = new Map<string, string>();
const pageVersionStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

export interface PageVersionRow {
  cacheVersion: number;
  viewCount: number;
  visibility: string;
  status: string;
}

/** How long a server trusts a page version it read, when the change was made through another server. */
export const PAGE_VERSION_MEMO_MS = 1000;

/** Told of every set whose page a write changed (or removed), so that what was read of it is forgotten. */
export type PageChanged = (setId: number) => void;

/** The page versions one server read lately, per set; bounded, and each trusted for PAGE_VERSION_MEMO_MS. */
export class PageVersionMemo {
  private readonly rows = new Map<number, { row: PageVersionRow | undefined; readAt: number }>();
  /** Counts the writes forgotten, so that a read a write overtook is not kept. */
  private changes = 0;

  constructor(
    private readonly maxAgeMs = PAGE_VERSION_MEMO_MS,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The row read for the set within the last second (undefined: there is no such set), or null. */
  get(id: number): { row: PageVersionRow | undefined } | null {
    const held = this.rows.get(id);
    if (held === undefined || this.now() - held.readAt > this.maxAgeMs) return null;
    return held;
  }

  /** Taken as a read begins, and given back with what it read. */
  ticket(): { at: number; changes: number } {
    return { at: this.now(), changes: this.changes };
  }

  /** Keeps a row read, unless a write was forgotten while it was being read (it may predate that). */
  set(id: number, row: PageVersionRow | undefined, ticket: { at: number; changes: number }): void {
    if (ticket.changes !== this.changes) return;
    if (this.rows.size >= this.maxEntries) this.rows.clear();
    this.rows.set(id, { row, readAt: ticket.at });
  }

  forget(id: number): void {
    this.changes += 1;
    this.rows.delete(id);
  }
}

/** Marks a set's page as changed (a comment posted, edited, deleted, hidden): cached copies are not served. */
export async function markSetPageChanged(
  db: Kysely<Database>,
  setId: number,
  changed: PageChanged,
): Promise<void> {
  await db
    .updateTable('card_sets')
    .set((eb) => ({ cache_version: eb('cache_version', '+', 1) }))
    .where('id', '=', setId)
    .execute();
  changed(setId);
}

export class SetPageVersionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite?: SQLite.Database,
    /** Only for repositories not bound to a transaction, which must read what it has written. */
    private readonly memo?: PageVersionMemo,
  ) {}

  /**
   * What decides whether a cached copy of the set's page may be served, and the views to show on it.
   * Runs on every page view, so on SQLite it is a statement prepared once and run directly (a few
   * microseconds); elsewhere the query is built once per engine and only its parameter changes.
   */
  async find(id: number): Promise<PageVersionRow | undefined> {
    const held = this.memo?.get(id);
    if (held != null) return held.row;
    const ticket = this.memo?.ticket();
    const row = await this.read(id);
    if (ticket !== undefined) this.memo?.set(id, row, ticket);
    return row;
  }

  private async read(id: number): Promise<PageVersionRow | undefined> {
    // The direct statement skips Kysely's connection lock, so it runs only when no transaction is open on
    // the connection (it would see that transaction's uncommitted rows); otherwise the query below waits.
    if (this.sqlite !== undefined && !this.sqlite.inTransaction) {
      let statement = pageVersionStatements.get(this.sqlite);
      if (statement === undefined) {
        statement = this.sqlite.prepare(
          'select cache_version as cacheVersion, view_count as viewCount, visibility, status from card_sets where id = ?',
        );
        pageVersionStatements.set(this.sqlite, statement);
      }
      return statement.get(id) as PageVersionRow | undefined;
    }
    const query = this.db
      .selectFrom('card_sets')
      .select(['cache_version as cacheVersion', 'view_count as viewCount', 'visibility', 'status'])
      .where('id', '=', 0);
    const engine = this.db.getExecutor().adapter.constructor.name;
    let text = pageVersionSql.get(engine);
    if (text === undefined) {
      text = query.compile().sql;
      pageVersionSql.set(engine, text);
    }
    const result = await this.db.executeQuery<PageVersionRow>(CompiledQuery.raw(text, [id]));
    return result.rows[0];
  }
}
