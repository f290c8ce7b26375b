/**
 * Sets stored a batch at a time (how `recall import` stores a long file, pack by pack) land in one
 * transaction: every batch, or none of them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CardDraft } from '../../src/domain/card-set.js';
import { AppError } from '../../src/domain/errors.js';
import { importCardSetBatches, type ImportCardSetInput } from '../../src/services/import-card-set.js';
import { CLI_IMPORT_AUTHOR } from '../../src/services/system-users.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const cards = (count: number, word: string): CardDraft[] =>
  Array.from({ length: count }, (_, n) => ({
    title: `${word} ${n + 1}`,
    body: `what ${word} ${n + 1} means`,
  }));

const input = (title: string, subject: string | null, count = 3): ImportCardSetInput => ({
  parsed: { title, subtitle: null, subject, topic: 'Words', cards: cards(count, title) },
  visibility: 'unlisted',
  author: CLI_IMPORT_AUTHOR,
});

for (const factory of testDatabases()) {
  describe(`storing imported sets batch by batch on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('stores every batch in order, with its cards, and tells the cards stored so far', async () => {
      const told: number[] = [];
      const imported = await importCardSetBatches(
        t.container.ctx,
        [[input('Uno', 'Spanish', 500), input('Dos', 'Spanish', 500)], [input('Tres', 'Spanish', 500)]],
        (stored) => told.push(stored),
      );
      assert.deepEqual(
        imported.map((set) => [set.title, set.cardCount]),
        [
          ['Uno', 500],
          ['Dos', 500],
          ['Tres', 500],
        ],
      );
      const stored = await t.container.ctx.repos.cardSets.findCards(imported[2]!.id);
      assert.equal(stored.length, 500);
      assert.equal(stored[499]?.title, 'Tres 500');
      assert.equal(told.at(-1), 1_500);
    });

    it('stores nothing when a later batch holds a set it cannot store, and names that set by its number', async () => {
      const before = await t.container.ctx.repos.cardSets.count();
      await assert.rejects(
        importCardSetBatches(t.container.ctx, [
          // 5,500 cards: written to the database before the next batch is checked.
          Array.from({ length: 11 }, (_, n) => input(`Parte ${n + 1}`, 'Spanish', 500)),
          [input('Doce', 'Spanish'), input('Trece', null)],
        ]),
        (error: unknown) =>
          error instanceof AppError &&
          error.code === 'validation' &&
          error.message.startsWith('Set 13 ("Trece"): The text names no subject'),
      );
      assert.equal(await t.container.ctx.repos.cardSets.count(), before);
    });
  });
}
