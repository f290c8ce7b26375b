import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

/** Fixed-window counters in the database, so that a limit counts across every app server. */
export class RateLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds one hit to `key` in the window starting at `windowStart`; returns the count in that window. */
  async hit(key: string, windowStart: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
          window_start: sql<number>`excluded.window_start`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }
}
