import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';
import { getCardSet } from '../../src/services/read-card-set.js';
import { testDatabases } from '../helpers/databases.js';

const SEED = 'content/demo/persecution-and-control.txt';
const ANKI_PACKAGE = 'test/fixtures/anki/new-format.apkg';

/** Runs the built `recall` command (npm test builds it first). */
function recall(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/recall.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempFile = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'recall-cli-')), name);
  writeFileSync(path, text);
  return path;
};

describe('recall import (command line)', () => {
  it('prints the parsed seed as JSON with --dry-run --json, storing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-cli-'));
    const result = recall(['import', SEED, '--dry-run', '--json'], { DATABASE_URL: join(dir, 'never.db') });
    assert.equal(result.status, 0, result.stderr);
    const draft = JSON.parse(result.stdout) as {
      title: string;
      subject: string;
      topic: string;
      cards: unknown[];
    };
    assert.equal(draft.title, 'Persecution and Control');
    assert.equal(draft.subject, 'History');
    assert.equal(draft.topic, 'Russia - 19th and 20th century');
    assert.equal(draft.cards.length, 11);
    assert.equal(spawnSync('ls', [join(dir, 'never.db')]).status !== 0, true, 'no database was created');
  });

  it('refuses a malformed file with exit code 1 and one line naming the line at fault', () => {
    const path = tempFile('broken.txt', 'Title\n\nCard\n\nx\n1 of 3\nMore\n\ny\n3 of 3\n');
    const result = recall(['import', path, '--dry-run']);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^recall: Line 10: expected "2 of 3", found "3 of 3" \(read as Revision-card text, from its extension; [^\n]+\)\. To read it as another format, use --format \([^\n]+\)\.\n$/,
    );
    assert.equal(result.stdout, '');
  });

  it('asks for a subject when the text names none', () => {
    const path = tempFile(
      'no-trailer.txt',
      'Title\n\nSub\n\nHideShow resource information\n\nCard\n\nx\n1 of 1\n',
    );
    const result = recall(['import', path, '--dry-run']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^recall: The text names no subject.*--subject/);
    const fixed = recall(['import', path, '--dry-run', '--json', '--subject', 'Latin', '--topic', 'Verbs']);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.deepEqual(
      (({ subject, topic }) => ({ subject, topic }))(
        JSON.parse(fixed.stdout) as { subject: string; topic: string },
      ),
      { subject: 'Latin', topic: 'Verbs' },
    );
  });

  it('exits 1 for a missing file and 2 for a usage error', () => {
    const missing = recall(['import', '/no/such/file.txt']);
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr, 'recall: No such file: /no/such/file.txt\n');
    assert.equal(recall(['import']).status, 2);
    assert.equal(recall(['import', SEED, '--level', 'Year 12']).status, 2);
    assert.equal(recall(['frobnicate']).status, 2);
    const help = recall(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /import/);
  });

  for (const factory of testDatabases()) {
    it(`stores the set and prints its URL on ${factory.dialect}`, async () => {
      const database = await factory.create();
      try {
        const result = recall(['import', SEED, '--level', 'GCSE', '--exam-board', 'AQA'], {
          DATABASE_URL: database.url,
          PUBLIC_URL: 'https://recall.example',
        });
        assert.equal(result.status, 0, result.stderr);
        const url = /(https:\/\/recall\.example\/sets\/(\d+)\/persecution-and-control)/.exec(result.stdout);
        assert.ok(url, result.stdout);
        const container = await createContainer(
          loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
          {
            logger: createLogger({ logLevel: 'silent' }),
            viewFlushIntervalMs: 0,
          },
        );
        try {
          const set = await getCardSet(container.ctx, null, Number(url[2]));
          assert.equal(set.cards.length, 11);
          assert.equal(set.level, 'GCSE');
          assert.equal(set.examBoard, 'AQA');
          assert.equal(set.topic?.name, 'Russia - 19th and 20th century');
        } finally {
          await container.close();
        }
      } finally {
        await database.drop();
      }
    });
  }
});

