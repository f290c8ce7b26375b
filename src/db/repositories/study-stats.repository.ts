/**
 * What a learner's progress pages count, read from the study tables: answers per day, cards falling due
 * per day, cards per phase and set, the sets studied last. Days are UTC calendar days counted from the
 * epoch (`time / 86400000`, integer division on both engines).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface DayCountRow {
  /** Days since 1 January 1970 (UTC). */
  day: number;
  count: number;
}

export interface ReviewDayRow extends DayCountRow {
  /** Answers other than Again. */
  passed: number;
}

const DAY = sql<number>`86400000`;

export class StudyStatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The sets the learner answered cards of most recently, latest first. */
  async listRecentlyStudiedSetIds(userId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('study_states')
      .select(['card_set_id as cardSetId', (eb) => eb.fn.max('last_review').as('lastReview')])
      .where('user_id', '=', userId)
      .where('last_review', 'is not', null)
      .groupBy('card_set_id')
      .orderBy('lastReview', 'desc')
      .orderBy('card_set_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.cardSetId);
  }

  /** Answers per UTC day since `since`, and how many of them were not Again. */
  async reviewsByDay(userId: number, since: number): Promise<ReviewDayRow[]> {
    const day = sql<number>`reviewed_at / ${DAY}`;
    const rows = await this.db
      .selectFrom('review_logs')
      .select([
        day.as('day'),
        (eb) => eb.fn.countAll<number>().as('count'),
        (eb) => eb.fn.sum<number>(eb.case().when('rating', '>', 1).then(1).else(0).end()).as('passed'),
      ])
      .where('user_id', '=', userId)
      .where('reviewed_at', '>=', since)
      .groupBy(day)
      .orderBy(day)
      .execute();
    return rows.map((row) => ({
      day: Number(row.day),
      count: Number(row.count),
      passed: Number(row.passed),
    }));
  }

  /** Cards falling due per UTC day in [from, until). */
  async dueByDay(userId: number, from: number, until: number): Promise<DayCountRow[]> {
    const day = sql<number>`due / ${DAY}`;
    const rows = await this.db
      .selectFrom('study_states')
      .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('user_id', '=', userId)
      .where('due', '>=', from)
      .where('due', '<', until)
      .groupBy(day)
      .orderBy(day)
      .execute();
    return rows.map((row) => ({ day: Number(row.day), count: Number(row.count) }));
  }

  /** How many of the learner's cards are in each phase, per set. */
  async phaseCountsBySet(userId: number): Promise<{ cardSetId: number; phase: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('study_states')
      .select(['card_set_id as cardSetId', 'phase', (eb) => eb.fn.countAll<number>().as('count')])
      .where('user_id', '=', userId)
      .groupBy(['card_set_id', 'phase'])
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** How many study items each set's cards give (a reversible card two, a cloze card one per deletion). */
  async countItemsOfSets(setIds: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    if (setIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('cards')
      .select(['card_set_id as cardSetId', (eb) => eb.fn.sum<number>('item_count').as('items')])
      .where('card_set_id', 'in', setIds)
      .groupBy('card_set_id')
      .execute();
    for (const row of rows) counts.set(row.cardSetId, Number(row.items));
    return counts;
  }

  async countReviews(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('review_logs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
