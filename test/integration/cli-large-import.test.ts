/**
 * The scale requirement: a 100,000-card TSV imports through `recall import`, split into 200 sets of 500
 * cards, with progress and a summary giving the rate; on a terminal, a progress bar.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';
import { dropTestDatabase } from '../helpers/drop-test-database.js';
import { testDatabases } from '../helpers/databases.js';

const CARDS = 100_000;

function recall(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['bin/recall.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Quizlet-style term list with Anki's headers; every row a card. */
function writeTermList(path: string, cards: number): void {
  const rows = ['#separator:tab', '#deck:Spanish::Vocabulary::Spanish words'];
  for (let n = 1; n <= cards; n++) rows.push(`palabra ${n}\tword number ${n}, in English`);
  writeFileSync(path, `${rows.join('\n')}\n`);
}

describe('recall import of a 100,000-card term list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recall-large-'));
  const big = join(dir, 'spanish.tsv');
  before(() => writeTermList(big, CARDS));

  for (const factory of testDatabases()) {
    it(`imports 100,000 cards as 200 sets of 500, with progress and a summary, on ${factory.dialect}`, async (t) => {
      const database = await factory.create();
      try {
        const result = recall(['import', big, '--visibility', 'unlisted'], { DATABASE_URL: database.url });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        const lines = result.stdout.trimEnd().split('\n');
        // Not a terminal: a plain line at every tenth of the cards stored.
        const progress = lines.filter((line) => line.startsWith('Storing: '));
        assert.deepEqual(
          progress,
          Array.from(
            { length: 10 },
            (_, i) =>
              `Storing: ${((i + 1) * 10_000).toLocaleString('en-GB')} of 100,000 cards (${(i + 1) * 10}%)`,
          ),
        );
        assert.equal(lines.filter((line) => line.startsWith('Imported "Spanish words (part ')).length, 200);
        const summary = lines.at(-1)!;
        const match =
          /^Imported 200 sets \(100,000 cards\) from 1 file in ([\d.]+) s \(reading [\d.]+ s, storing [\d.]+ s\): ([\d,]+) cards\/s\.$/.exec(
            summary,
          );
        assert.ok(match, summary);
        t.diagnostic(`${factory.dialect}: ${summary}`);

        const container = await createContainer(
          loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
          { logger: createLogger({ logLevel: 'silent' }), viewFlushIntervalMs: 0 },
        );
        try {
          const db = container.database.db;
          const sets = await db
            .selectFrom('card_sets')
            .select(['title', 'card_count', 'visibility'])
            .orderBy('id')
            .execute();
          assert.equal(sets.length, 200);
          assert.equal(sets[0]!.title, 'Spanish words (part 1 of 200)');
          assert.equal(sets[199]!.title, 'Spanish words (part 200 of 200)');
          assert.ok(sets.every((set) => set.card_count === 500 && set.visibility === 'unlisted'));
          const { rows } = await sql<{ n: number }>`select count(*) as n from cards`.execute(db);
          assert.equal(Number(rows[0]!.n), CARDS);
          const last = await db
            .selectFrom('cards')
            .select(['title', 'body'])
            .orderBy('id', 'desc')
            .executeTakeFirstOrThrow();
          assert.deepEqual(last, { title: 'palabra 100000', body: 'word number 100000, in English' });
        } finally {
          await container.close();
        }
      } finally {
        await dropTestDatabase(database);
      }
    });
  }

  it('draws a progress bar on a terminal', () => {
    const small = join(dir, 'small.tsv');
    writeTermList(small, 12_000);
    const command = `node bin/recall.js import '${small}' --subject Spanish`;
    const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: join(dir, 'terminal.db') },
    });
    assert.equal(result.status, 0, result.stdout);
    // Redrawn in place: carriage return, clear the line (ESC [2K), the bar.
    const frames = result.stdout.split('\r\u001b[2K').slice(1);
    assert.ok(
      frames.some((frame) => /^Reading \[#+\] 100% 1\/1 files/.test(frame)),
      result.stdout,
    );
    assert.ok(frames.some((frame) => /^Storing \[#*-+\] +\d+% [\d,]+\/12,000 cards/.test(frame)));
    assert.ok(
      frames.some((frame) => /^Storing \[#+\] 100% 12,000\/12,000 cards · [\d,]+ cards\/s\r?\n/.test(frame)),
    );
    assert.match(result.stdout, /Imported 24 sets \(12,000 cards\) from 1 file in/);
  });
});
