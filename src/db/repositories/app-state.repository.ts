import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

/** Small named facts about the installation (for example: the demo content has been imported). */
export class AppStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('app_state')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Sets the key only if it is not set yet; true when this call set it. */
  async claim(key: string, value: string, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('app_state')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
