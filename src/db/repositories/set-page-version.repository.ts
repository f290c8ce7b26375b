/**
 * A set page's version: every change to what the page shows bumps it, so that no server serves a cached
 * copy made before (src/web/card-set/set-page-cache.ts). Read on every visitor's page view.
 *
 * The writes bump it themselves, in the statement or transaction that changes the page, so that no
 * caller can forget: the card-set repository's own updates (cards, title, visibility, status, rating
 * figures) and, through markSetPageChanged, the comment repository's writes.
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

/** Marks a set's page as changed (a comment posted, edited, deleted, hidden): cached copies are not served. */
export async function markSetPageChanged(db: Kysely<Database>, setId: number): Promise<void> {
  await db
    .updateTable('card_sets')
    .set((eb) => ({ cache_version: eb('cache_version', '+', 1) }))
    .where('id', '=', setId)
    .execute();
}

export class SetPageVersionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite?: SQLite.Database,
  ) {}

  /**
   * What decides whether a cached copy of the set's page may be served, and the views to show on it.
   * Runs on every page view, so on SQLite it is a statement prepared once and run directly (a few
   * microseconds); elsewhere the query is built once per engine and only its parameter changes.
   */
  async find(id: number): Promise<PageVersionRow | undefined> {
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
