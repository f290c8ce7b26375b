/**
 * SQLite files as whole files: online backup, checking that a file is a sound Recall database, telling
 * whether another process has a database open, and settling one into a single file before it is replaced.
 * These need the raw better-sqlite3 handle, which the Kysely database of `database.ts` keeps to itself.
 */
import SQLite from 'better-sqlite3';

/** Kysely's Migrator keeps its history here. */
const MIGRATION_TABLE = 'kysely_migration';
/** Tables every Recall database has had since its first migration. */
const CORE_TABLES = ['users', 'subjects', 'topics', 'card_sets', 'cards'];

export interface SqliteBackupResult {
  pages: number;
}

/**
 * Copies a live database into `destination` with SQLite's online backup API: a consistent snapshot while
 * other connections (a running server) keep reading and writing; writes made during the copy restart it.
 */
export async function backupSqliteFile(source: string, destination: string): Promise<SqliteBackupResult> {
  const db = new SQLite(source, { fileMustExist: true, timeout: 5_000 });
  let pages: number;
  try {
    pages = (await db.backup(destination)).totalPages;
  } finally {
    db.close();
  }
  // The copy keeps the live database's WAL mode; a rollback journal makes it one self-contained file
  // (a WAL file opened read-only would leave -wal and -shm files beside it). Recall sets WAL on open.
  const copy = new SQLite(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { pages };
}

export interface SqliteFileReport {
  /** "ok", or the first problems integrity_check found. */
  integrity: string;
  /** Applied migrations in order; null when the file has no migration table (not a Recall database). */
  migrations: string[] | null;
  missingTables: string[];
  cardSets: number | null;
}

/**
 * Looks inside a SQLite file: its integrity, Recall's migration history and core tables. Opens it for
 * writing (a WAL file needs its -shm), changes nothing, and leaves it as a single file when it closes.
 * Throws SQLite's own error ("file is not a database") for anything that is not SQLite.
 */
export function inspectSqliteFile(file: string): SqliteFileReport {
  const db = new SQLite(file, { fileMustExist: true, timeout: 1_000 });
  try {
    const integrity = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
      .slice(0, 3)
      .map((row) => row.integrity_check)
      .join('; ');
    const tables = new Set(
      (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    const migrations = tables.has(MIGRATION_TABLE)
      ? (db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[]).map(
          (row) => row.name,
        )
      : null;
    const cardSets = tables.has('card_sets')
      ? (db.prepare('select count(*) as n from card_sets').get() as { n: number }).n
      : null;
    return {
      integrity,
      migrations,
      missingTables: CORE_TABLES.filter((table) => !tables.has(table)),
      cardSets,
    };
  } finally {
    db.close();
  }
}

/**
 * True when another connection (a running server, another command) has the database open. A database in
 * WAL mode cannot leave WAL mode while any other connection has it open, even an idle one, so trying to
 * tells; when it succeeds, the WAL has been checkpointed into the main file and removed, which is what a
 * file about to be replaced needs. A database already in another journal mode is checked with an
 * exclusive lock.
 */
export function settleSqliteFile(file: string): { inUse: boolean } {
  const db = new SQLite(file, { fileMustExist: true, timeout: 250 });
  try {
    const mode = (db.pragma('journal_mode', { simple: true }) as string).toLowerCase();
    try {
      if (mode === 'wal') {
        const after = (db.pragma('journal_mode = DELETE', { simple: true }) as string).toLowerCase();
        return { inUse: after === 'wal' };
      }
      db.exec('begin exclusive');
      db.exec('rollback');
      return { inUse: false };
    } catch (error) {
      if (error instanceof SQLite.SqliteError && /^SQLITE_(?:BUSY|LOCKED)/.test(error.code)) {
        return { inUse: true };
      }
      throw error;
    }
  } finally {
    db.close();
  }
}
