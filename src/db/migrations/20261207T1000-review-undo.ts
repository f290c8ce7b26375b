/**
 * Undoing an answer: each study answer's log row keeps the learner's whole state of the item before it
 * (`state_before`, JSON of the state's columns; null when the item had none: its first answer), so that
 * undo restores it exactly and removes the row. Rows logged before this have none and cannot be undone.
 * Frozen in time.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('review_logs').addColumn('state_before', 'text').execute();
  await db.schema
    .alterTable('review_logs')
    .addColumn('undoable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('review_logs').dropColumn('undoable').execute();
  await db.schema.alterTable('review_logs').dropColumn('state_before').execute();
}
