/** Opens the database named by DATABASE_URL: embedded SQLite by default, PostgreSQL for postgres:// URLs. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { Database } from './tables.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, or undefined for PostgreSQL and in-memory SQLite. */
  file: string | undefined;
  /** SQLite's own handle, for the few reads on every request that must cost microseconds (see CardSetRepository). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export type DatabaseLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** `./data/recall.db`, `sqlite:data/x.db`, `sqlite:///abs/x.db`, `:memory:` or `postgres://…`. */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseLocation {
  if (/^postgres(?:ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  let path = url;
  if (path.startsWith('sqlite://')) path = path.slice('sqlite://'.length);
  else if (path.startsWith('sqlite:')) path = path.slice('sqlite:'.length);
  if (path === '') throw new Error('DATABASE_URL names no SQLite file');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) throw new Error(`DATABASE_URL scheme is not supported: ${url}`);
  return { dialect: 'sqlite', file: path === ':memory:' ? ':memory:' : resolve(cwd, path) };
}

// PostgreSQL returns bigint (int8) and numeric as strings; ids, counts and epoch-ms timestamps fit in a double.
const pgTypes = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  },
} as pg.CustomTypesConfig;

/**
 * Kysely's SQLite adapter runs migrations outside a transaction; SQLite has transactional DDL, so a
 * failed migration can roll back whole.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions begin IMMEDIATE: they take SQLite's write lock at BEGIN (waiting up to busy_timeout), so
 * that concurrent writers, and servers migrating one file at once, queue instead of failing with
 * SQLITE_BUSY when a deferred read transaction tries to become a write.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class RecallSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.sqliteConfig);
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Keep the
 * prepared statements of the last few hundred distinct SQL texts (queries are parameterised, so the
 * set of texts is small) and reuse them.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = sqlite.prepare(text);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

export function openDatabase(
  location: DatabaseLocation,
  options: { poolSize?: number } = {},
): DatabaseHandle {
  if (location.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
    });
    // An idle connection the server ends (a restart, a failover, an administrator) is dropped from the
    // pool and the next query opens a new one; unheard, pg's 'error' event would end the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', file: undefined, close: () => db.destroy() };
  }
  const file = location.file;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new RecallSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    db,
    dialect: 'sqlite',
    file: file === ':memory:' ? undefined : file,
    sqlite,
    close: () => db.destroy(),
  };
}
