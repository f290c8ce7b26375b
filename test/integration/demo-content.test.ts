import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getCardSet } from '../../src/services/read-card-set.js';
import { importCardSet } from '../../src/services/import-card-set.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp } from '../helpers/test-app.js';

/** A separate process per server, as in production: SQLite's locks work between processes. */
async function startContainerProcess(env: Record<string, string>): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/start-container.ts'],
    { env: { ...process.env, ...env } },
  );
  return Number(stdout.trim());
}

for (const factory of testDatabases()) {
  describe(`demo content and stored sets on ${factory.dialect}`, () => {
    it('imports the demo content once into an empty database, even when two servers start together', async () => {
      const database = await factory.create();
      try {
        const start = () => startContainerProcess({ DATABASE_URL: database.url });
        const counts = await Promise.all([start(), start()]);
        assert.deepEqual(counts, [8, 8]);
        assert.equal(await start(), 8, 'a restart imports nothing more');
      } finally {
        await database.drop();
      }
    });

    it('starts empty with DEMO_CONTENT=off', async () => {
      const t = await createTestApp(factory, { demoContent: false });
      try {
        assert.equal(await t.container.ctx.repos.cardSets.count(), 0);
        const home = await t.app.inject({ method: 'GET', url: '/' });
        assert.match(home.body, /No subjects yet/);
      } finally {
        await t.close();
      }
    });

    it('stores nothing when a set breaks a limit, and says which field', async () => {
      const t = await createTestApp(factory, { demoContent: false });
      try {
        await assert.rejects(
          importCardSet(t.container.ctx, {
            parsed: {
              title: 'x'.repeat(201),
              subtitle: null,
              subject: 'History',
              topic: null,
              cards: [{ title: null, body: 'y'.repeat(10_001) }],
            },
            author: { handle: 'tester', displayName: 'Tester' },
          }),
          (error: { code: string; details: { field: string }[] }) =>
            error.code === 'validation' &&
            error.details.some((d) => d.field === 'title') &&
            error.details.some((d) => d.field === 'cards[0].body'),
        );
        assert.equal(await t.container.ctx.repos.cardSets.count(), 0);
        assert.equal(await t.container.ctx.repos.subjects.findBySlug('history'), undefined);
      } finally {
        await t.close();
      }
    });

    it('keeps private sets from everyone but shows unlisted ones by link only', async () => {
      const t = await createTestApp(factory, { demoContent: false });
      try {
        const author = { handle: 'tester', displayName: 'Tester' };
        const card = [{ title: null, body: 'x' }];
        const parsed = (title: string) => ({
          title,
          subtitle: null,
          subject: 'Latin',
          topic: null,
          cards: card,
        });
        const hidden = await importCardSet(t.container.ctx, {
          parsed: parsed('Private'),
          visibility: 'private',
          author,
        });
        const unlisted = await importCardSet(t.container.ctx, {
          parsed: parsed('Unlisted'),
          visibility: 'unlisted',
          author,
        });
        await assert.rejects(getCardSet(t.container.ctx, null, hidden.id), { code: 'not_found' });
        assert.equal(
          (await t.app.inject({ method: 'GET', url: `/api/v1/sets/${hidden.id}` })).statusCode,
          404,
        );
        assert.equal((await getCardSet(t.container.ctx, null, unlisted.id)).title, 'Unlisted');
        const listing = await t.app.inject({ method: 'GET', url: '/api/v1/sets?subject=latin' });
        assert.deepEqual(listing.json<{ items: unknown[] }>().items, []);
      } finally {
        await t.close();
      }
    });
  });
}
