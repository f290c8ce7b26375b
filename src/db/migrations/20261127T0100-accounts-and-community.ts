/** Sessions, shared rate limits, folders, reports and revision history. Frozen in time. */
import type { Kysely, CreateTableBuilder } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('folders'))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('folders_owner_name_unique', ['owner_id', 'name'])
    .execute();

  await db.schema
    .createTable('folder_sets')
    .addColumn('folder_id', 'integer', (c) => c.notNull().references('folders.id').onDelete('cascade'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('folder_sets_pk', ['folder_id', 'card_set_id'])
    .execute();

  await withId(db, db.schema.createTable('reports'))
    .addColumn('target_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema.createIndex('reports_status_idx').on('reports').columns(['status', 'id']).execute();

  await withId(db, db.schema.createTable('card_set_revisions'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('editor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('card_set_revisions_unique', ['card_set_id', 'revision'])
    .execute();

  await db.schema.createIndex('ratings_user_idx').on('ratings').column('user_id').execute();
  await db.schema
    .createIndex('card_sets_visibility_idx')
    .on('card_sets')
    .columns(['visibility', 'status', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('card_sets_visibility_idx').execute();
  await db.schema.dropIndex('ratings_user_idx').execute();
  for (const table of [
    'card_set_revisions',
    'reports',
    'folder_sets',
    'folders',
    'rate_limits',
    'sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
