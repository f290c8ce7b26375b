/**
 * Study items: a card may be studied as more than one item. A basic card is one item (variant 0), a
 * reversible card two (0: title → body, 1: body → title), a cloze card one per deletion number (variant n
 * for `{{cn::…}}`). Frozen in time.
 *
 * - cards: `kind` (basic | cloze), `reversible` (0/1) and `item_count`, the number of items the card gives,
 *   kept with the card so that per-set counts need no parsing of bodies.
 * - study_states: one row per (learner, card, variant). The old (user_id, card_id) unique constraint is
 *   replaced: PostgreSQL drops and adds constraints; SQLite cannot, so the table is rebuilt with its rows.
 * - review_logs: the variant each answer was for.
 * Every existing row is a basic card's variant 0.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const STATE_COLUMNS = [
  'id',
  'user_id',
  'card_id',
  'card_set_id',
  'phase',
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'reps',
  'lapses',
  'learning_steps',
  'last_review',
  'updated_at',
];

async function createStateIndexes(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('study_states_user_due_idx')
    .on('study_states')
    .columns(['user_id', 'due'])
    .execute();
  await db.schema
    .createIndex('study_states_user_set_idx')
    .on('study_states')
    .columns(['user_id', 'card_set_id'])
    .execute();
  await db.schema.createIndex('study_states_card_idx').on('study_states').column('card_id').execute();
}

/** SQLite: a new table with the new constraint, the rows copied over, the old one dropped. */
async function rebuildSqliteStates(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('study_states_new')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('variant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('card_set_id', 'integer', (c) => c.notNull())
    .addColumn('phase', 'varchar(12)', (c) => c.notNull())
    .addColumn('due', 'bigint', (c) => c.notNull())
    .addColumn('stability', 'double precision', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('elapsed_days', 'integer', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('reps', 'integer', (c) => c.notNull())
    .addColumn('lapses', 'integer', (c) => c.notNull())
    .addColumn('learning_steps', 'integer', (c) => c.notNull())
    .addColumn('last_review', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('study_states_user_card_variant_unique', ['user_id', 'card_id', 'variant'])
    .execute();
  const columns = sql.join(STATE_COLUMNS.map((name) => sql.ref(name)));
  await sql`insert into study_states_new (${columns}) select ${columns} from study_states`.execute(db);
  await db.schema.dropTable('study_states').execute();
  await db.schema.alterTable('study_states_new').renameTo('study_states').execute();
  await createStateIndexes(db);
}

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema
    .alterTable('cards')
    .addColumn('kind', 'varchar(10)', (c) => c.notNull().defaultTo('basic'))
    .execute();
  await db.schema
    .alterTable('cards')
    .addColumn('reversible', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cards')
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('review_logs')
    .addColumn('variant', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    await db.schema
      .alterTable('study_states')
      .addColumn('variant', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('study_states').dropConstraint('study_states_user_card_unique').execute();
    await db.schema
      .alterTable('study_states')
      .addUniqueConstraint('study_states_user_card_variant_unique', ['user_id', 'card_id', 'variant'])
      .execute();
  } else {
    await rebuildSqliteStates(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  // Items beyond a card's first cannot be kept under the old one-row-per-card constraint.
  await db.deleteFrom('study_states').where('variant', '<>', 0).execute();
  await db.deleteFrom('review_logs').where('variant', '<>', 0).execute();
  if (isPostgres(db)) {
    await db.schema
      .alterTable('study_states')
      .dropConstraint('study_states_user_card_variant_unique')
      .execute();
    await db.schema
      .alterTable('study_states')
      .addUniqueConstraint('study_states_user_card_unique', ['user_id', 'card_id'])
      .execute();
    await db.schema.alterTable('study_states').dropColumn('variant').execute();
  } else {
    await db.schema
      .createTable('study_states_old')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id').onDelete('cascade'))
      .addColumn('card_set_id', 'integer', (c) => c.notNull())
      .addColumn('phase', 'varchar(12)', (c) => c.notNull())
      .addColumn('due', 'bigint', (c) => c.notNull())
      .addColumn('stability', 'double precision', (c) => c.notNull())
      .addColumn('difficulty', 'double precision', (c) => c.notNull())
      .addColumn('elapsed_days', 'integer', (c) => c.notNull())
      .addColumn('scheduled_days', 'integer', (c) => c.notNull())
      .addColumn('reps', 'integer', (c) => c.notNull())
      .addColumn('lapses', 'integer', (c) => c.notNull())
      .addColumn('learning_steps', 'integer', (c) => c.notNull())
      .addColumn('last_review', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('study_states_user_card_unique', ['user_id', 'card_id'])
      .execute();
    const columns = sql.join(STATE_COLUMNS.map((name) => sql.ref(name)));
    await sql`insert into study_states_old (${columns}) select ${columns} from study_states`.execute(db);
    await db.schema.dropTable('study_states').execute();
    await db.schema.alterTable('study_states_old').renameTo('study_states').execute();
    await createStateIndexes(db);
  }
  await db.schema.alterTable('review_logs').dropColumn('variant').execute();
  for (const column of ['item_count', 'reversible', 'kind']) {
    await db.schema.alterTable('cards').dropColumn(column).execute();
  }
}
