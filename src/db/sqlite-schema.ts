/**
 * The schema of a SQLite file, compared with the one Recall's migrations make: what `recall restore`
 * checks before it trusts a file. Every table, index, trigger, view and virtual table is compared by
 * type, name, table and SQL text with a fresh database migrated to the same level in a temporary
 * folder, so that a trigger, a view in a table's place, a virtual table with `uncompress=` or a table
 * with other columns is refused before anything reads it. Only the bookkeeping SQLite adds by itself
 * (sqlite_sequence, sqlite_stat*, the automatic indexes of UNIQUE constraints) is left out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { openDatabase } from './database.js';
import { migrationProvider } from './migrations/index.js';

/** One row of sqlite_schema. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** Kysely's Migrator keeps its history in this table (and its lock in kysely_migration_lock). */
export const MIGRATION_TABLE = 'kysely_migration';

/** What SQLite adds on its own: counters of AUTOINCREMENT, ANALYZE's statistics, indexes of constraints. */
function isSqliteBookkeeping(object: SchemaObject): boolean {
  if (object.type === 'table') return /^sqlite_(?:sequence|stat[1-4])$/.test(object.name);
  return object.type === 'index' && object.sql === null && object.name.startsWith('sqlite_autoindex_');
}

/** The schema objects of an open SQLite database (a plain read of sqlite_schema: runs nothing it defines). */
export function readSchemaObjects(db: SQLite.Database): SchemaObject[] {
  const rows = db
    .prepare('select type, name, tbl_name as tableName, sql from sqlite_schema order by type, name')
    .all() as SchemaObject[];
  return rows.filter((row) => !isSqliteBookkeeping(row));
}

/** Migration names in the order they are applied. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

const expectedByLevel = new Map<string, SchemaObject[]>();

/**
 * The schema that Recall's migrations up to and including `lastMigration` create on SQLite, made by
 * running them on a fresh file in a temporary folder (and remembered for the life of the process).
 */
export async function expectedSchemaAt(lastMigration: string): Promise<SchemaObject[]> {
  const cached = expectedByLevel.get(lastMigration);
  if (cached !== undefined) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'recall-schema-'));
  try {
    const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'fresh.db') });
    try {
      const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
      const { error } = await migrator.migrateTo(lastMigration);
      if (error !== undefined) throw error instanceof Error ? error : new Error(JSON.stringify(error));
      const objects = readSchemaObjects(handle.sqlite!);
      expectedByLevel.set(lastMigration, objects);
      return objects;
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeObject = (object: SchemaObject) =>
  object.type === 'table' || object.type === 'view' || object.name === object.tableName
    ? `${object.type} "${object.name}"`
    : `${object.type} "${object.name}" on ${object.tableName}`;

/** How `actual` differs from `expected`, one sentence each; empty when they are the same. */
export function schemaDifferences(
  actual: readonly SchemaObject[],
  expected: readonly SchemaObject[],
): string[] {
  const key = (object: SchemaObject) => `${object.type}\u0000${object.name}`;
  const wanted = new Map(expected.map((object) => [key(object), object]));
  const found = new Set<string>();
  const differences: string[] = [];
  for (const object of actual) {
    const own = wanted.get(key(object));
    found.add(key(object));
    if (own === undefined) {
      const sameName = expected.find((candidate) => candidate.name === object.name);
      differences.push(
        sameName === undefined
          ? `${describeObject(object)} is not one of Recall's`
          : `"${object.name}" is a ${object.type}, where Recall has a ${sameName.type}`,
      );
    } else if (own.sql !== object.sql || own.tableName !== object.tableName) {
      differences.push(`${describeObject(object)} is not defined as Recall defines it`);
    }
  }
  for (const object of expected) {
    if (!found.has(key(object)) && !actual.some((candidate) => candidate.name === object.name)) {
      differences.push(`${describeObject(object)} is missing`);
    }
  }
  return differences;
}
