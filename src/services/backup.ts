/**
 * Backing up and restoring the database.
 *
 * SQLite: an online backup (SQLite's backup API) that is safe while a server runs, written to a temporary
 * file, checked and then renamed into place. A restore copies the file next to the database and checks
 * the copy before anything reads its tables: a migration history that is a prefix of this Recall's, a
 * schema exactly the one those migrations create (no trigger, view, virtual table or column of its own),
 * then integrity_check and foreign_key_check. It migrates the copy, refuses while another process has the
 * database open, flushes the copy to disk and renames it over the database in one step, keeping the old
 * database as DATABASE.bak-<time>. Whatever is refused leaves the database as it was.
 *
 * PostgreSQL: pg_dump and pg_restore do this better than Recall could, so Recall prints the command to
 * run, with the connection details but never the password.
 */
import { constants } from 'node:fs';
import { copyFile, link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Clock } from '../domain/clock.js';
import { AppError } from '../domain/errors.js';
import { openDatabase, type DatabaseLocation } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import {
  backupSqliteFile,
  inspectSqliteFile,
  settleSqliteFile,
  verifyRecallSqliteFile,
} from '../db/sqlite-backup.js';

export type BackupOutcome =
  | { kind: 'sqlite'; file: string; bytes: number; cardSets: number; seconds: number }
  | { kind: 'postgres'; command: string };

export type RestoreOutcome =
  | {
      kind: 'sqlite';
      database: string;
      /** Where the database that was replaced now is; null when there was none. */
      previous: string | null;
      applied: string[];
      cardSets: number;
    }
  | { kind: 'postgres'; commands: string[] };

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** A time for file names: 20261127T090000Z. */
export const fileTimestamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** A value quoted for a POSIX shell. */
export const shellQuote = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/** The connection URL without its password (pg_dump reads it from PGPASSWORD or ~/.pgpass). */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable: the directory entry itself is flushed (where the platform allows). */
async function fsyncDirectory(path: string): Promise<void> {
  try {
    await fsyncFile(path);
  } catch {
    // Some platforms cannot open directories; the rename is still atomic there.
  }
}

function sqliteFileOf(location: DatabaseLocation): string {
  if (location.dialect !== 'sqlite') throw new Error('not SQLite');
  if (location.file === ':memory:') {
    throw new AppError(
      'validation',
      'DATABASE_URL is an in-memory SQLite database: there is nothing to back up.',
    );
  }
  return location.file;
}

export async function backupDatabase(
  location: DatabaseLocation,
  target: string,
  options: { force?: boolean; clock: Clock },
): Promise<BackupOutcome> {
  if (location.dialect === 'postgres') {
    const command = [
      'pg_dump',
      '--format=custom',
      '--no-owner',
      `--file=${shellQuote(target)}`,
      `--dbname=${shellQuote(withoutPassword(location.url))}`,
    ].join(' ');
    return { kind: 'postgres', command };
  }
  const database = sqliteFileOf(location);
  const destination = resolve(target);
  if (destination === database)
    throw new AppError('validation', 'The backup must be another file than the database.');
  if (!(await exists(database))) {
    throw new AppError(
      'not_found',
      `There is no database at ${database}: set DATABASE_URL to your database, or create one with "recall migrate".`,
    );
  }
  if (!options.force && (await exists(destination))) {
    throw new AppError('conflict', `${target} already exists; choose another file name (or add --force).`);
  }
  const started = options.clock.now().getTime();
  const partial = `${destination}.partial-${process.pid}`;
  try {
    await backupSqliteFile(database, partial);
    const report = inspectSqliteFile(partial);
    if (report.integrity !== 'ok')
      throw new Error(`the copy failed its integrity check: ${report.integrity}`);
    await fsyncFile(partial);
    await rename(partial, destination);
    await fsyncDirectory(dirname(destination));
    return {
      kind: 'sqlite',
      file: destination,
      bytes: (await stat(destination)).size,
      cardSets: report.cardSets ?? 0,
      seconds: (options.clock.now().getTime() - started) / 1000,
    };
  } finally {
    await rm(partial, { force: true });
    await rm(`${partial}-wal`, { force: true });
    await rm(`${partial}-shm`, { force: true });
  }
}

