/**
 * Tags on card sets and on cards, and the text search reads for a cloze card. Frozen in time.
 *
 * - card_set_tags, card_tags: one row per tag, in the author's order (`position`), as written (`name`) and
 *   as compared (`tag_key`, lower case): unique per set or card. Indexed by key then set, for "sets with
 *   this tag" (search) and "this set's cards with this tag" (study); card_tags also by set, to load a
 *   set's card tags at once.
 * - cards.search_body: what search indexes instead of the body when they differ (a cloze card's body with
 *   its deletions replaced by their answers); null for every other card.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('card_set_tags')
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_set_tags_pk', ['card_set_id', 'tag_key'])
    .execute();
  await db.schema
    .createIndex('card_set_tags_key_idx')
    .on('card_set_tags')
    .columns(['tag_key', 'card_set_id'])
    .execute();

  await db.schema
    .createTable('card_tags')
    .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_tags_pk', ['card_id', 'tag_key'])
    .execute();
  await db.schema
    .createIndex('card_tags_key_idx')
    .on('card_tags')
    .columns(['tag_key', 'card_set_id'])
    .execute();
  await db.schema.createIndex('card_tags_set_idx').on('card_tags').column('card_set_id').execute();

  await db.schema.alterTable('cards').addColumn('search_body', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('cards').dropColumn('search_body').execute();
  await db.schema.dropTable('card_tags').execute();
  await db.schema.dropTable('card_set_tags').execute();
}
