/**
 * Hostile input against every JSON API operation (taken from the OpenAPI description, so a new route is
 * fuzzed without anyone remembering to): random JSON, wrong types, the Big List of Naughty Strings,
 * broken JSON, odd ids. Nothing may answer 5xx; the time spent is bounded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { naughtyStrings } from '../helpers/naughty-strings.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface Operation {
  method: string;
  path: string;
  properties: string[];
}

const SECONDS_PER_ENGINE = Number(process.env.RECALL_FUZZ_SECONDS ?? 12);

function operationsOf(spec: {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => {
        const schema = (
          op.requestBody as { content?: Record<string, { schema?: { properties?: object } }> } | undefined
        )?.content?.['application/json']?.schema;
        return { method: method.toUpperCase(), path, properties: Object.keys(schema?.properties ?? {}) };
      }),
  );
}

const naughty = fc.constantFrom(...naughtyStrings);
const value = fc.oneof(
  naughty,
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(naughty, fc.integer(), fc.object({ maxDepth: 1 })), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);

for (const factory of testDatabases()) {
  describe(`hostile input to the JSON API on ${factory.dialect}`, () => {
    let t: TestApp;
    let member: TestMember;
    let operations: Operation[];
    let ids: Record<string, number[]>;
    before(async () => {
      t = await createTestApp(factory);
      member = await quickMember(t, 'Fuzzer');
      const created = await member.client.api('POST', '/api/v1/sets', {
        title: 'Fuzz target',
        subtitle: null,
        subject: 'Fuzzing',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [{ title: 'A', body: 'B' }],
      });
      const setId = created.json<{ id: number }>().id;
      const comment = await member.client.api('POST', `/api/v1/sets/1/comments`, { body: 'a comment' });
      const folder = await member.client.api('POST', '/api/v1/folders', { name: 'Fuzz folder' });
      ids = {
        id: [
          1,
          setId,
          comment.json<{ id?: number }>().id ?? 1,
          folder.json<{ id?: number }>().id ?? 1,
          0,
          2_147_483_647,
        ],
      };
      operations = operationsOf((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
      assert.ok(operations.length >= 20, `found ${operations.length} operations`);
    });
    after(async () => {
      await t?.close();
    });

    it('never answers 5xx to random bodies, naughty strings and odd ids on any operation', async () => {
      const token = (await member.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      const pathValue = fc.oneof(
        fc.constantFrom(...ids.id!.map(String)),
        fc.constantFrom(
          'abc',
          '-1',
          '1.5',
          '%00',
          '..',
          '99999999999999999999',
          encodeURIComponent('<script>'),
        ),
      );
      const request = fc.record({
        operation: fc.constantFrom(...operations),
        pathParts: fc.array(pathValue, { minLength: 3, maxLength: 3 }),
        body: fc.oneof(
          fc.constant(undefined),
          value,
          fc.dictionary(
            fc.oneof(
              fc.constantFrom('title', 'body', 'cards', 'stars', 'name', 'q'),
              fc.string({ maxLength: 8 }),
            ),
            value,
            { maxKeys: 6 },
          ),
        ),
        fillSchema: fc.boolean(),
        rawJson: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        query: fc.option(
          fc.dictionary(
            fc.constantFrom('q', 'limit', 'cursor', 'subject', 'count', 'page'),
            fc.oneof(naughty, fc.string({ maxLength: 10 })),
          ),
          { nil: undefined },
        ),
      });
      const failures: string[] = [];
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(request, async ({ operation, pathParts, body, fillSchema, rawJson, query }) => {
          let part = 0;
          let url = operation.path.replace(/\{[^{}]+\}/g, () => pathParts[part++ % pathParts.length]!);
          if (query !== undefined) url += `?${new URLSearchParams(query).toString()}`;
          let payload: string | undefined;
          if (rawJson !== undefined) payload = rawJson;
          else if (fillSchema && operation.properties.length > 0) {
            payload = JSON.stringify(
              Object.fromEntries(
                operation.properties.map((name, i) => [
                  name,
                  naughtyStrings[(i * 37 + url.length) % naughtyStrings.length],
                ]),
              ),
            );
          } else if (body !== undefined) payload = JSON.stringify(body);
          sent += 1;
          const response = await member.client.request({
            method: operation.method,
            url,
            headers: {
              'x-csrf-token': token,
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            payload,
          });
          if (response.statusCode >= 500)
            failures.push(
              `${operation.method} ${url} ${payload ?? ''} → ${response.statusCode} ${response.body.slice(0, 300)}`,
            );
          return response.statusCode < 500;
        }),
        { numRuns: 100_000, interruptAfterTimeLimit: SECONDS_PER_ENGINE * 1000, seed: 2026 },
      );
      assert.deepEqual(failures, []);
      assert.ok(sent >= 300, `only ${sent} requests were sent`);
      t.container.logger.info({ sent }, 'fuzzed');
    });

    it('refuses an oversized body with 413 and a problem that says so', async () => {
      const token = (await member.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      const response = await member.client.request({
        method: 'POST',
        url: '/api/v1/sets',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        payload: JSON.stringify({ title: 'x', cards: [{ title: null, body: 'y'.repeat(1_100_000) }] }),
      });
      assert.equal(response.statusCode, 413);
      assert.equal(response.json<{ code: string }>().code, 'too_large');
      const form = await member.client.request({
        method: 'POST',
        url: '/sets/new',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `title=${'x'.repeat(1_100_000)}`,
      });
      assert.equal(form.statusCode, 413);
      assert.match(form.body, /larger than this server accepts/);
    });

    it('refuses path traversal in the file-serving route', async () => {
      const visitor = new BrowserClient(t.app);
      for (const url of [
        '/assets/../package.json',
        '/assets/%2e%2e/package.json',
        '/assets/%2e%2e%2fpackage.json',
        '/assets/..%5cpackage.json',
        '/assets/....//package.json',
        '/assets/%252e%252e/package.json',
      ]) {
        const response = await visitor.get(url);
        assert.ok([400, 403, 404].includes(response.statusCode), `${url} → ${response.statusCode}`);
        assert.ok(!response.body.includes('"name": "recall"'), url);
      }
    });
  });
}
