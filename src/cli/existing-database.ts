/**
 * Commands that read the database (export, backup, user) must find one: opening a SQLite path that does
 * not exist would create an empty database there (a mistyped DATABASE_URL, the wrong folder) and answer
 * as if it were the real one. serve, migrate, import and restore may still create it.
 */
import { existsSync } from 'node:fs';
import { parseDatabaseUrl } from '../db/database.js';
import { AppError } from '../domain/errors.js';

export function assertDatabaseExists(databaseUrl: string): void {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.dialect !== 'sqlite' || location.file === ':memory:' || existsSync(location.file)) return;
  throw new AppError(
    'not_found',
    `There is no database at ${location.file}: set DATABASE_URL to your database, or create one with "recall migrate".`,
  );
}
