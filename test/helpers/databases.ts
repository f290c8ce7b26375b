/**
 * The engines every integration test runs against: SQLite (a fresh file) and PostgreSQL (a fresh
 * database on the server that scripts/run-tests.mjs prepared, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/db/database.js';

export interface TestDatabase {
  dialect: DialectName;
  url: string;
  drop(): Promise<void>;
}

export type TestDatabaseFactory = { dialect: DialectName; create(): Promise<TestDatabase> };

const sqlite: TestDatabaseFactory = {
  dialect: 'sqlite',
  create: () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-test-'));
    return Promise.resolve({
      dialect: 'sqlite',
      url: join(dir, 'recall.db'),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  },
};

function postgres(adminUrl: string): TestDatabaseFactory {
  return {
    dialect: 'postgres',
    create: async () => {
      const name = `recall_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        dialect: 'postgres',
        url: url.toString(),
        drop: async () => {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          try {
            // FORCE may not end a backend of another role (an autovacuum worker that just started on the
            // database): that refusal (42501) and "in use" (55006) pass in a moment, so try again.
            for (let attempt = 1; ; attempt++) {
              try {
                await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                break;
              } catch (error) {
                const code = (error as { code?: string }).code;
                if (attempt >= 20 || (code !== '42501' && code !== '55006')) throw error;
                await new Promise((resolve) => setTimeout(resolve, 250));
              }
            }
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL unless RECALL_TEST_SKIP_POSTGRES=1 (the test runner sets RECALL_TEST_PG_URL). */
export function testDatabases(): TestDatabaseFactory[] {
  const pgUrl = process.env.RECALL_TEST_PG_URL;
  if (pgUrl !== undefined) return [sqlite, postgres(pgUrl)];
  if (process.env.RECALL_TEST_SKIP_POSTGRES === '1') return [sqlite];
  throw new Error('RECALL_TEST_PG_URL is not set: run the tests with `npm test` (scripts/run-tests.mjs).');
}
