import type { Kysely } from 'kysely';
import type { Database, NewUser, UserRow } from '../tables.js';

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByHandle(handle: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('handle', '=', handle).executeTakeFirst();
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
}
