/**
 * Listings sorted by most viewed and top rated, with keyset pagination: each order needs a column it
 * can be read from an index in. rating_count and rating_score (the average × 100, 0 when unrated) are
 * kept by the rating use cases in the rating's own transaction. Frozen in time.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('card_sets')
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('card_sets')
    .addColumn('rating_score', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update card_sets set
      rating_count = (select count(*) from ratings r where r.card_set_id = card_sets.id),
      rating_score = coalesce((select round(avg(r.stars) * 100) from ratings r where r.card_set_id = card_sets.id), 0)
  `.execute(db);
  for (const [scope, column] of [
    ['subject', 'view_count'],
    ['topic', 'view_count'],
    ['subject', 'rating_score'],
    ['topic', 'rating_score'],
  ] as const) {
    await db.schema
      .createIndex(`card_sets_${scope}_${column}_idx`)
      .on('card_sets')
      .columns([`${scope}_id`, column, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('card_sets_listed_views_idx')
    .on('card_sets')
    .columns(['visibility', 'status', 'view_count', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('card_sets_listed_views_idx').execute();
  for (const scope of ['subject', 'topic']) {
    for (const column of ['view_count', 'rating_score'])
      await db.schema.dropIndex(`card_sets_${scope}_${column}_idx`).execute();
  }
  await db.schema.alterTable('card_sets').dropColumn('rating_score').execute();
  await db.schema.alterTable('card_sets').dropColumn('rating_count').execute();
}
