/**
 * `recall backup` and `recall restore`. SQLite: an online backup taken while a running server writes,
 * then a restore that refuses while the server runs and, once it is stopped, swaps the file in safely.
 * PostgreSQL: the printed pg_dump / pg_restore commands (no password) work as printed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { dropTestDatabase } from '../helpers/drop-test-database.js';
import { testDatabases } from '../helpers/databases.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function recall(args: string[], env: Record<string, string>): Run {
  const result = spawnSync(process.execPath, ['bin/recall.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same without blocking this process, which meanwhile keeps the server busy. */
function recallAsync(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/recall.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `recall serve` on a free port; resolves with its address once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/recall.js', 'serve'], {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    let log = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${log}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const url = /Recall is running at (http:\/\/[^"\s]+)/.exec(log)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${log}`)));
  });
}

const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** A member's API session against a running server: cookies and the CSRF header, as a script would. */
class ApiSession {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}

  private remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.remember(response);
    return response;
  }

  async logIn(login: string, password: string): Promise<void> {
    const session = await this.call('GET', '/api/v1/session');
    this.csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const response = await this.call('POST', '/api/v1/session', { login, password });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    this.csrf = (JSON.parse(text) as { csrfToken: string }).csrfToken;
  }
}

const newSet = (n: number) => ({
  title: `Written during the backup ${n}`,
  subtitle: null,
  subject: 'Backups',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards: Array.from({ length: 20 }, (_, i) => ({
    title: `Card ${i + 1}`,
    body: `Body ${i + 1} of set ${n}`,
  })),
});

function inspect(file: string) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      sets: (db.prepare('select count(*) as n from card_sets').get() as { n: number }).n,
      // Every set whole: the snapshot never catches a transaction half-written.
      torn: (
        db
          .prepare(
            'select count(*) as n from card_sets s where card_count <> (select count(*) from cards c where c.card_set_id = s.id)',
          )
          .get() as { n: number }
      ).n,
    };
  } finally {
    db.close();
  }
}

