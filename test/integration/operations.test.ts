import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';
import { buildServer } from '../../src/app/server.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { searchCardSets } from '../../src/services/search.js';
import { getCardSet } from '../../src/services/read-card-set.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startServerProcess } from '../helpers/server-process.js';

const silent = createLogger({ logLevel: 'silent' });
const PREVIOUS_RELEASE = '20261127T0200-community';

for (const factory of testDatabases()) {
  describe(`operations on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('reports readiness: the database answers and the schema is current', async () => {
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), {
        status: 'ready',
        ready: true,
        database: 'ok',
        migrations: 'current',
        pending: [],
      });
    });

    it('is not ready while a migration is pending', async () => {
      const migrator = new Migrator({
        db: t.container.database.db,
        provider: migrationProvider,
      });
      const down = await migrator.migrateDown();
      assert.equal(down.error, undefined);
      const response = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json<{ migrations: string }>().migrations, 'pending');
      assert.equal((await migrator.migrateToLatest()).error, undefined);
      assert.equal((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    });

    it('migrates a database of the previous schema with data in it, keeping the data and indexing it', async () => {
      const database = await factory.create();
      const handle = openDatabase(parseDatabaseUrl(database.url));
      try {
        const db = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
        const migrator = new Migrator({ db, provider: migrationProvider });
        // The schema of the first release (before search and study), which deployments may still run.
        assert.equal((await migrator.migrateTo(PREVIOUS_RELEASE)).error, undefined);
        // Data written as the previous release would have written it.
        const now = Date.UTC(2026, 10, 1);
        const user = await db
          .insertInto('users')
          .values({ handle: 'old-author', display_name: 'Old Author', role: 'member', created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const subject = await db
          .insertInto('subjects')
          .values({ name: 'History', slug: 'history', created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const set = await db
          .insertInto('card_sets')
          .values({
            title: 'Tsarist Russia',
            subtitle: 'Alexander II, emancipation of the serfs',
            subject_id: subject.id,
            author_id: user.id,
            visibility: 'public',
            card_count: 1,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('cards')
          .values({
            card_set_id: set.id,
            position: 1,
            title: 'Emancipation',
            body: '- 1861: the serfs are freed',
          })
          .execute();
      } finally {
        await handle.close();
      }
      const container = await createContainer(
        loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
        {
          logger: silent,
          viewFlushIntervalMs: 0,
        },
      );
      try {
        const set = await getCardSet(container.ctx, null, 1);
        assert.equal(set.title, 'Tsarist Russia');
        assert.equal(set.cards[0]!.body, '- 1861: the serfs are freed');
        const found = await searchCardSets(container.ctx, null, { q: 'serfs ' });
        assert.deepEqual(
          found.results.map((result) => result.set.title),
          ['Tsarist Russia'],
        );
      } finally {
        await container.close();
        await database.drop();
      }
    });
  });
}

describe('the server process', () => {
  const [sqlite] = testDatabases();

  it('shuts down gracefully on SIGTERM: exit code 0, page views written, request ids in its logs', async () => {
    const database = await sqlite!.create();
    try {
      const server = await startServerProcess({ DATABASE_URL: database.url });
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${server.url}/sets/1/persecution-and-control`, {
          headers: { 'x-request-id': `trace-${i}-abcdef` },
        });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('x-request-id'), `trace-${i}-abcdef`);
      }
      assert.equal(await server.stop('SIGTERM'), 0);
      assert.match(server.output(), /"reqId":"trace-0-abcdef"/);
      const container = await createContainer(
        loadConfig({ DATABASE_URL: database.url, DEMO_CONTENT: 'off' }),
        {
          logger: silent,
          viewFlushIntervalMs: 0,
        },
      );
      try {
        // Three reloads from one address are one visitor's view.
        assert.equal((await getCardSet(container.ctx, null, 1)).viewCount, 1, 'views flushed at shutdown');
      } finally {
        await container.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('cuts off a client that sends its request too slowly', async () => {
    const database = await sqlite!.create();
    const server = await startServerProcess({ DATABASE_URL: database.url, REQUEST_TIMEOUT_MS: '800' });
    try {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      const started = Date.now();
      const closed = once(socket, 'close');
      // Trickle a header byte now and then, never finishing the request.
      const trickle = setInterval(() => socket.write('X'), 200);
      await closed;
      clearInterval(trickle);
      assert.ok(Date.now() - started < 5_000, 'closed within seconds');
      assert.match(answer, /^HTTP\/1\.1 408|^$/);
    } finally {
      await server.stop();
      await database.drop();
    }
  });

  it('answers 503 with Retry-After at once when overloaded, instead of letting requests wait', async () => {
    const database = await sqlite!.create();
    try {
      const config = loadConfig({
        DATABASE_URL: database.url,
        DEMO_CONTENT: 'off',
        LOG_LEVEL: 'silent',
        MAX_EVENT_LOOP_DELAY_MS: '20',
      });
      const container = await createContainer(config, { logger: silent, viewFlushIntervalMs: 0 });
      const app = await buildServer(container);
      await app.ready();
      try {
        // Keep the event loop busy as an overloaded server's would be, until the monitor notices.
        let response = await app.inject({ method: 'GET', url: '/' });
        for (let attempt = 0; attempt < 20 && response.statusCode !== 503; attempt++) {
          const end = Date.now() + 300;
          while (Date.now() < end) {
            // busy
          }
          await new Promise((resolve) => setTimeout(resolve, 1));
          response = await app.inject({ method: 'GET', url: '/' });
        }
        assert.equal(response.statusCode, 503);
        assert.ok(Number(response.headers['retry-after']) > 0);
        assert.match(response.body, /Recall is busy right now/);
      } finally {
        await app.close();
        await container.close();
      }
    } finally {
      await database.drop();
    }
  });
});