describe('recall import --learner (command line)', () => {
  for (const factory of testDatabases()) {
    it(`brings a package's review history as a member's progress on ${factory.dialect}`, async () => {
      const database = await factory.create();
      try {
        const env = { DATABASE_URL: database.url };
        assert.equal(recall(['migrate'], env).status, 0);
        const created = recall(['user', 'create', '--handle', 'student', '--email', 's@school.example'], {
          ...env,
          RECALL_USER_PASSWORD: 'a student password',
        });
        assert.equal(created.status, 0, created.stderr);
        const args = ['import', ANKI_PACKAGE, '--subject', 'Science', '--visibility', 'private'];
        const nobody = recall([...args, '--learner', 'nobody'], env);
        assert.equal(nobody.status, 1);
        assert.equal(nobody.stderr, 'recall: There is no member with the handle "nobody" (--learner).\n');
        const result = recall([...args, '--learner', 'student'], env);
        assert.equal(result.status, 0, result.stderr);
        // The package's log: 4 answers to 3 cards of one deck, 3 to 2 of another (its ease-0 row is no answer).
        assert.match(result.stdout, /\nBrought 7 answers to 5 cards as student's progress\.\n$/);
        const container = await createContainer(
          loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
          { logger: createLogger({ logLevel: 'silent' }), viewFlushIntervalMs: 0 },
        );
        try {
          const student = await container.ctx.repos.users.findByHandle('student');
          const db = container.database.db;
          const states = await db
            .selectFrom('study_states')
            .select(db.fn.countAll<number>().as('rows'))
            .where('user_id', '=', student!.id)
            .executeTakeFirstOrThrow();
          const logs = await db
            .selectFrom('review_logs')
            .select(['source'])
            .where('user_id', '=', student!.id)
            .execute();
          assert.equal(Number(states.rows), 5);
          assert.deepEqual(
            logs.map((log) => log.source),
            Array(7).fill('import'),
          );
          assert.equal(await container.ctx.repos.cardSets.count(), 3, 'the refused import stored nothing');
        } finally {
          await container.close();
        }
      } finally {
        await database.drop();
      }
    });
  }
});

describe('recall user (command line)', () => {
  for (const factory of testDatabases()) {
    it(`creates the first admin and promotes a member on ${factory.dialect}`, async () => {
      const database = await factory.create();
      try {
        const env = { DATABASE_URL: database.url };
        // A fresh install: the database is made first (user commands do not create one).
        assert.equal(recall(['migrate'], env).status, 0);
        const created = spawnSync(
          process.execPath,
          [
            'bin/recall.js',
            'user',
            'create',
            '--handle',
            'head-teacher',
            '--email',
            'head@school.example',
            '--role',
            'admin',
            '--password-stdin',
          ],
          { encoding: 'utf8', input: 'a long admin password\n', env: { ...process.env, ...env } },
        );
        assert.equal(created.status, 0, created.stderr);
        assert.equal(created.stdout, 'Created admin "head-teacher".\n');
        const duplicate = recall(['user', 'create', '--handle', 'head-teacher', '--email', 'x@y.org'], {
          ...env,
          RECALL_USER_PASSWORD: 'another long password',
        });
        assert.equal(duplicate.status, 1);
        assert.match(duplicate.stderr, /^recall: The account is not valid\. handle: This handle is taken/);
        const noPassword = recall(['user', 'create', '--handle', 'nopass', '--email', 'n@p.org'], env);
        assert.equal(noPassword.status, 2);
        const weak = recall(['user', 'create', '--handle', 'weak', '--email', 'w@p.org'], {
          ...env,
          RECALL_USER_PASSWORD: 'short',
        });
        assert.equal(weak.status, 1);
        assert.match(weak.stderr, /password: Use at least 10 characters/);
        // Common and breached passwords are refused too (NIST SP 800-63B), with advice.
        for (const common of ['password12', 'qwerty1234', '1111111112']) {
          const guessable = recall(['user', 'create', '--handle', 'guessable', '--email', 'g@p.org'], {
            ...env,
            RECALL_USER_PASSWORD: common,
          });
          assert.equal(guessable.status, 1, common);
          assert.match(guessable.stderr, /password: .*(common|guess|Repeated)/i, common);
        }
        assert.equal(
          recall(['user', 'create', '--handle', 'teacher', '--email', 't@school.example'], {
            ...env,
            RECALL_USER_PASSWORD: 'teacher password 1',
          }).status,
          0,
        );
        const promoted = recall(['user', 'promote', 'teacher', '--role', 'moderator'], env);
        assert.equal(promoted.status, 0, promoted.stderr);
        assert.equal(promoted.stdout, '"teacher" is now a moderator.\n');
        assert.equal(recall(['user', 'promote', 'nobody'], env).status, 1);
        const container = await createContainer(
          loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
          {
            logger: createLogger({ logLevel: 'silent' }),
            viewFlushIntervalMs: 0,
          },
        );
        try {
          assert.equal((await container.ctx.repos.users.findByHandle('head-teacher'))?.role, 'admin');
          assert.equal((await container.ctx.repos.users.findByHandle('teacher'))?.role, 'moderator');
        } finally {
          await container.close();
        }
      } finally {
        await database.drop();
      }
    });
  }
});
