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

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /** Inserts a user; undefined when the handle or email is taken (a unique constraint said no). */
  async insertIfFree(user: NewUser): Promise<number | undefined> {
    const row = await this.db
      .insertInto('users')
      .values(user)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
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
