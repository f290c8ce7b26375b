import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WRITE_LIMITS, writeCategory } from '../../src/http/write-limits.plugin.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The limits as deployed (the test app widens them for other tests, its clock standing still). */
const REAL_LIMITS = { RATE_LIMIT_SCALE: '1' };

describe('write-limit categories', () => {
  it('puts every write route of the app in a category with a limit', async () => {
    const [factory] = testDatabases();
    const t = await createTestApp(factory!, { demoContent: false, env: REAL_LIMITS });
    try {
      const routes: { method: string; url: string }[] = [];
      // Fastify lists its routes in printRoutes; the hook sees the same patterns.
      for (const line of t.app.printRoutes({ commonPrefix: false, includeMeta: false }).split('\n')) {
        const match = /[└├]── (\S+) \(([A-Z, ]+)\)/.exec(line);
        if (match === null) continue;
        for (const method of match[2]!.split(', ')) routes.push({ method, url: match[1]! });
      }
      const writes = routes.filter((route) => UNSAFE.has(route.method));
      assert.ok(writes.length > 40, `found the write routes (${writes.length})`);
      for (const route of writes) {
        const category = writeCategory(route.url);
        assert.ok(category === 'account-service' || category in WRITE_LIMITS, `${route.method} ${route.url}`);
      }
      const expected: Record<string, string> = {
        '/api/v1/sets': 'set',
        '/api/v1/sets/:id': 'set',
        '/sets/new': 'set',
        '/sets/:id/edit': 'set',
        '/sets/:id/delete': 'set',
        '/api/v1/sets/:id/rating': 'rating',
        '/sets/:id/rating': 'rating',
        '/sets/:id/rating/delete': 'rating',
        '/api/v1/reviews': 'study',
        '/api/v1/reviews/merge': 'study',
        '/sets/:id/study': 'study',
        '/review': 'study',
        '/sets/:id/test': 'study',
        '/review/settings': 'settings',
        '/me/folders/:id/rename': 'folder',
        '/api/v1/folders/:id/sets/:setId': 'folder',
        '/sets/:id/folders': 'folder',
        '/import': 'import',
        '/import/confirm': 'import',
        '/api/v1/imports': 'import',
        '/api/v1/imports/preview': 'preview',
        '/exams': 'exam',
        '/exams/:id/delete': 'exam',
        '/sets/:id/comments': 'comment',
        '/comments/:id/reply': 'comment',
        '/api/v1/comments/:id': 'comment',
        '/comments/:id/report': 'report',
        '/api/v1/sets/:id/reports': 'report',
        '/moderation/sets/:id/hide': 'moderation',
        '/api/v1/moderation/reports/:id/resolve': 'moderation',
        '/api/v1/preview': 'preview',
        '/me/password': 'password',
        '/login': 'account-service',
        '/api/v1/session': 'account-service',
      };
      for (const [url, category] of Object.entries(expected)) assert.equal(writeCategory(url), category, url);
    } finally {
      await t.close();
    }
  });
});

