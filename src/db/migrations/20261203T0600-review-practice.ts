/**
 * Practice answers: an answer given before its item was due again (a learning step answered early, a
 * review item answered twice in a day, a self-test answer on an item never studied) is logged with
 * practice = 1 and leaves the learner's FSRS state as it was. Fitting FSRS parameters from the log must
 * skip these rows; counting the day's new items does. Every existing row counted: 0. Frozen in time.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('review_logs')
    .addColumn('practice', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('review_logs').dropColumn('practice').execute();
}
