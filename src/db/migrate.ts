import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './tables.js';

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to run from several servers at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    const cause = error instanceof Error ? error : new Error(JSON.stringify(error));
    // Nothing ran (the database cannot be reached, or does not exist): its own error says why.
    if (failed === undefined) throw cause;
    throw new Error(`Migration ${failed.migrationName} failed: ${cause.message}`, { cause });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of migrations not yet applied (empty when the schema is current). Throws when the database is unreachable. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const migrations = await migrator.getMigrations();
  return migrations
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name);
}
