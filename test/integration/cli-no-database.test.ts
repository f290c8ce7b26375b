/**
 * Commands that read the database say there is none instead of creating one: `recall export` run in a
 * folder without a database used to create ./data/recall.db and then report "Card set 1 not found".
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';

const bin = resolve('bin/recall.js');

function recall(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', ...options.env };
  if (options.env?.DATABASE_URL === undefined) delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const READERS: string[][] = [
  ['export', '1', '--format', 'json'],
  ['export', '1', '-o', 'set.md'],
  ['backup', 'backup.db'],
  ['user', 'promote', 'ada'],
  ['user', 'create', '--handle', 'ada', '--email', 'ada@example.org'],
];

describe('commands that read the database, without one', () => {
  it('say there is no database at the default path, and create nothing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'recall-no-db-'));
    const env = { RECALL_USER_PASSWORD: 'a long enough password' };
    for (const args of READERS) {
      const run = recall(args, { cwd, env });
      assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(
        run.stderr,
        `recall: There is no database at ${join(cwd, 'data', 'recall.db')}: set DATABASE_URL to your database, or create one with "recall migrate".\n`,
        args.join(' '),
      );
      assert.deepEqual(readdirSync(cwd), [], `${args.join(' ')} created nothing`);
    }
  });

  it('name the path DATABASE_URL gives, and work once "recall migrate" has made it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'recall-no-db-'));
    const env = { DATABASE_URL: 'sqlite:elsewhere/typo.db' };
    const run = recall(['export', '1', '--format', 'json'], { cwd, env });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^recall: There is no database at \S+\/elsewhere\/typo\.db: /);
    assert.equal(existsSync(join(cwd, 'elsewhere')), false);
    assert.equal(recall(['migrate'], { cwd, env }).status, 0, 'migrate may create the database');
    const after = recall(['export', '1', '--format', 'json'], { cwd, env });
    assert.equal(after.status, 1);
    assert.match(after.stderr, /^recall: Card set 1 /);
  });

  for (const factory of testDatabases().filter((candidate) => candidate.dialect === 'postgres')) {
    it('on PostgreSQL, say that the database named in DATABASE_URL does not exist', async () => {
      const existing = await factory.create();
      try {
        const missing = new URL(existing.url);
        missing.pathname = `${missing.pathname}_missing`;
        const cwd = mkdtempSync(join(tmpdir(), 'recall-no-db-'));
        for (const args of READERS.filter((command) => command[0] !== 'backup')) {
          const run = recall(args, {
            cwd,
            env: { DATABASE_URL: missing.toString(), RECALL_USER_PASSWORD: 'a long enough password' },
          });
          assert.equal(run.status, 1, args.join(' '));
          assert.match(run.stderr, /^recall: database "\w+_missing" does not exist\n$/, args.join(' '));
        }
      } finally {
        await existing.drop();
      }
    });
  }
});
