/**
 * `recall export` and `recall import` together: every format out and back in through the command line
 * (the documented losses only), folders, skipped files, failures, on both engines.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger, type Container } from '../../src/app/container.js';
import { FORMAT_IDS, type FormatId } from '../../src/formats/card-set-format.js';
import { formatById } from '../../src/formats/registry.js';
import { parseRevisionText } from '../../src/formats/revision-text/parse-revision-text.js';
import { getCardSet } from '../../src/services/read-card-set.js';
import { OPERATOR } from '../../src/services/card-set-export.js';
import { dropTestDatabase } from '../helpers/drop-test-database.js';
import { testDatabases, type TestDatabase } from '../helpers/databases.js';

const SEED = 'content/demo/persecution-and-control.txt';

/** Runs the built `recall` command (npm test builds it first). */
function recall(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/recall.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same with a terminal for standard output (util-linux `script`), to see what a person sees. */
function recallOnTerminal(args: string[], env: Record<string, string>) {
  const command = ['node', 'bin/recall.js', ...args]
    .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return { status: result.status, output: result.stdout };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'recall-cli-io-'));

async function withContainer<T>(database: TestDatabase, work: (container: Container) => Promise<T>) {
  const container = await createContainer(loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }), {
    logger: createLogger({ logLevel: 'silent' }),
    viewFlushIntervalMs: 0,
  });
  try {
    return await work(container);
  } finally {
    await container.close();
  }
}

interface ImportedLine {
  id: number;
  title: string;
  cardCount: number;
  url: string;
  file: string;
}

const jsonLines = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

/** What each format keeps of the seed's metadata besides its cards (src/formats/README.md). */
const KEPT: Record<FormatId, { title: boolean; subtitle: boolean; place: boolean; levelAndBoard: boolean }> =
  {
    'revision-text': { title: true, subtitle: true, place: true, levelAndBoard: false },
    tsv: { title: true, subtitle: false, place: true, levelAndBoard: false },
    csv: { title: false, subtitle: false, place: false, levelAndBoard: false },
    apkg: { title: true, subtitle: true, place: true, levelAndBoard: false },
    json: { title: true, subtitle: true, place: true, levelAndBoard: true },
    markdown: { title: true, subtitle: true, place: true, levelAndBoard: true },
  };

