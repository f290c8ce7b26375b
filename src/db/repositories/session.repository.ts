import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface SessionUserRow {
  userId: number;
  handle: string;
  displayName: string;
  role: string;
  expiresAt: number;
}

/** Sessions live in the database (only a hash of the token), so every app server sees every login. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: {
    tokenHash: string;
    userId: number;
    createdAt: number;
    expiresAt: number;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findUser(tokenHash: string, now: number): Promise<SessionUserRow | undefined> {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        'u.id as userId',
        'u.handle',
        'u.display_name as displayName',
        'u.role',
        's.expires_at as expiresAt',
      ])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
  }

  async extend(tokenHash: string, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of a user but one (after a password change). */
  async deleteAllForUser(userId: number, except?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except !== undefined) query = query.where('token_hash', '!=', except);
    await query.execute();
  }

  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
