import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface LoginFailureRow {
  key: string;
  failures: number;
  lastFailedAt: number;
  blockedUntil: number;
}

/**
 * Failed log-ins per key (an account from one client, an account, a client, a trusted device), in the
 * database so that every app server sees them. `lock` is meant for a transaction: it creates missing
 * rows and locks them (PostgreSQL: FOR UPDATE; SQLite's write transactions are serialised already),
 * so that parallel attempts are counted one after another.
 */
export class LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private get postgres(): boolean {
    return this.db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async lock(keys: readonly string[], now: number): Promise<LoginFailureRow[]> {
    if (keys.length === 0) return [];
    await this.db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, failures: 0, last_failed_at: now, blocked_until: 0 })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    let query = this.db
      .selectFrom('login_failures')
      .select(['key', 'failures', 'last_failed_at as lastFailedAt', 'blocked_until as blockedUntil'])
      .where('key', 'in', keys)
      .orderBy('key');
    if (this.postgres) query = query.forUpdate();
    const rows = await query.execute();
    return rows.map((row) => ({
      key: row.key,
      failures: Number(row.failures),
      lastFailedAt: Number(row.lastFailedAt),
      blockedUntil: Number(row.blockedUntil),
    }));
  }

  async save(rows: readonly LoginFailureRow[]): Promise<void> {
    for (const row of rows) {
      await this.db
        .updateTable('login_failures')
        .set({ failures: row.failures, last_failed_at: row.lastFailedAt, blocked_until: row.blockedUntil })
        .where('key', '=', row.key)
        .execute();
    }
  }

  /** Takes back one failure counted in advance (the attempt turned out to be right). */
  async forgiveOne(key: string, blockedUntil: number): Promise<void> {
    await this.db
      .updateTable('login_failures')
      .set({
        failures: sql<number>`case when failures > 0 then failures - 1 else 0 end`,
        blocked_until: blockedUntil,
      })
      .where('key', '=', key)
      .execute();
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('login_failures').where('key', 'in', keys).execute();
  }

  /** Rows untouched for this long have leaked back to nothing. */
  async deleteIdle(before: number): Promise<void> {
    await this.db
      .deleteFrom('login_failures')
      .where('last_failed_at', '<', before)
      .where('blocked_until', '<', before)
      .execute();
  }
}
