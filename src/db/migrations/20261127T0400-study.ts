/**
 * Study: each learner's memory of each card (FSRS state), a log row for every answer, exam dates and the
 * learner's study settings. Frozen in time.
 *
 * - study_states: one row per (learner, card); card_set_id is the card's set (a card never moves), kept
 *   beside it so that per-set counts and the daily queue need no join. It has no foreign key of its own:
 *   the card's cascade already removes the row, and a second key would make every set deletion scan the log. Cards keep their ids across edits, so the state
 *   survives editing; deleting a card (or its set, or the learner) deletes its state and log.
 * - review_logs: append-only, one row per answer, with the state before it: what the FSRS optimizer
 *   needs to fit a learner's parameters later. client_id makes merging progress kept in a browser
 *   idempotent (unique per learner where given).
 * - exam_dates: an exam on a set OR a subject (exactly one), with the recall wanted on the day.
 * - study_settings: per learner; absent means the defaults.
 */
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
  await withId(db, db.schema.createTable('study_states'))
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

  await withId(db, db.schema.createTable('review_logs'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('card_set_id', 'integer', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 4`))
    .addColumn('phase_before', 'varchar(12)', (c) => c.notNull())
    .addColumn('stability_before', 'double precision', (c) => c.notNull())
    .addColumn('difficulty_before', 'double precision', (c) => c.notNull())
    .addColumn('elapsed_days', 'integer', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('due', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(64)')
    .execute();
  await db.schema
    .createIndex('review_logs_user_time_idx')
    .on('review_logs')
    .columns(['user_id', 'reviewed_at'])
    .execute();
  await db.schema.createIndex('review_logs_card_idx').on('review_logs').column('card_id').execute();
  await db.schema
    .createIndex('review_logs_user_client_unique')
    .on('review_logs')
    .columns(['user_id', 'client_id'])
    .unique()
    .where(sql.ref('client_id'), 'is not', null)
    .execute();

  await withId(db, db.schema.createTable('exam_dates'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_set_id', 'integer', (c) => c.references('card_sets.id').onDelete('cascade'))
    .addColumn('subject_id', 'integer', (c) => c.references('subjects.id').onDelete('cascade'))
    .addColumn('exam_date', 'bigint', (c) => c.notNull())
    .addColumn('target_recall', 'double precision', (c) => c.notNull().defaultTo(0.9))
    .addColumn('daily_cap', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('exam_dates_one_scope', sql`(card_set_id is null) <> (subject_id is null)`)
    .execute();
  await db.schema
    .createIndex('exam_dates_user_idx')
    .on('exam_dates')
    .columns(['user_id', 'exam_date'])
    .execute();

  await db.schema
    .createTable('study_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('new_cards_per_day', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['study_settings', 'exam_dates', 'review_logs', 'study_states']) {
    await db.schema.dropTable(table).execute();
  }
}