/** Refuses anything but a sound Recall database that this Recall can migrate, saying why. */
async function checkRecallDatabase(
  file: string,
  shownAs: string,
): Promise<{ cardSets: number; migrations: string[] }> {
  const verdict = await verifyRecallSqliteFile(file);
  const refuse = (why: string) =>
    new AppError('validation', `${shownAs} ${why}; nothing was restored and the database is unchanged.`);
  switch (verdict.kind) {
    case 'recall':
      return verdict;
    case 'not-sqlite':
      throw refuse('is not a SQLite database (nor a Recall backup)');
    case 'not-recall':
      throw refuse('is a SQLite database, but not a Recall database (it has no migration history)');
    case 'newer':
      throw refuse(
        `was made by a newer Recall (it has migration ${verdict.migration}): upgrade Recall before restoring it`,
      );
    case 'history':
      throw refuse(`is not a Recall backup: ${verdict.detail}`);
    case 'schema': {
      const shown = verdict.differences.slice(0, 3).join('; ');
      const more = verdict.differences.length - 3;
      throw refuse(
        `is not a backup Recall made: its schema differs from the one Recall's migrations create (${shown}${
          more > 0 ? `; and ${more} more` : ''
        })`,
      );
    }
    case 'damaged':
      throw refuse(`is damaged: SQLite's integrity check says "${verdict.detail}"`);
    case 'broken-links':
      throw refuse(`is damaged: ${verdict.detail}`);
  }
}

/** Brings the checked copy up to this Recall's migrations before it replaces anything. */
async function migrateCopy(file: string, shownAs: string): Promise<string[]> {
  const handle = openDatabase({ dialect: 'sqlite', file });
  try {
    return (await migrateToLatest(handle.db)).applied;
  } catch (error) {
    throw new AppError(
      'validation',
      `${shownAs} could not be brought up to date (${(error as Error).message}); nothing was restored and the database is unchanged.`,
    );
  } finally {
    await handle.close();
  }
}

/** Is the file a PostgreSQL custom-format dump (pg_restore) rather than SQL (psql)? */
async function isCustomDump(file: string): Promise<boolean> {
  try {
    const handle = await open(file, constants.O_RDONLY);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
      return bytesRead === 5 && buffer.toString('latin1') === 'PGDMP';
    } finally {
      await handle.close();
    }
  } catch {
    return true;
  }
}

export async function restoreDatabase(
  location: DatabaseLocation,
  source: string,
  options: { clock: Clock },
): Promise<RestoreOutcome> {
  if (location.dialect === 'postgres') {
    const url = shellQuote(withoutPassword(location.url));
    const restore = (await isCustomDump(source))
      ? `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${url} ${shellQuote(source)}`
      : `psql --single-transaction --set=ON_ERROR_STOP=1 --dbname=${url} --file=${shellQuote(source)}`;
    return { kind: 'postgres', commands: [restore, 'npx recall migrate'] };
  }
  const database = sqliteFileOf(location);
  const backup = resolve(source);
  if (backup === database) throw new AppError('validation', 'That file is the database itself.');
  await stat(backup); // a missing file is reported as "No such file"
  const stamp = fileTimestamp(options.clock.now());
  const incoming = resolve(dirname(database), `.${basename(database)}.restoring-${stamp}-${process.pid}`);
  try {
    // Work on a copy beside the database: the backup stays untouched, the copy is checked and migrated
    // while the database is still the old one, and the final rename is atomic.
    await copyFile(backup, incoming);
    const { cardSets } = await checkRecallDatabase(incoming, source);
    const applied = await migrateCopy(incoming, source);
    await fsyncFile(incoming);

    let previous: string | null = null;
    if (await exists(database)) {
      if (settleSqliteFile(database).inUse) {
        throw new AppError(
          'conflict',
          `The database ${database} is in use (is "recall serve" running?). Stop every server and command using it, then restore.`,
        );
      }
      // Settled: no write-ahead log is left to be replayed into the new file.
      for (const sidecar of [`${database}-wal`, `${database}-journal`]) {
        if (await exists(sidecar)) {
          if ((await stat(sidecar)).size > 0) {
            throw new AppError(
              'conflict',
              `${sidecar} still holds changes; start and stop Recall once, then restore.`,
            );
          }
          await rm(sidecar, { force: true });
        }
      }
      await rm(`${database}-shm`, { force: true });
      previous = `${database}.bak-${stamp}`;
      // A second name for the old file, so that the database path exists at every moment of the swap.
      await link(database, previous).catch(() => copyFile(database, previous!, constants.COPYFILE_EXCL));
    }
    await rename(incoming, database);
    await fsyncDirectory(dirname(database));
    return { kind: 'sqlite', database, previous, applied, cardSets };
  } finally {
    await rm(incoming, { force: true });
    await rm(`${incoming}-wal`, { force: true });
    await rm(`${incoming}-shm`, { force: true });
  }
}