describe('recall export (command line)', () => {
  it('refuses usage errors with exit code 2, and a binary package on a terminal', () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, 'never.db') };
    assert.equal(recall(['export', 'abc', '--format', 'json'], env).status, 2);
    assert.equal(recall(['export', '1'], env).status, 2, 'no format and no file name to take one from');
    assert.equal(recall(['export', '1', '--format', 'docx'], env).status, 2);
    const onTerminal = recallOnTerminal(['export', '1', '--format', 'apkg'], env);
    assert.equal(onTerminal.status, 2);
    assert.match(
      onTerminal.output,
      /recall: An Anki package is binary: write it to a file with -o FILE\.apkg/,
    );
    assert.equal(existsSync(join(dir, 'never.db')), false, 'no database was opened');
    const help = recall(['--help']);
    for (const command of ['serve', 'import', 'export', 'backup', 'restore', 'migrate', 'user']) {
      assert.match(help.stdout, new RegExp(`\\n  ${command} `), command);
    }
    assert.match(recall(['help', 'import']).stdout, /On failure: every file is read and checked/);
  });

  for (const factory of testDatabases()) {
    it(`exports the seed in every format and imports each back on ${factory.dialect}`, async () => {
      const database = await factory.create();
      const env = { DATABASE_URL: database.url };
      try {
        const dir = tempDir();
        const first = recall(['import', SEED, '--level', 'GCSE', '--exam-board', 'AQA', '--json'], env);
        assert.equal(first.status, 0, first.stderr);
        assert.equal(first.stderr, '', 'nothing but JSON with --json');
        const [seedLine] = jsonLines<ImportedLine>(first.stdout);
        const seedId = seedLine!.id;
        const seed = parseRevisionText(readFileSync(SEED, 'utf8'));

        const missing = recall(['export', '999999', '--format', 'json'], env);
        assert.equal(missing.status, 1);
        assert.equal(missing.stderr, 'recall: Card set 999999 was not found.\n');

        const files = FORMAT_IDS.map((id) => join(dir, `seed${formatById(id).extension}`));
        for (const [index, id] of FORMAT_IDS.entries()) {
          const exported = recall(['export', String(seedId), '--format', id, '-o', files[index]!], env);
          assert.equal(exported.status, 0, exported.stderr);
          assert.match(
            exported.stdout,
            new RegExp(`^Exported "Persecution and Control" \\(11 cards\\) as .+: ${files[index]!}\\n$`),
          );
        }
        // All six back in one import (CSV names no subject: it is given for all, the same as theirs).
        const back = recall(['import', ...files, '--subject', 'History', '--json'], env);
        assert.equal(back.status, 0, back.stderr);
        const lines = jsonLines<ImportedLine>(back.stdout);
        assert.deepEqual(
          lines.map((line) => line.file),
          files,
        );
        await withContainer(database, async (container) => {
          for (const [index, id] of FORMAT_IDS.entries()) {
            const set = await getCardSet(container.ctx, OPERATOR, lines[index]!.id);
            assert.deepEqual(
              set.cards.map(({ title, body }) => ({ title, body })),
              seed.cards,
              `${id} keeps every card`,
            );
            const kept = KEPT[id];
            assert.equal(set.title, kept.title ? 'Persecution and Control' : 'seed', `${id} title`);
            assert.equal(set.subtitle, kept.subtitle ? seed.subtitle : null, `${id} subtitle`);
            assert.equal(set.subject.name, 'History', `${id} subject`);
            assert.equal(set.topic?.name ?? null, kept.place ? seed.topic : null, `${id} topic`);
            assert.equal(set.level, kept.levelAndBoard ? 'GCSE' : null, `${id} level`);
            assert.equal(set.examBoard, kept.levelAndBoard ? 'AQA' : null, `${id} exam board`);
          }
        });

        // Standard output gets the same bytes as the file (JSON and Markdown carry no export time).
        for (const id of ['json', 'markdown'] as const) {
          const toStdout = recall(['export', String(seedId), '--format', id], env);
          assert.equal(toStdout.status, 0, toStdout.stderr);
          assert.equal(toStdout.stdout, readFileSync(join(dir, `seed${formatById(id).extension}`), 'utf8'));
        }
        // The extension of -o picks the format; a private set is exported too.
        const privateImport = recall(['import', SEED, '--visibility', 'private', '--json'], env);
        const [privateLine] = jsonLines<ImportedLine>(privateImport.stdout);
        const byName = recall(['export', String(privateLine!.id), '-o', join(dir, 'private.md')], env);
        assert.equal(byName.status, 0, byName.stderr);
        assert.match(readFileSync(join(dir, 'private.md'), 'utf8'), /^# Persecution and Control\n/);
      } finally {
        await dropTestDatabase(database);
      }
    });

    it(`imports folders, skips what it cannot read, and stores nothing from a broken import on ${factory.dialect}`, async () => {
      const database = await factory.create();
      const env = { DATABASE_URL: database.url };
      try {
        const dir = tempDir();
        mkdirSync(join(dir, 'biology'));
        writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED));
        writeFileSync(
          join(dir, 'biology', 'cells.tsv'),
          '#separator:tab\n#deck:Biology::Cells::Organelles\nmitochondria\trespiration\nribosome\tproteins\n',
        );
        writeFileSync(join(dir, '.hidden.txt'), 'not read');
        writeFileSync(
          join(dir, 'photo.bin'),
          Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
        );

        const dry = recall(['import', dir, '--dry-run'], env);
        assert.equal(dry.status, 0, dry.stderr);
        assert.equal(dry.stderr, '');
        assert.match(dry.stdout, /^Reading: 1 of 3 files \(33%\)\n/, 'progress lines go to standard output');
        assert.match(
          dry.stdout,
          /\nOrganelles: 2 cards \(Biology \/ Cells\)\nPersecution and Control: 11 cards/,
        );
        assert.match(
          dry.stdout,
          /Dry run: read 2 sets \(13 cards\) from 2 files in [\d.]+ s; nothing stored\./,
        );
        assert.match(dry.stdout, /Skipped 1 file:\n {2}\S+photo\.bin: not in a format Recall reads\n$/);

        const imported = recall(['import', dir], env);
        assert.equal(imported.status, 0, imported.stderr);
        assert.match(
          imported.stdout,
          /Imported "Organelles" \(2 cards\): http:\/\/127\.0\.0\.1:3000\/sets\/\d+\/organelles\n/,
        );
        assert.match(
          imported.stdout,
          /Imported 2 sets \(13 cards\) from 2 files in [\d.]+ s \(reading [\d.]+ s, storing [\d.]+ s\): [\d,]+ cards\/s\.\nSkipped 1 file:\n/,
        );
        const count = () => withContainer(database, (container) => container.ctx.repos.cardSets.count());
        assert.equal(await count(), 2);

        // A file that cannot be read stops the import before anything is stored, naming file and line.
        writeFileSync(join(dir, 'broken.txt'), 'Title\n\nCard\n\nx\n1 of 3\nMore\n\ny\n3 of 3\n');
        const broken = recall(['import', dir], env);
        assert.equal(broken.status, 1);
        assert.ok(
          broken.stderr.startsWith(
            `recall: ${join(dir, 'broken.txt')}: Line 10: expected "2 of 3", found "3 of 3" (read as Revision-card text`,
          ),
          broken.stderr,
        );
        assert.match(broken.stderr, /\. To read it as another format, use --format \([^\n]+\)\.\n$/);
        assert.doesNotMatch(broken.stdout, /Imported/);
        assert.equal(await count(), 2, 'nothing stored');

        const skipping = recall(['import', dir, '--skip-errors'], env);
        assert.equal(skipping.status, 0, skipping.stderr);
        assert.match(skipping.stdout, /Imported 2 sets \(13 cards\) from 2 files/);
        assert.match(skipping.stdout, /broken\.txt: Line 10: expected "2 of 3", found "3 of 3"/);
        assert.equal(await count(), 4);

        const nothing = recall(['import', join(dir, 'photo.bin')], env);
        assert.equal(nothing.status, 1);
        assert.match(nothing.stderr, /^recall: Recall cannot tell which format this file is in/);
      } finally {
        await dropTestDatabase(database);
      }
    });

    it(`keeps the files stored before a database failure, each whole, and says so, on ${factory.dialect}`, async () => {
      const database = await factory.create();
      const env = { DATABASE_URL: database.url };
      try {
        const dir = tempDir();
        const rows = Array.from({ length: 6_000 }, (_, i) => `term ${i + 1}\tdefinition ${i + 1}`);
        writeFileSync(join(dir, 'a-words.tsv'), `#deck:Latin::Words\n${rows.join('\n')}\n`);
        writeFileSync(join(dir, 'b-poison.tsv'), '#deck:Latin::Poison\nveneno\tpoison\n');
        await withContainer(database, async (container) => {
          const db = container.database.db;
          if (factory.dialect === 'sqlite') {
            await sql`create trigger poison before insert on card_sets when new.title = 'Poison'
              begin select raise(abort, 'poisoned set'); end`.execute(db);
          } else {
            await sql`create function poison() returns trigger language plpgsql as $$
              begin if new.title = 'Poison' then raise exception 'poisoned set'; end if; return new; end $$`.execute(
              db,
            );
            await sql`create trigger poison before insert on card_sets for each row execute function poison()`.execute(
              db,
            );
          }
        });
        const result = recall(['import', dir], env);
        assert.equal(result.status, 1);
        // The first file (12 parts of 500 cards) lands whole in one transaction; the second holds the poison.
        assert.match(
          result.stderr,
          /^recall: .*poisoned set.* \(the 12 sets stored before this failure stay stored; the rest were not\)\n$/,
        );
        assert.equal(await withContainer(database, (container) => container.ctx.repos.cardSets.count()), 12);
      } finally {
        await dropTestDatabase(database);
      }
    });
  }
});
