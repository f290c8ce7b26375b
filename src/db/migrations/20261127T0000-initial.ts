/** Frozen in time: written against Kysely<any>, never importing today's application types. */
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('handle', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'varchar(20)', (c) => c.notNull().defaultTo('member'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('subjects'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('topics'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('topics_subject_slug_unique', ['subject_id', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('card_sets'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('subtitle', 'varchar(300)')
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('subjects.id'))
    .addColumn('topic_id', 'integer', (c) => c.references('topics.id'))
    .addColumn('level', 'varchar(20)')
    .addColumn('exam_board', 'varchar(20)')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('visibility', 'varchar(10)', (c) => c.notNull().defaultTo('public'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('card_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('view_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('card_sets_subject_idx')
    .on('card_sets')
    .columns(['subject_id', 'id'])
    .execute();
  await db.schema.createIndex('card_sets_topic_idx').on('card_sets').columns(['topic_id', 'id']).execute();
  await db.schema.createIndex('card_sets_author_idx').on('card_sets').columns(['author_id', 'id']).execute();

  await withId(db, db.schema.createTable('cards'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('cards_set_position_unique', ['card_set_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('comments'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('visible'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_set_idx').on('comments').columns(['card_set_id', 'id']).execute();

  await db.schema
    .createTable('ratings')
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stars', 'integer', (c) => c.notNull().check(sql`stars between 1 and 5`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ratings_pk', ['card_set_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('app_state')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'app_state',
    'ratings',
    'comments',
    'cards',
    'card_sets',
    'topics',
    'subjects',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