describe('recall backup and restore', () => {
  it('backs up SQLite while the server writes, and restores only once it is stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-backup-'));
    const database = join(dir, 'recall.db');
    // Write limits scaled up: the writer below makes sets as fast as the server takes them.
    const env = { DATABASE_URL: database, RATE_LIMIT_SCALE: '1000' };
    const { child, url } = await startServer(env);
    try {
      const password = 'a long writer password';
      assert.equal(
        recall(['user', 'create', '--handle', 'writer', '--email', 'w@example.org'], {
          ...env,
          RECALL_USER_PASSWORD: password,
        }).status,
        0,
      );
      const api = new ApiSession(url);
      await api.logIn('writer', password);

      // The server writes sets, one after another, all through the backup.
      let written = 0;
      let writing = true;
      let failed: Error | undefined;
      const writer = (async () => {
        while (writing) {
          const response = await api.call('POST', '/api/v1/sets', newSet(written + 1));
          assert.equal(response.status, 201, await response.text());
          written += 1;
        }
      })().catch((error: unknown) => {
        failed = error instanceof Error ? error : new Error(String(error));
      });
      // Waits until the writer has written `count` sets; a writer that failed fails the test, not hangs it.
      const waitFor = async (count: number) => {
        while (written < count && failed === undefined)
          await new Promise((resolve) => setTimeout(resolve, 20));
        if (failed !== undefined) throw failed;
      };
      await waitFor(5);
      const writtenBefore = written;
      const backup = await recallAsync(['backup', join(dir, 'backup.db')], env);
      const writtenAfter = written;
      await waitFor(writtenAfter + 3);
      writing = false;
      await writer;
      if (failed !== undefined) throw failed;

      assert.equal(backup.status, 0, backup.stderr);
      assert.match(
        backup.stdout,
        /^Backed up the database \(\d+ card sets, [\d.]+ MB\) to .*backup\.db in [\d.]+ s\.\n$/,
      );
      const copy = inspect(join(dir, 'backup.db'));
      assert.equal(copy.integrity, 'ok');
      assert.equal(copy.torn, 0);
      // The 8 demo sets, and the sets written before the backup began; perhaps some written during it.
      assert.ok(
        copy.sets >= 8 + writtenBefore && copy.sets <= 8 + writtenAfter,
        JSON.stringify({ copy, writtenBefore, writtenAfter }),
      );
      assert.deepEqual(
        readdirSync(dir).filter((name) => name.startsWith('backup.db')),
        ['backup.db'],
        'no temporary files are left',
      );

      const again = recall(['backup', join(dir, 'backup.db')], env);
      assert.equal(again.status, 1);
      assert.match(
        again.stderr,
        /^recall: .*backup\.db already exists; choose another file name \(or add --force\)\.\n$/,
      );

      const whileRunning = recall(['restore', join(dir, 'backup.db')], env);
      assert.equal(whileRunning.status, 1);
      assert.match(
        whileRunning.stderr,
        /^recall: The database .*recall\.db is in use \(is "recall serve" running\?\)/,
      );
    } finally {
      await stopServer(child);
    }

    const live = inspect(database).sets;
    assert.ok(live > inspect(join(dir, 'backup.db')).sets);
    const restored = recall(['restore', join(dir, 'backup.db')], env);
    assert.equal(restored.status, 0, restored.stderr);
    const previous = /The previous database is kept as (\S+recall\.db\.bak-\d{8}T\d{6}Z)\./.exec(
      restored.stdout,
    )?.[1];
    assert.ok(previous, restored.stdout);
    assert.equal(inspect(previous).sets, live, 'the replaced database is kept whole');
    assert.equal(inspect(database).sets, inspect(join(dir, 'backup.db')).sets);
    assert.equal(existsSync(`${database}-wal`) && inspect(database).integrity !== 'ok', false);
    assert.equal(recall(['migrate'], env).stdout, 'The database is up to date.\n');
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.includes('restoring')),
      [],
      'no temporary files are left',
    );
  });

  it('refuses to restore what is not a Recall database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-restore-'));
    const env = { DATABASE_URL: join(dir, 'recall.db') };
    writeFileSync(join(dir, 'notes.txt'), 'these are not the tables you are looking for\n'.repeat(100));
    const text = recall(['restore', join(dir, 'notes.txt')], env);
    assert.equal(text.status, 1);
    assert.match(
      text.stderr,
      /^recall: .*notes\.txt is not a SQLite database \(nor a Recall backup\); nothing was restored and the database is unchanged\.\n$/,
    );
    const other = new SQLite(join(dir, 'other.db'));
    other.exec('create table shopping (item text)');
    other.close();
    const foreign = recall(['restore', join(dir, 'other.db')], env);
    assert.equal(foreign.status, 1);
    assert.match(
      foreign.stderr,
      /is a SQLite database, but not a Recall database \(it has no migration history\); nothing was restored/,
    );
    const missing = recall(['restore', join(dir, 'nothing.db')], env);
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr, `recall: No such file: ${join(dir, 'nothing.db')}\n`);
    assert.equal(existsSync(join(dir, 'recall.db')), false, 'the database was never touched');
    assert.equal(recall(['restore'], env).status, 2);

    // A fresh install: a backup restored where there is no database yet.
    const source = { DATABASE_URL: join(dir, 'source.db') };
    assert.equal(recall(['migrate'], source).status, 0);
    const made = recall(['backup', join(dir, 'fresh-backup.db')], source);
    assert.equal(made.status, 0, made.stderr);
    const fresh = recall(['restore', join(dir, 'fresh-backup.db')], env);
    assert.equal(fresh.status, 0, fresh.stderr);
    assert.match(fresh.stdout, /^Restored .*fresh-backup\.db \(0 card sets\) to .*recall\.db\.\n$/);
    assert.equal(inspect(join(dir, 'recall.db')).integrity, 'ok');
  });

  for (const factory of testDatabases().filter((candidate) => candidate.dialect === 'postgres')) {
    it('prints pg_dump and pg_restore commands without the password, which work as printed', async () => {
      const secret = recall(['backup', 'out.dump'], {
        DATABASE_URL: 'postgres://teacher:s3cret-Pa55@db.school.example:6543/recall?sslmode=require',
      });
      assert.equal(secret.status, 0, secret.stderr);
      assert.doesNotMatch(secret.stdout, /s3cret/);
      assert.ok(
        secret.stdout.includes(
          "\n  pg_dump --format=custom --no-owner --file=out.dump --dbname='postgres://teacher@db.school.example:6543/recall?sslmode=require'\n",
        ),
        secret.stdout,
      );

      const source = await factory.create();
      const target = await factory.create();
      try {
        const dir = mkdtempSync(join(tmpdir(), 'recall-pg-backup-'));
        const dump = join(dir, 'recall.dump');
        const seeded = recall(['import', 'content/demo', '--skip-errors'], { DATABASE_URL: source.url });
        assert.equal(seeded.status, 0, seeded.stderr);
        const password = new URL(source.url).password;
        const backup = recall(['backup', dump], { DATABASE_URL: source.url });
        assert.equal(backup.status, 0, backup.stderr);
        assert.ok(!backup.stdout.includes(`:${password}@`), backup.stdout);
        const dumpCommand = /^ {2}(pg_dump .*)$/m.exec(backup.stdout)?.[1];
        assert.ok(dumpCommand, backup.stdout);
        const shell = (command: string) =>
          spawnSync('sh', ['-c', command], {
            encoding: 'utf8',
            env: { ...process.env, PGPASSWORD: password },
          });
        const dumped = shell(dumpCommand);
        assert.equal(dumped.status, 0, dumped.stderr);

        const restore = recall(['restore', dump], { DATABASE_URL: target.url });
        assert.equal(restore.status, 0, restore.stderr);
        const commands = [...restore.stdout.matchAll(/^ {2}(.+)$/gm)].map((match) => match[1]!);
        assert.match(commands[0]!, /^pg_restore --clean --if-exists --no-owner --single-transaction /);
        assert.equal(commands[1], 'npx recall migrate');
        const restored = shell(commands[0]!);
        assert.equal(restored.status, 0, restored.stderr);
        const migrated = recall(['migrate'], { DATABASE_URL: target.url });
        assert.equal(migrated.stdout, 'The database is up to date.\n');
        const exported = recall(['export', '1', '--format', 'json'], { DATABASE_URL: target.url });
        assert.equal(exported.status, 0, exported.stderr);
        assert.equal((JSON.parse(exported.stdout) as { title: string }).title.length > 0, true);
      } finally {
        await dropTestDatabase(source);
        await dropTestDatabase(target);
      }
    });
  }
});
