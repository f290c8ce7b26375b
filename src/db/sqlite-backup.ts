/**
 * SQLite files as whole files: online backup, checking that a file is a sound Recall database (its schema
 * exactly the one Recall's migrations make, see sqlite-schema.ts), telling
 * whether another process has a database open, and settling one into a single file before it is replaced.
 * These need the raw better-sqlite3 handle, which the Kysely database of `database.ts` keeps to itself.
 */
import SQLite from 'better-sqlite3';
import {
  expectedSchemaAt,
  knownMigrations,
  MIGRATION_TABLE,
  readSchemaObjects,
  schemaDifferences,
  type SchemaObject,
} from './sqlite-schema.js';

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
  cardSets: number;
}

/** The first problems SQLite's integrity check finds, or "ok". */
function integrityOf(db: SQLite.Database): string {
  return (db.pragma('integrity_check(3)', { simple: false }) as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .join('; ');
}

/**
 * Checks a copy that Recall has just made of its own database (`recall backup`): its integrity and how
 * many card sets it holds. Opens it for writing (a WAL file needs its -shm), changes nothing.
 */
export function inspectSqliteFile(file: string): SqliteFileReport {
  const db = new SQLite(file, { fileMustExist: true, timeout: 1_000 });
  try {
    const integrity = integrityOf(db);
    const cardSets = (db.prepare('select count(*) as n from card_sets').get() as { n: number }).n;
    return { integrity, cardSets };
  } finally {
    db.close();
  }
}

/** What a file offered to `recall restore` turned out to be. */
export type SqliteFileVerdict =
  | { kind: 'recall'; migrations: string[]; cardSets: number }
  | { kind: 'not-sqlite' }
  /** SQLite, without Recall's migration history. */
  | { kind: 'not-recall' }
  /** A migration this Recall does not know: made by a newer one. */
  | { kind: 'newer'; migration: string }
  /** A migration history that Recall's migrations could not have written. */
  | { kind: 'history'; detail: string }
  | { kind: 'schema'; differences: string[] }
  | { kind: 'damaged'; detail: string }
  | { kind: 'broken-links'; detail: string };

const isSqliteError = (error: unknown, ...codes: string[]) =>
  error instanceof SQLite.SqliteError && codes.some((code) => error.code.startsWith(code));

/**
 * Decides whether `file` is a sound Recall database, without running anything the file defines: the
 * schema is read as rows of sqlite_schema and compared with the one Recall's migrations make (to the
 * file's own level) before any table is read, so a trigger, a view or a virtual table never runs. Then
 * SQLite's integrity check and foreign-key check, and the card sets are counted. Works on a copy: it
 * opens the file for writing (a WAL file needs its -shm) but changes nothing.
 */
export async function verifyRecallSqliteFile(file: string): Promise<SqliteFileVerdict> {
  let db: SQLite.Database;
  let schema: SchemaObject[];
  try {
    db = new SQLite(file, { fileMustExist: true, timeout: 1_000 });
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) return { kind: 'not-sqlite' };
    throw error;
  }
  try {
    try {
      // Functions in the file's own views and triggers may not run (none should ever be reached).
      db.pragma('trusted_schema = OFF');
      schema = readSchemaObjects(db);
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_NOTADB')) return { kind: 'not-sqlite' };
      if (isSqliteError(error, 'SQLITE_CORRUPT'))
        return { kind: 'damaged', detail: (error as Error).message };
      throw error;
    }
    const known = await knownMigrations();
    const historyTable = schema.find((object) => object.name === MIGRATION_TABLE);
    if (historyTable === undefined) return { kind: 'not-recall' };
    const ownHistoryTable = (await expectedSchemaAt(known[0]!)).find(
      (object) => object.name === MIGRATION_TABLE,
    );
    if (historyTable.type !== 'table' || historyTable.sql !== ownHistoryTable?.sql) {
      return { kind: 'history', detail: `its ${MIGRATION_TABLE} table is not the one Recall keeps` };
    }
    // Names are the table's primary key: more rows than Recall has migrations means one is unknown.
    const applied = (
      db.prepare(`select name from ${MIGRATION_TABLE} order by name limit ?`).all(known.length + 1) as {
        name: unknown;
      }[]
    ).map((row) => String(row.name));
    if (applied.length === 0) return { kind: 'not-recall' };
    const unknown = applied.find((name) => !known.includes(name));
    if (unknown !== undefined) return { kind: 'newer', migration: unknown };
    const gap = applied.findIndex((name, index) => name !== known[index]);
    if (gap !== -1) {
      return { kind: 'history', detail: `it has migration ${applied[gap]} without ${known[gap]}` };
    }
    const differences = schemaDifferences(schema, await expectedSchemaAt(applied.at(-1)!));
    if (differences.length > 0) return { kind: 'schema', differences };

    const integrity = integrityOf(db);
    if (integrity !== 'ok') return { kind: 'damaged', detail: integrity };
    // The first broken reference only: a damaged file could have millions.
    for (const row of db.prepare('pragma foreign_key_check').iterate() as Iterable<{
      table: string;
      rowid: number | null;
      parent: string;
    }>) {
      return {
        kind: 'broken-links',
        detail: `row ${row.rowid ?? '?'} of ${row.table} refers to a row of ${row.parent} that is not there`,
      };
    }
    const cardSets = (db.prepare('select count(*) as n from card_sets').get() as { n: number }).n;
    return { kind: 'recall', migrations: applied, cardSets };
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_CORRUPT')) return { kind: 'damaged', detail: (error as Error).message };
    throw error;
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
