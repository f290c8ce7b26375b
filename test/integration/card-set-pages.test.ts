import assert from 'node:assert/strict';
import { PAGE_VERSION_MEMO_MS } from '../../src/db/repositories/set-page-version.repository.js';
import { after, before, describe, it } from 'node:test';
import { parseRevisionText } from '../../src/formats/revision-text/parse-revision-text.js';
import { importCardSet } from '../../src/services/import-card-set.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SEED_PATH = '/sets/1/persecution-and-control';
const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`card-set pages on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory);
    });
    after(async () => {
      await t?.close();
    });

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    it('serves the seed set as the revision page shows it', async () => {
      const response = await get(SEED_PATH);
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/html/);
      const page = text(response.body);
      assert.match(response.body, /<h1 id="set-title">Persecution and Control<\/h1>/);
      assert.ok(page.includes('The purges, terror, cult of personality, Stalinism'));
      assert.ok(page.includes('Show Hide resource information'));
      for (let n = 1; n <= 11; n++) assert.ok(page.includes(` ${n} of 11 `), `${n} of 11`);
      assert.ok(page.includes('No comments have yet been made'));
      assert.ok(page.includes('Similar History resources'));
      assert.match(response.body, /<a href="\/subjects\/history">See all History resources »<\/a>/);
      assert.match(
        response.body,
        /<a href="\/subjects\/history\/russia-19th-and-20th-century">See all Russia - 19th and 20th century resources »<\/a>/,
      );
    });

    it('shows the resource information: author, date, subject, topic, level, board, cards, views', async () => {
      const page = text((await get(SEED_PATH)).body);
      for (const fact of [
        'Created by Recall demo team',
        'Created on 27 November 2026',
        'Subject History',
        'Topic Russia - 19th and 20th century',
        'Level GCSE',
        'Exam board AQA',
        'Number of cards 11',
        'Views',
      ]) {
        assert.ok(page.includes(fact), fact);
      }
    });

    it('renders card bodies from Markdown: bullets as lists, the chronology as one paragraph per entry', async () => {
      const body = (await get(SEED_PATH)).body;
      const card4 = body.slice(body.indexOf('id="card-4"'), body.indexOf('id="card-5"'));
      assert.equal(card4.match(/<p>\d{4} - /g)?.length, 9);
      assert.ok(card4.includes('<p>1934 - Dec 1st, Kirov assassinated by Nikolayev'));
      const card8 = body.slice(body.indexOf('id="card-8"'), body.indexOf('id="card-9"'));
      assert.ok(card8.includes('<h4>To put the Terror into context</h4>'));
      assert.equal(card8.match(/<li>/g)?.length, 7);
    });

    it('lists sets of the same topic before other sets of the subject as similar', async () => {
      const body = (await get(SEED_PATH)).body;
      const similar = body.slice(body.indexOf('id="similar-heading"'), body.indexOf('class="see-all"'));
      const titles = [...similar.matchAll(/<a href="\/sets\/\d+\/[a-z0-9-]+">([^<]+)<\/a>/g)].map(
        (m) => m[1],
      );
      assert.equal(titles.length, 3);
      assert.ok(
        titles.indexOf('The Weimar Republic') > titles.indexOf('Collectivisation and the Five-Year Plans'),
      );
      assert.ok(titles.indexOf('The Weimar Republic') > titles.indexOf('The Russian Revolutions of 1917'));
      assert.ok(!titles.includes('Persecution and Control'));
    });

    it('redirects a wrong or missing slug to the right one, keeping the query', async () => {
      for (const url of ['/sets/1', '/sets/1/wrong-slug', '/sets/1/Persecution-And-Control']) {
        const response = await get(`${url}?from=link`);
        assert.equal(response.statusCode, 301, url);
        assert.equal(response.headers.location, `${SEED_PATH}?from=link`);
      }
    });

    it('answers unknown and malformed set addresses with the 404 page', async () => {
      for (const url of ['/sets/999999/x', '/sets/abc/x', '/sets/0', '/sets/-1/x', '/nowhere']) {
        const response = await get(url);
        assert.equal(response.statusCode, 404, url);
        assert.match(response.body, /<h1>Page not found<\/h1>/, url);
      }
    });

    it('lists subjects with counts and recent sets on the home page', async () => {
      const page = text((await get('/')).body);
      assert.ok(page.includes('History 4 sets'), page);
      assert.ok(page.includes('Biology 2 sets'));
      assert.ok(page.includes('Chemistry 2 sets'));
      assert.ok(page.includes('Persecution and Control'));
    });

    it('lists a subject’s topics and sets, and a topic’s sets', async () => {
      const subject = await get('/subjects/history');
      assert.equal(subject.statusCode, 200);
      const subjectPage = text(subject.body);
      assert.ok(subjectPage.includes('Russia - 19th and 20th century 3 sets'));
      assert.ok(subjectPage.includes('Germany 1918-1945 1 set'));
      assert.equal(subject.body.match(/class="set-list-item"/g)?.length, 4);

      const topic = await get('/subjects/history/russia-19th-and-20th-century');
      assert.equal(topic.statusCode, 200);
      assert.equal(topic.body.match(/class="set-list-item"/g)?.length, 3);
      assert.ok(topic.body.includes(`href="${SEED_PATH}"`));
      assert.equal((await get('/subjects/history/no-such-topic')).statusCode, 404);
      assert.equal((await get('/subjects/astrology')).statusCode, 404);
    });

    it('pages through a long listing with a keyset cursor', async () => {
      const { ctx } = t.container;
      for (let i = 1; i <= 22; i++) {
        await importCardSet(ctx, {
          parsed: {
            title: `Geography set ${i}`,
            subtitle: null,
            subject: 'Geography',
            topic: null,
            cards: [{ title: null, body: 'x' }],
          },
          author: { handle: 'tester', displayName: 'Tester' },
        });
      }
      const first = await get('/subjects/geography');
      assert.equal(first.body.match(/class="set-list-item"/g)?.length, 20);
      const next = /href="(\/subjects\/geography\?after=[^"]+)" rel="next"/.exec(first.body)?.[1];
      assert.ok(next, 'a next-page link');
      const second = await get(next.replace(/&amp;/g, '&'));
      assert.equal(second.statusCode, 200);
      assert.equal(second.body.match(/class="set-list-item"/g)?.length, 2);
      assert.ok(!second.body.includes('rel="next"'));
      assert.equal((await get('/subjects/geography?after=garbage')).statusCode, 400);
    });

    it('orders a subject by most viewed and by top rated, paging with keysets', async () => {
      await t.container.views.flush();
      const views = await t.app.inject({
        method: 'GET',
        url: '/api/v1/sets?subject=history&order=views&limit=2',
      });
      assert.equal(views.statusCode, 200);
      const first = views.json<{ items: { id: number; viewCount: number }[]; nextCursor: string }>();
      assert.equal(first.items.length, 2);
      assert.ok(first.items[0]!.viewCount >= first.items[1]!.viewCount);
      const rest = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sets?subject=history&order=views&limit=10&cursor=${encodeURIComponent(first.nextCursor)}`,
      });
      const ids = [...first.items, ...rest.json<{ items: { id: number }[] }>().items].map((set) => set.id);
      assert.equal(new Set(ids).size, ids.length, 'no repeats across pages');
      assert.equal(ids.length, 4 + 0, 'every History set once');
      const wrongOrder = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sets?subject=history&order=rating&cursor=${encodeURIComponent(first.nextCursor)}`,
      });
      assert.equal(wrongOrder.statusCode, 400);
      const page = await get('/subjects/history?order=rating');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /aria-current="page">Top rated</);
      const home = text((await get('/')).body);
      assert.ok(home.includes('Popular card sets'));
    });

    it('escapes everything an author writes', async () => {
      const evil = '<script>alert("x")</script>';
      const parsed = parseRevisionText(
        `${evil} title\n\n<img src=x onerror=alert(1)>\n\nHideShow resource information\n\n"><b>card</b>\n\n• [link](javascript:alert(1)) and <iframe>\n• [ok](https://example.org)\n1 of 1\n`,
      );
      const { id } = await importCardSet(t.container.ctx, {
        parsed,
        subject: `${evil} subject`,
        topic: `${evil} topic`,
        author: { handle: 'evil', displayName: `${evil} author` },
      });
      const response = await get(`/sets/${id}`);
      const page = await get(response.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('<script>alert'), 'no raw script element');
      assert.ok(!page.body.includes('<img src=x'), 'no raw img element');
      assert.ok(!page.body.includes('<iframe>'), 'no raw iframe');
      assert.ok(!page.body.includes('href="javascript:'), 'no javascript: link');
      assert.ok(page.body.includes('&lt;script>alert(&quot;x&quot;)&lt;/script> title'));
      assert.ok(
        page.body.includes('[link](javascript:alert(1)) and &lt;iframe&gt;'),
        'imported text stays text',
      );
    });

    it('sends security headers, with a Content-Security-Policy that allows no inline script', async () => {
      const response = await get(SEED_PATH);
      const csp = response.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.ok(response.headers['x-request-id']);
      assert.ok(!response.body.match(/<script(?![^<>]+\bsrc=)[^<>]*>/), 'no inline script element');
    });

    it('counts views without a write per request, and shows them', async () => {
      // Each visitor (here: address) counts once a day; view-counts.test.ts has the reloads.
      const visit = (n: number) =>
        t.app.inject({ method: 'GET', url: SEED_PATH, remoteAddress: `192.0.2.${200 + n}` });
      await t.container.views.flush();
      const before = (await t.container.ctx.repos.cardSets.findSummary(1))!.viewCount;
      await visit(1);
      await visit(2);
      assert.equal(
        (await t.container.ctx.repos.cardSets.findSummary(1))!.viewCount,
        before,
        'not written yet',
      );
      await visit(3);
      await t.container.views.flush();
      assert.equal((await t.container.ctx.repos.cardSets.findSummary(1))!.viewCount, before + 3);
      // Visitors get a cached page whose count is at most a minute old.
      t.clock.advance(61_000);
      const page = text((await visit(4)).body);
      assert.ok(page.includes(`Views ${before + 4}`), 'the count includes this view');
    });

    it('serves the built stylesheet and script with long-lived caching', async () => {
      const page = (await get(SEED_PATH)).body;
      const css = /href="(\/assets\/styles\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
      const js = /src="(\/assets\/card-set-page\.js\?v=[0-9a-f]+)"/.exec(page)?.[1];
      assert.ok(css && js, 'hashed asset URLs (run npm run build first)');
      const style = await get(css);
      assert.equal(style.statusCode, 200);
      assert.match(style.headers['cache-control'] as string, /immutable/);
      assert.equal((await get(js)).statusCode, 200);
      assert.equal((await get('/assets/../package.json')).statusCode, 404);
    });

    it('answers a failure with an error page that shows no stack trace', async () => {
      await t.container.database.close();
      // A page whose version was read within the last second is still served from memory; after it, not.
      await new Promise((resolve) => setTimeout(resolve, PAGE_VERSION_MEMO_MS + 50));
      const response = await get(SEED_PATH);
      assert.equal(response.statusCode, 500);
      assert.match(response.body, /<h1>Something went wrong<\/h1>/);
      assert.ok(response.body.includes(response.headers['x-request-id'] as string), 'names the request id');
      assert.ok(!/at .*\.(?:ts|js):\d+/.test(response.body), 'no stack frames');
      const api = await get('/api/v1/sets/1');
      assert.equal(api.statusCode, 500);
      assert.deepEqual(Object.keys(api.json()).sort(), [
        'code',
        'detail',
        'requestId',
        'status',
        'title',
        'type',
      ]);
    });
  });
}
