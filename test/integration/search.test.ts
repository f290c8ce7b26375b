import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface SearchBody {
  results: {
    set: { id: number; title: string };
    card: { position: number; url: string } | null;
    snippetHtml: string;
  }[];
  hasMore: boolean;
}

const newSet = (title: string, bodies: string[], extra: Record<string, unknown> = {}) => ({
  title,
  subtitle: null,
  subject: 'Search testing',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards: bodies.map((body, index) => ({ title: `Card ${index + 1}`, body })),
  ...extra,
});

for (const factory of testDatabases()) {
  describe(`search on ${factory.dialect}`, () => {
    let t: TestApp;
    let anonymous: BrowserClient;
    before(async () => {
      t = await createTestApp(factory);
      anonymous = new BrowserClient(t.app);
    });
    after(async () => {
      await t?.close();
    });

    const search = async (client: BrowserClient, params: Record<string, string>) => {
      const response = await client.get(`/api/v1/search?${new URLSearchParams(params).toString()}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json<SearchBody>();
    };
    const titles = (body: SearchBody) => body.results.map((result) => result.set.title);

    it('finds "Kirov" in the seed and names the matching card with a highlighted snippet', async () => {
      const body = await search(anonymous, { q: 'Kirov' });
      assert.equal(body.results[0]?.set.title, 'Persecution and Control');
      assert.equal(body.results[0]?.card?.position, 4);
      assert.equal(body.results[0]?.card?.url, '/sets/1/persecution-and-control#card-4');
      assert.match(body.results[0].snippetHtml, /<mark>Kirov<\/mark>/);
    });

    it('matches phrases, excludes words, and treats the last word as a prefix', async () => {
      assert.ok(titles(await search(anonymous, { q: '"show trials"' })).includes('Persecution and Control'));
      assert.deepEqual(titles(await search(anonymous, { q: '"trials show"' })), []);
      const stalin = titles(await search(anonymous, { q: 'Stalin ' }));
      assert.ok(stalin.length >= 2, stalin.join());
      const withoutKulaks = titles(await search(anonymous, { q: 'Stalin -kulaks' }));
      assert.ok(withoutKulaks.length < stalin.length);
      assert.ok(titles(await search(anonymous, { q: 'Kir' })).includes('Persecution and Control'));
      assert.deepEqual(titles(await search(anonymous, { q: 'Kir ' })), [], 'a finished word is not a prefix');
    });

    it('stems words: "purge" finds "purges"', async () => {
      assert.ok(titles(await search(anonymous, { q: 'purge ' })).includes('Persecution and Control'));
    });

    it('filters by subject, topic, level and exam board', async () => {
      const biology = await search(anonymous, { q: 'water', subject: 'Biology' });
      assert.ok(biology.results.length > 0);
      assert.ok(
        biology.results.every((r) =>
          ['Cell structure and transport', 'Photosynthesis and respiration'].includes(r.set.title),
        ),
      );
      assert.deepEqual(titles(await search(anonymous, { q: 'Kirov', subject: 'Biology' })), []);
      assert.deepEqual(titles(await search(anonymous, { q: 'Kirov', level: 'A-level' })), []);
      assert.deepEqual(titles(await search(anonymous, { q: 'Kirov', examBoard: 'AQA' })), [
        'Persecution and Control',
      ]);
      assert.deepEqual(
        titles(await search(anonymous, { q: 'Kirov', subject: 'history', topic: 'Germany 1918-1945' })),
        [],
      );
    });

    it('ranks a title match above a body match', async () => {
      const { client } = await signedUpClient(t.app, 'Ranker');
      await client.api(
        'POST',
        '/api/v1/sets',
        newSet('Notes', ['The zeppelin appears once here, among many other words.']),
      );
      await client.api(
        'POST',
        '/api/v1/sets',
        newSet('Zeppelin raids', ['Bombing of British towns in 1915']),
      );
      assert.deepEqual(titles(await search(anonymous, { q: 'zeppelin ' })), ['Zeppelin raids', 'Notes']);
      assert.deepEqual(titles(await search(anonymous, { q: 'zeppelin ', sort: 'newest' })), [
        'Zeppelin raids',
        'Notes',
      ]);
    });

    it('keeps the index in step with every create, edit and delete, and private sets to their author', async () => {
      const { client } = await signedUpClient(t.app, 'Indexer');
      const created = await client.api(
        'POST',
        '/api/v1/sets',
        newSet('Quokka facts', ['The quokka lives on Rottnest Island'], { visibility: 'private' }),
      );
      const { id } = created.json<{ id: number }>();
      assert.deepEqual(titles(await search(anonymous, { q: 'quokka ' })), [], 'private to others');
      assert.deepEqual(
        titles(await search(client, { q: 'quokka ' })),
        ['Quokka facts'],
        'found by its author',
      );
      const { revision, cards } = (await client.api('GET', `/api/v1/sets/${id}/edit`)).json<{
        revision: number;
        cards: { id: number }[];
      }>();
      const edited = await client.api('PUT', `/api/v1/sets/${id}`, {
        ...newSet('Marsupial facts', ['The wallaby lives in Australia'], { visibility: 'public' }),
        revision,
        cards: [{ id: cards[0]!.id, title: 'Card 1', body: 'The wallaby lives in Australia' }],
      });
      assert.equal(edited.statusCode, 200);
      assert.deepEqual(titles(await search(client, { q: 'quokka ' })), [], 'old words are gone');
      assert.deepEqual(titles(await search(anonymous, { q: 'wallaby ' })), ['Marsupial facts']);
      assert.equal((await client.api('DELETE', `/api/v1/sets/${id}`)).statusCode, 204);
      assert.deepEqual(titles(await search(client, { q: 'wallaby ' })), []);
    });

    it('finds similar sets: another Russia set above an unrelated History set, never the set itself', async () => {
      const response = await anonymous.get('/api/v1/sets/1/similar');
      assert.equal(response.statusCode, 200);
      const similar = response
        .json<{ items: { id: number; title: string }[] }>()
        .items.map((item) => item.title);
      assert.ok(!similar.includes('Persecution and Control'));
      const russia = Math.min(
        similar.indexOf('Collectivisation and the Five-Year Plans'),
        similar.indexOf('The Russian Revolutions of 1917'),
      );
      assert.ok(russia >= 0, similar.join(' | '));
      const weimar = similar.indexOf('The Weimar Republic');
      assert.ok(weimar === -1 || russia < weimar, similar.join(' | '));
      const page = await anonymous.get('/sets/1/persecution-and-control');
      assert.match(page.body, /Similar History resources/);
      assert.match(page.body, /Collectivisation and the Five-Year Plans/);
    });

    it('serves a search page that works without JavaScript, and its results region for search as you type', async () => {
      const page = await anonymous.get('/search?q=Kirov');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<mark>Kirov<\/mark>/);
      assert.match(page.body, /href="\/sets\/1\/persecution-and-control#card-4">Card 4 of 11/);
      const none = await anonymous.get('/search?q=xylophonist');
      assert.match(none.body, /No card sets match “xylophonist”/);
      const part = await anonymous.get('/search?q=Kir&part=results');
      assert.ok(!part.body.includes('<html'), 'only the results region');
      assert.match(part.body, /<mark>Kirov<\/mark>/);
      const evil = await anonymous.get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      assert.ok(!evil.body.includes('<script>alert(1)'));
    });

    it('answers bad search parameters with 400 problems, and odd queries with no results rather than errors', async () => {
      assert.equal((await anonymous.get('/api/v1/search?q=x&page=99')).statusCode, 400);
      assert.equal((await anonymous.get('/api/v1/search?q=x&level=Year9')).statusCode, 400);
      for (const q of ['"', '-', '*', 'NOT', 'AND OR', '"""', ':*', '(', 'a:b', '\u0000', 'NEAR(a b)']) {
        const response = await anonymous.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
        assert.equal(response.statusCode, 200, `${q}: ${response.body}`);
      }
    });
  });
}
