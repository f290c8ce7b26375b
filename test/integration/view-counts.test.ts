import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';
import { buildServer } from '../../src/app/server.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const shownViews = (html: string) =>
  Number(/<dt>Views<\/dt><dd>([\d,]+)<\/dd>/.exec(html)?.[1]?.replace(/,/g, ''));

for (const factory of testDatabases()) {
  describe(`view counts on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    const viewCount = async (id: number) => (await t.container.ctx.repos.cardSets.findSummary(id))!.viewCount;
    const anonymousView = (path: string, remoteAddress: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url: path, remoteAddress, headers: cookie ? { cookie } : {} });

    it('counts 50 anonymous reloads from one address as one view, and shows 1', async () => {
      const author = await quickMember(t, 'Author');
      const set = await setBy(t, author.userId, { title: 'Reloaded set' });
      for (let i = 0; i < 50; i++) {
        // A fresh browser each time (no cookies, or made-up ones) is still the same visitor.
        const cookie = i % 2 === 0 ? undefined : `recall_csrf=${randomBytes(24).toString('base64url')}`;
        assert.equal((await anonymousView(set.path, '203.0.113.7', cookie)).statusCode, 200);
      }
      await t.container.views.flush();
      assert.equal(await viewCount(set.id), 1);
      // Another 50 after the flush: still one, and the page (past the cache's minute) says so.
      for (let i = 0; i < 50; i++) await anonymousView(set.path, '203.0.113.7');
      await t.container.views.flush();
      assert.equal(await viewCount(set.id), 1);
      t.clock.advance(61_000);
      assert.equal(shownViews((await anonymousView(set.path, '203.0.113.7')).body), 1);
    });

    it('counts each address and each member once a day, and again the next day', async () => {
      const author = await quickMember(t, 'Writer');
      const reader = await quickMember(t, 'Reader');
      const set = await setBy(t, author.userId, { title: 'Daily set' });
      const visitAll = async () => {
        for (let reload = 0; reload < 5; reload++) {
          for (const address of ['198.51.100.1', '198.51.100.2', '2001:db8:1:2::5']) {
            await anonymousView(set.path, address);
          }
          // The same /64 is one visitor, like one household.
          await anonymousView(set.path, '2001:db8:1:2::99');
          assert.equal((await reader.client.get(set.path)).statusCode, 200);
        }
      };
      await visitAll();
      // Before the flush, the member's own page already counts the views recorded so far.
      assert.equal(shownViews((await reader.client.get(set.path)).body), 4);
      await t.container.views.flush();
      assert.equal(await viewCount(set.id), 4);
      t.clock.advance(DAY_MS);
      await visitAll();
      await t.container.views.flush();
      assert.equal(await viewCount(set.id), 8);
    });

    it('stores no address, only hashes salted per day, and forgets days before yesterday', async () => {
      const author = await quickMember(t, 'Keeper');
      const set = await setBy(t, author.userId, { title: 'Private visitors' });
      await anonymousView(set.path, '192.0.2.44');
      await t.container.views.flush();
      const { db } = t.container.database;
      const rows = await db.selectFrom('set_views').selectAll().where('card_set_id', '=', set.id).execute();
      assert.equal(rows.length, 1);
      assert.ok(!rows[0]!.visitor.includes('192.0.2.44'));
      assert.match(rows[0]!.visitor, /^[\w-]{32}$/);
      const firstDay = rows[0]!.day;

      t.clock.advance(DAY_MS);
      await anonymousView(set.path, '192.0.2.44');
      await t.container.views.flush();
      const nextDay = await db
        .selectFrom('set_views')
        .selectAll()
        .where('card_set_id', '=', set.id)
        .execute();
      const hashes = new Map(nextDay.map((row) => [row.day, row.visitor]));
      assert.equal(hashes.size, 2);
      assert.notEqual(hashes.get(firstDay), hashes.get(firstDay + 1), 'another day, another salt');

      t.clock.advance(DAY_MS);
      await anonymousView(set.path, '192.0.2.45');
      await t.container.views.flush();
      const days = (await db.selectFrom('set_views').select('day').distinct().execute()).map(
        (row) => row.day,
      );
      assert.ok(!days.includes(firstDay), 'the day before yesterday is forgotten');
      const saltDays = (await db.selectFrom('view_salts').select('day').execute()).map((row) => row.day);
      assert.ok(!saltDays.includes(firstDay), 'and its salt with it');
      assert.equal(await viewCount(set.id), 3);
    });

    it('keeps counting when a viewed set is deleted before the views are written', async () => {
      const author = await quickMember(t, 'Deleter');
      const kept = await setBy(t, author.userId, { title: 'Kept set' });
      const doomed = await setBy(t, author.userId, { title: 'Doomed set' });
      await anonymousView(kept.path, '192.0.2.60');
      await anonymousView(doomed.path, '192.0.2.60');
      await t.container.ctx.repos.cardSets.delete(doomed.id);
      await t.container.views.flush();
      assert.equal(await viewCount(kept.id), 1);
      assert.equal(t.container.views.unflushed(kept.id), 0, 'nothing left over to retry');
    });

    it('counts a visitor once when two app servers share the database', async () => {
      const author = await quickMember(t, 'Shared');
      const set = await setBy(t, author.userId, { title: 'Shared set' });
      const other = await createContainer(
        loadConfig({ DATABASE_URL: t.database.url, DEMO_CONTENT: 'off', LOG_LEVEL: 'silent' }),
        { clock: t.clock, logger: createLogger({ logLevel: 'silent' }), viewFlushIntervalMs: 0 },
      );
      const otherApp = await buildServer(other);
      try {
        for (let i = 0; i < 3; i++) {
          await anonymousView(set.path, '192.0.2.80');
          await otherApp.inject({ method: 'GET', url: set.path, remoteAddress: '192.0.2.80' });
        }
        await otherApp.inject({ method: 'GET', url: set.path, remoteAddress: '192.0.2.81' });
        if (factory.dialect === 'postgres') {
          await Promise.all([t.container.views.flush(), other.views.flush()]);
        } else {
          // Two SQLite connections in one process cannot write at once (the second blocks the thread the
          // first needs); real servers sharing a SQLite file are separate processes that wait their turn.
          await t.container.views.flush();
          await other.views.flush();
        }
        assert.equal(await viewCount(set.id), 2);
      } finally {
        await otherApp.close();
        await other.close();
      }
    });
  });
}