for (const factory of testDatabases()) {
  describe(`write limits on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false, env: REAL_LIMITS });
    });
    after(async () => {
      await t?.close();
    });

    it('200 rating PUT/DELETE in a burst: the first 20 land, the rest get 429 with Retry-After and a problem saying when', async () => {
      const author = await quickMember(t, 'Author');
      const rater = await quickMember(t, 'Rater');
      const set = await setBy(t, author.userId);
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof rater.client.api>> | undefined;
      for (let i = 0; i < 200; i++) {
        const response =
          i % 2 === 0
            ? await rater.client.api('PUT', `/api/v1/sets/${set.id}/rating`, { stars: 1 + (i % 5) })
            : await rater.client.api('DELETE', `/api/v1/sets/${set.id}/rating`);
        statuses.push(response.statusCode);
        if (response.statusCode === 429) refused ??= response;
      }
      assert.equal(statuses.filter((status) => status !== 429).length, WRITE_LIMITS.rating.burst);
      assert.ok(refused);
      assert.equal(refused.headers['retry-after'], '60', 'one more rating a minute after the burst');
      assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
      const problem = refused.json<{ code: string; detail: string }>();
      assert.equal(problem.code, 'rate_limited');
      assert.match(problem.detail, /Please wait 60 seconds and try again/);

      t.clock.advance(60_000);
      const again = await rater.client.api('PUT', `/api/v1/sets/${set.id}/rating`, { stars: 5 });
      assert.equal(again.statusCode, 200, 'the bucket refills');
      const other = await quickMember(t, 'Other rater');
      const unaffected = await other.client.api('PUT', `/api/v1/sets/${set.id}/rating`, { stars: 4 });
      assert.equal(unaffected.statusCode, 200, 'another member is not limited by this one');
    });

    it('200 reviews in a burst: 120 are recorded, then 429; a study session’s pace is never refused', async () => {
      const author = await quickMember(t, 'Author');
      const learner = await quickMember(t, 'Learner');
      const set = await setBy(t, author.userId);
      const [card] = await t.container.ctx.repos.cardSets.findCards(set.id);
      const session = await learner.client.get('/api/v1/session');
      const csrf = session.json<{ csrfToken: string }>().csrfToken;
      const review = () =>
        learner.client.request({
          method: 'POST',
          url: '/api/v1/reviews',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          payload: JSON.stringify({ cardId: card!.id, rating: 3, durationMs: 1000 }),
        });
      let recorded = 0;
      for (let i = 0; i < 200; i++) if ((await review()).statusCode === 201) recorded += 1;
      assert.equal(recorded, WRITE_LIMITS.study.burst);
      const rows = await t.container.database.db
        .selectFrom('review_logs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', learner.userId)
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), WRITE_LIMITS.study.burst);
      // Then one answer every 2 seconds for ten minutes (300 answers): every one is recorded.
      let paced = 0;
      for (let i = 0; i < 300; i++) {
        t.clock.advance(2_000);
        if ((await review()).statusCode === 201) paced += 1;
      }
      assert.equal(paced, 300);
    });

    it('a form post over the limit gets a 429 page that says how long to wait', async () => {
      const author = await quickMember(t, 'Author');
      const rater = await quickMember(t, 'Page rater');
      const set = await setBy(t, author.userId);
      let last;
      for (let i = 0; i <= WRITE_LIMITS.rating.burst; i++) {
        last = await rater.client.submit(`/sets/${set.id}/rating`, { stars: '4' }, set.path);
      }
      assert.ok(last);
      assert.equal(last.statusCode, 429);
      assert.equal(last.headers['retry-after'], '60');
      assert.match(String(last.headers['content-type']), /text\/html/);
      assert.match(last.body, /Please wait 60 seconds and try again/);
    });

    it('creating sets: 30 at once, then 429', async () => {
      const author = await quickMember(t, 'Prolific');
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        const response = await author.client.api('POST', '/api/v1/sets', {
          title: `Set ${i}`,
          subtitle: null,
          subject: 'Limits',
          topic: null,
          level: null,
          examBoard: null,
          visibility: 'private',
          cards: [{ title: 'One', body: 'Body' }],
        });
        statuses.push(response.statusCode);
      }
      assert.equal(statuses.filter((status) => status === 201).length, WRITE_LIMITS.set.burst);
      assert.deepEqual(new Set(statuses.slice(WRITE_LIMITS.set.burst)), new Set([429]));
    });
  });

  describe(`per-address write limits on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, {
        demoContent: false,
        env: { ...REAL_LIMITS, RATE_LIMIT_PEOPLE_PER_ADDRESS: '2' },
      });
    });
    after(async () => {
      await t?.close();
    });

    it('many accounts from one address share its limit (RATE_LIMIT_PEOPLE_PER_ADDRESS accounts’ worth)', async () => {
      const author = await quickMember(t, 'Author');
      const set = await setBy(t, author.userId);
      const address = '192.0.2.77';
      let allowed = 0;
      for (let m = 0; m < 5; m++) {
        const member = await quickMember(t, `Sock ${m}`);
        Object.defineProperty(member.client, 'remoteAddress', { value: address });
        for (let i = 0; i < WRITE_LIMITS.rating.burst; i++) {
          const response = await member.client.api('PUT', `/api/v1/sets/${set.id}/rating`, { stars: 3 });
          if (response.statusCode === 200) allowed += 1;
        }
      }
      assert.equal(allowed, WRITE_LIMITS.rating.burst * 2);
    });
  });
}
