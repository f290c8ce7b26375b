import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

/** One key to count a request against: a steady interval between requests and a burst tolerance. */
export interface BucketHit {
  key: string;
  intervalMs: number;
  toleranceMs: number;
}

export interface BucketResult {
  key: string;
  allowed: boolean;
  /** When the key will allow a request again (epoch ms); only meaningful when refused. */
  retryAt: number;
}

/**
 * Rate limits in the database, so that they count across every app server: one row per key holding
 * the GCRA "theoretical arrival time" (tat), the moment the key's bucket is empty again. A request is
 * allowed when, after adding its interval, tat lies at most `tolerance` ahead of now; a refused request
 * leaves the row as it was. Every key of a request is decided in one upsert (one round trip).
 */
export class RateLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async hit(hits: readonly BucketHit[], now: number): Promise<BucketResult[]> {
    if (hits.length === 0) return [];
    const base = sql<number>`(case when rate_limits.tat > ${now} then rate_limits.tat else ${now} end)`;
    const fits = sql<boolean>`${base} + excluded.interval_ms - ${now} <= excluded.tolerance_ms`;
    const rows = await this.db
      .insertInto('rate_limits')
      .values(
        hits.map((hit) => ({
          key: hit.key,
          tat: now + hit.intervalMs,
          interval_ms: hit.intervalMs,
          tolerance_ms: hit.toleranceMs,
          allowed: 1,
        })),
      )
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // In SET, every expression sees the row as it was before this update (both engines).
          tat: sql<number>`case when ${fits} then ${base} + excluded.interval_ms else rate_limits.tat end`,
          allowed: sql<number>`case when ${fits} then 1 else 0 end`,
          interval_ms: sql<number>`excluded.interval_ms`,
          tolerance_ms: sql<number>`excluded.tolerance_ms`,
        }),
      )
      .returning(['key', 'tat', 'allowed', 'interval_ms', 'tolerance_ms'])
      .execute();
    return rows.map((row) => ({
      key: row.key,
      allowed: Number(row.allowed) === 1,
      retryAt: Number(row.tat) + Number(row.interval_ms) - Number(row.tolerance_ms),
    }));
  }

  /** Gives back the requests counted against `keys` (when another key of the same request refused it). */
  async refund(hits: readonly BucketHit[]): Promise<void> {
    for (const hit of hits) {
      await this.db
        .updateTable('rate_limits')
        .set({ tat: sql<number>`tat - ${hit.intervalMs}` })
        .where('key', '=', hit.key)
        .execute();
    }
  }

  /** Rows whose bucket is full again are the same as no row. */
  async deleteIdle(now: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('tat', '<', now).execute();
  }
}
