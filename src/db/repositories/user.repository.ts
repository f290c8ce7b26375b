import type { Kysely } from 'kysely';
import type { Database, NewUser, UserRow } from '../tables.js';

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByHandle(handle: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('handle', '=', handle).executeTakeFirst();
  }

  /** Accounts with this email, newest first (an address may belong to several accounts). */
  async findByEmail(email: string, limit: number): Promise<UserRow[]> {
    return this.db
      .selectFrom('user_emails as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .selectAll('u')
      .where('e.email', '=', email)
      .orderBy('e.user_id', 'desc')
      .limit(limit)
      .execute();
  }

  async findEmail(userId: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('user_emails')
      .select('email')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.email;
  }

  /** Inserts a user; undefined when the handle is taken (the unique constraint said no). */
  async insertIfFree(user: NewUser): Promise<number | undefined> {
    const row = await this.db
      .insertInto('users')
      .values(user)
      .onConflict((oc) => oc.column('handle').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async setEmail(userId: number, email: string, now: number): Promise<void> {
    await this.db
      .insertInto('user_emails')
      .values({ user_id: userId, email, added_at: now, verified_at: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, added_at: now, verified_at: null }))
      .execute();
  }

  /** The user with this handle, inserted if absent (safe against a concurrent insert of the same handle). */
  async findOrInsert(user: NewUser): Promise<UserRow> {
    await this.db
      .insertInto('users')
      .values(user)
      .onConflict((oc) => oc.column('handle').doNothing())
      .execute();
    return (await this.findByHandle(user.handle))!;
  }

  async updatePasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async updateRole(id: number, role: string): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('id', '=', id).execute();
  }
}
