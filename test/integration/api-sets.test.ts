import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface SetSummary {
  id: number;
  title: string;
  subject: string;
  topic: string | null;
}

for (const factory of testDatabases()) {
  describe(`JSON API for card sets on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory);
    });
    after(async () => {
      await t?.close();
    });

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    it('returns the seed set with subject, topic and its 11 cards as Markdown', async () => {
      const response = await get('/api/v1/sets/1');
      assert.equal(response.statusCode, 200);
      const set = response.json<{
        title: string;
        subtitle: string;
        subject: string;
        topic: string;
        cardCount: number;
        cards: { position: number; title: string | null; body: string }[];
      }>();
      assert.equal(set.title, 'Persecution and Control');
      assert.equal(set.subtitle, 'The purges, terror, cult of personality, Stalinism');
      assert.equal(set.subject, 'History');
      assert.equal(set.topic, 'Russia - 19th and 20th century');
      assert.equal(set.cardCount, 11);
      assert.deepEqual(
        set.cards.map((card) => card.position),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      );
      assert.equal(set.cards[0]!.title, null);
      assert.equal(set.cards[3]!.title, 'Chronology of the Terror 1930 - 38');
      assert.deepEqual(
        set.cards[3]!.body.split('\n\n').map((entry) => entry.slice(0, 4)),
        ['1930', '1932', '1934', '1934', '1934', '1935', '1936', '1937', '1938'],
      );
      assert.deepEqual(Object.keys(set.cards[0]!).sort(), [
        'body',
        'kind',
        'position',
        'reversible',
        'tags',
        'title',
      ]);
    });

    it('lists sets by subject and topic, by name or slug', async () => {
      const bySlug = (await get('/api/v1/sets?subject=history')).json<{ items: SetSummary[] }>();
      assert.equal(bySlug.items.length, 4);
      const byName = (
        await get('/api/v1/sets?subject=History&topic=Russia%20-%2019th%20and%2020th%20century')
      ).json<{
        items: SetSummary[];
      }>();
      assert.equal(byName.items.length, 3);
      assert.ok(byName.items.every((set) => set.topic === 'Russia - 19th and 20th century'));
      const none = (await get('/api/v1/sets?subject=astrology')).json<{
        items: SetSummary[];
        nextCursor: null;
      }>();
      assert.deepEqual(none, { items: [], nextCursor: null });
    });

    it('pages with limit and an opaque cursor, without repeats or gaps', async () => {
      const seen: number[] = [];
      let url = '/api/v1/sets?limit=3';
      for (let page = 0; page < 10; page++) {
        const body = (await get(url)).json<{ items: SetSummary[]; nextCursor: string | null }>();
        assert.ok(body.items.length <= 3);
        seen.push(...body.items.map((set) => set.id));
        if (body.nextCursor === null) break;
        url = `/api/v1/sets?limit=3&cursor=${encodeURIComponent(body.nextCursor)}`;
      }
      assert.deepEqual(seen, [8, 7, 6, 5, 4, 3, 2, 1]);
    });

    it('answers bad queries with problem details naming the field', async () => {
      const tooMany = await get('/api/v1/sets?limit=101');
      assert.equal(tooMany.statusCode, 400);
      assert.match(tooMany.headers['content-type'] as string, /^application\/problem\+json/);
      const problem = tooMany.json<{ status: number; code: string; errors: { field: string }[] }>();
      assert.equal(problem.status, 400);
      assert.equal(problem.code, 'validation');
      assert.ok(problem.errors.some((error) => error.field.includes('limit')));

      const cursor = await get('/api/v1/sets?cursor=not-a-cursor');
      assert.equal(cursor.statusCode, 400);
      assert.equal(cursor.json<{ errors: { field: string }[] }>().errors[0]!.field, 'cursor');

      const topicAlone = await get('/api/v1/sets?topic=tudors');
      assert.equal(topicAlone.statusCode, 400);
    });

    it('answers a missing set with a 404 problem and a malformed id with a 400', async () => {
      const missing = await get('/api/v1/sets/424242');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json<{ code: string }>().code, 'not_found');
      assert.equal((await get('/api/v1/sets/abc')).statusCode, 400);
      const unknown = await get('/api/v1/nothing-here');
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.headers['content-type'] as string, /^application\/problem\+json/);
    });

    it('publishes its OpenAPI description and browsable docs from the route schemas', async () => {
      const response = await get('/api/openapi.json');
      assert.equal(response.statusCode, 200);
      const spec = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      assert.equal(spec.openapi, '3.1.0');
      assert.ok(spec.paths['/api/v1/sets']?.get && spec.paths['/api/v1/sets']?.post);
      assert.ok(spec.paths['/api/v1/sets/{id}']?.put && spec.paths['/api/v1/sets/{id}']?.delete);
      assert.ok(
        !Object.keys(spec.paths).some((path) => !path.startsWith('/api/')),
        'pages are not API operations',
      );
      const docs = await get('/api/docs');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /<code>GET \/api\/v1\/sets<\/code>/);
      assert.ok(!docs.body.includes('<script'), 'no script: the docs work under the CSP');
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(docs.body)?.[1] ?? '';
      assert.notEqual(
        stylesheet,
        '/assets/styles.css',
        'the versioned stylesheet, not a name cached for a year',
      );
      assert.equal((await get(stylesheet)).statusCode, 200);
    });

    it('reports health', async () => {
      const response = await get('/healthz');
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok' });
    });
  });
}
