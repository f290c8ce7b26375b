import type { TestDatabase } from './databases.js';

/**
 * Drops a test database after a test that wrote a lot to it. PostgreSQL's autovacuum may then be at work
 * in it, as a superuser that DROP DATABASE … WITH (FORCE) may not end (42501): wait for it to leave.
 */
export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await database.drop();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== '42501' || attempt === 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
