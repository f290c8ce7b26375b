import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

/** One row per member and set; summaries are aggregates at read time, so they are always exact. */
export class RatingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Rates or re-rates, atomically on both engines (one upsert on the primary key). */
  async upsert(cardSetId: number, userId: number, stars: number, now: number): Promise<void> {
    await this.db
      .insertInto('ratings')
      .values({ card_set_id: cardSetId, user_id: userId, stars, created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['card_set_id', 'user_id']).doUpdateSet((eb) => ({
          stars: eb.ref('excluded.stars'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async delete(cardSetId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('ratings')
      .where('card_set_id', '=', cardSetId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findStars(cardSetId: number, userId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('ratings')
      .select('stars')
      .where('card_set_id', '=', cardSetId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.stars;
  }

  /** Count and sum of stars in one statement (one snapshot), read from the (card_set_id, stars) index. */
  async summarise(cardSetId: number): Promise<{ count: number; sum: number }> {
    const row = await this.db
      .selectFrom('ratings')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number | null>('stars').as('sum')])
      .where('card_set_id', '=', cardSetId)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), sum: Number(row.sum ?? 0) };
  }
}
