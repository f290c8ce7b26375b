/**
 * The cards that matter most for an exam: those its learner chose to start first, when the new-card
 * limit cannot start every card in time. Gone with the exam or the card. Frozen in time.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('exam_focus_cards')
    .addColumn('exam_id', 'integer', (c) => c.notNull().references('exam_dates.id').onDelete('cascade'))
    .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('exam_focus_cards_pk', ['exam_id', 'card_id'])
    .execute();
  await db.schema.createIndex('exam_focus_cards_card_idx').on('exam_focus_cards').column('card_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('exam_focus_cards').execute();
}
