import { sql, type Kysely } from 'kysely';
import { pendingMigrations } from '../migrate.js';
import type { Database } from '../tables.js';

/** Is the database there, and is its schema current? */
export class HealthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  pendingMigrations(): Promise<string[]> {
    return pendingMigrations(this.db);
  }
}
