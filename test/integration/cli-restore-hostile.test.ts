/**
 * `recall restore` against hostile backups (test/fixtures/hostile/hostile-backups.ts): each is refused
 * with its own clear one-line message, in a child process with a small heap and a deadline, within
 * bounded memory, and leaves the current database byte for byte as it was, so the server still starts.
 * A valid backup from an earlier Recall is restored and migrated.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import {
  writeHostileBackups,
  writeOlderBackup,
  type HostileBackup,
} from '../fixtures/hostile/hostile-backups.js';
import { startServerProcess } from '../helpers/server-process.js';
import { measuredRecall } from '../helpers/measured-recall.js';

/** Generous for a command whose own work is a few megabytes; a hostile file that got read costs hundreds. */
const MAX_RSS_MB = 200;
const DEADLINE_MS = 60_000;

/** `recall ARGS` with a 64 MB JavaScript heap and a deadline, reporting its peak resident memory. */
const boundedRecall = (args: string[], env: Record<string, string>, work: string) =>
  measuredRecall(args, { env, work, nodeArgs: ['--max-old-space-size=64'], timeoutMs: DEADLINE_MS });

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('recall restore refuses hostile backups', () => {
  let work: string;
  let real: string;
  let hostile: HostileBackup[];
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'recall-hostile-restore-'));
    ({ real, hostile } = await writeHostileBackups(join(work, 'corpus')));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('refuses each with a clear message, in bounded memory and time, and leaves the database as it was', async () => {
    const dir = join(work, 'live');
    const database = join(dir, 'recall.db');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    copyFileSync(real, database);
    const before = digest(database);
    const env = { DATABASE_URL: database };
    assert.ok(hostile.length >= 13);
    for (const backup of hostile) {
      const run = boundedRecall(['restore', backup.file], env, work);
      const what = `${backup.name} (${backup.attack}): ${JSON.stringify(run)}`;
      assert.equal(run.timedOut, false, `finished before the deadline: ${what}`);
      assert.equal(run.signal, null, what);
      assert.equal(run.status, 1, what);
      assert.equal(run.stdout, '', what);
      assert.match(
        run.stderr,
        /^recall: [^\n]+; nothing was restored and the database is unchanged\.\n$/,
        what,
      );
      assert.match(run.stderr, backup.refusal, what);
      assert.ok(run.peakRssMb < MAX_RSS_MB, `peak ${run.peakRssMb.toFixed(0)} MB: ${what}`);
      assert.equal(digest(database), before, `the database is untouched: ${what}`);
      assert.deepEqual(readdirSync(dir), ['recall.db'], `nothing is left beside it: ${what}`);
    }

    // The attack that made a member an admin: refused, so nobody's role changes when a set is created.
    const roles = new SQLite(database, { readonly: true });
    assert.deepEqual(roles.prepare(`select count(*) as n from users where role = 'admin'`).get(), { n: 0 });
    roles.close();

    const server = await startServerProcess({ DATABASE_URL: database, DEMO_CONTENT: 'off' });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      const home = await fetch(`${server.url}/`);
      assert.equal(home.status, 200);
    } finally {
      await server.stop();
    }
  });

  it('restores a valid backup from an earlier Recall and migrates it', () => {
    const dir = mkdtempSync(join(work, 'older-'));
    const database = join(dir, 'recall.db');
    copyFileSync(real, database);
    const older = join(work, 'older-backup.db');
    return writeOlderBackup(older, '20261127T0200-community').then(() => {
      const env = { DATABASE_URL: database };
      const run = boundedRecall(['restore', older], env, work);
      assert.equal(run.status, 0, run.stderr);
      assert.match(
        run.stdout,
        /^Restored .*older-backup\.db \(1 card sets\) to .*recall\.db\. The previous database is kept as .*recall\.db\.bak-\d{8}T\d{6}Z\. Applied migrations: 20261127T0300-search, 20261127T0400-study, .*\.\n$/,
      );
      const migrate = boundedRecall(['migrate'], env, work);
      assert.equal(migrate.stdout, 'The database is up to date.\n');
      const exported = boundedRecall(['export', '1', '--format', 'json'], env, work);
      assert.equal(exported.status, 0, exported.stderr);
      const set = JSON.parse(exported.stdout) as { title: string; cards: { body: string }[] };
      assert.equal(set.title, 'Rivers of an older backup');
      assert.deepEqual(
        set.cards.map((card) => card.body),
        ['Where a river starts.', 'Where it meets the sea.'],
      );
    });
  });
});
