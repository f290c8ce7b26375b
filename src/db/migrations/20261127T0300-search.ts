/**
 * Full-text search over card sets, one document per set (title, subtitle, card titles, card bodies),
 * so that a query ranks sets, not every matching card. Frozen in time.
 *
 * - SQLite: a contentless FTS5 table (no second copy of the text) keyed by the set's id, with porter
 *   stemming, a 3-letter prefix index for search-as-you-type, and deletes allowed (contentless_delete); an
 *   fts5vocab table exposes document frequencies for "similar sets".
 * - PostgreSQL: a weighted tsvector column on card_sets with a GIN index.
 * - Both: card_sets.cache_version, bumped by every change that alters the set's page.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('card_sets')
    .addColumn('cache_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  if (isPostgres(db)) {
    await sql`alter table card_sets add column search_vector tsvector`.execute(db);
    await sql`
      update card_sets s set search_vector =
        setweight(to_tsvector('english', s.title), 'A') ||
        setweight(to_tsvector('english', coalesce(s.subtitle, '')), 'B') ||
        setweight(to_tsvector('english', coalesce((select string_agg(c.title, ' ') from cards c where c.card_set_id = s.id), '')), 'C') ||
        setweight(to_tsvector('english', coalesce((select string_agg(c.body, ' ') from cards c where c.card_set_id = s.id), '')), 'D')
    `.execute(db);
    await sql`create index card_sets_search_idx on card_sets using gin (search_vector)`.execute(db);
    return;
  }
  await sql`
    create virtual table search_sets using fts5(
      title, subtitle, card_titles, bodies,
      content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2',
      prefix = '3'
    )
  `.execute(db);
  await sql`create virtual table search_vocab using fts5vocab(search_sets, 'row')`.execute(db);
  await sql`
    insert into search_sets (rowid, title, subtitle, card_titles, bodies)
    select s.id, s.title, coalesce(s.subtitle, ''),
      coalesce((select group_concat(c.title, ' ') from cards c where c.card_set_id = s.id), ''),
      coalesce((select group_concat(c.body, ' ') from cards c where c.card_set_id = s.id), '')
    from card_sets s
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index card_sets_search_idx`.execute(db);
    await sql`alter table card_sets drop column search_vector`.execute(db);
  } else {
    await sql`drop table search_vocab`.execute(db);
    await sql`drop table search_sets`.execute(db);
  }
  await db.schema.alterTable('card_sets').dropColumn('cache_version').execute();
}
