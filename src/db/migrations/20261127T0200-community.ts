/**
 * Comments, ratings, folders and reports as the community features use them. Frozen in time.
 *
 * - comments.edited_at: when the author last changed the text ("edited"), apart from moderation.
 * - comments_parent_idx: a thread's replies, and the parent_id foreign key's cascade.
 * - ratings_set_stars_idx: covers count(*) and sum(stars) per set, so that the rating summary is an
 *   index-only aggregate computed at read time (no stored counters to drift).
 * - reports_open_unique: one open report per member per target, enforced by the database.
 * - folders_owner_lower_name_unique: folder names unique per member regardless of letter case.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').addColumn('edited_at', 'bigint').execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').columns(['parent_id', 'id']).execute();
  await db.schema
    .createIndex('ratings_set_stars_idx')
    .on('ratings')
    .columns(['card_set_id', 'stars'])
    .execute();
  await db.schema
    .createIndex('reports_open_unique')
    .on('reports')
    .columns(['target_type', 'target_id', 'reporter_id'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  // An expression index: written as SQL that both engines read the same way.
  await sql`create unique index folders_owner_lower_name_unique on folders (owner_id, lower(name))`.execute(
    db,
  );
  await db.schema.createIndex('folder_sets_set_idx').on('folder_sets').column('card_set_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('folder_sets_set_idx').execute();
  await db.schema.dropIndex('folders_owner_lower_name_unique').execute();
  await db.schema.dropIndex('reports_open_unique').execute();
  await db.schema.dropIndex('ratings_set_stars_idx').execute();
  await db.schema.dropIndex('comments_parent_idx').execute();
  await db.schema.alterTable('comments').dropColumn('edited_at').execute();
}
