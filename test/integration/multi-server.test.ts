/**
 * Several app servers against one PostgreSQL, as deployed behind a proxy: nothing one server needs
 * lives only in another's memory.
 */
import assert from 'node:assert/strict';
import { PAGE_VERSION_MEMO_MS } from '../../src/db/repositories/set-page-version.repository.js';
import { after, before, describe, it } from 'node:test';
import { LOGIN_POLICIES } from '../../src/services/auth/login-throttle.js';
import { testDatabases, type TestDatabase } from '../helpers/databases.js';
import { HttpSession, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const postgres = testDatabases().find((factory) => factory.dialect === 'postgres');

describe(
  'two Recall servers sharing one PostgreSQL',
  { skip: postgres === undefined ? 'no PostgreSQL' : false },
  () => {
    let database: TestDatabase;
    let one: ServerProcess;
    let two: ServerProcess;
    before(async () => {
      database = await postgres!.create();
      one = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
      two = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    });
    after(async () => {
      await one?.stop();
      await two?.stop();
      await database?.drop();
    });

    it('keeps a member logged in whichever server answers', async () => {
      const person = new HttpSession();
      const signup = await person.postForm(one.url, '/signup', {
        displayName: 'Roaming',
        handle: 'roaming',
        email: 'roaming@example.org',
        password: 'a long enough password',
      });
      assert.equal(signup.status, 303);
      const session = (await (await person.request(`${two.url}/api/v1/session`)).json()) as unknown;
      assert.equal((session as { user: { handle: string } | null }).user?.handle, 'roaming');
      const out = await person.postForm(two.url, '/logout', {});
      assert.equal(out.status, 303);
      const after = (await (await person.request(`${one.url}/api/v1/session`)).json()) as { user: unknown };
      assert.equal(after.user, null, 'logged out on one, logged out on both');
    });

    it('shows a set edited on one server fresh on the other', async () => {
      const author = new HttpSession();
      await author.postForm(one.url, '/signup', {
        displayName: 'Editor',
        handle: 'editor',
        email: 'editor@example.org',
        password: 'a long enough password',
      });
      const created = await author.json(one.url, 'POST', '/api/v1/sets', {
        title: 'Shared between servers',
        subtitle: null,
        subject: 'History',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [{ title: 'Card', body: 'Version one' }],
      });
      const { id, links } = (await created.json()) as { id: number; links: { html: string } };
      const visitor = new HttpSession();
      assert.match(
        await (await visitor.request(two.url + links.html)).text(),
        /Version one/,
        'cached on two',
      );
      const editable = (await (await author.json(one.url, 'GET', `/api/v1/sets/${id}/edit`)).json()) as {
        revision: number;
        cards: { id: number }[];
      };
      const edited = await author.json(one.url, 'PUT', `/api/v1/sets/${id}`, {
        title: 'Shared between servers',
        subtitle: null,
        subject: 'History',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        revision: editable.revision,
        cards: [{ id: editable.cards[0]!.id, title: 'Card', body: 'Version two' }],
      });
      assert.equal(edited.status, 200);
      // Server two trusts the version it read for a second (PAGE_VERSION_MEMO_MS), no longer.
      await new Promise((resolve) => setTimeout(resolve, PAGE_VERSION_MEMO_MS + 50));
      const page = await (await visitor.request(two.url + links.html)).text();
      assert.match(page, /Version two/, 'fresh on two within a second');
      assert.doesNotMatch(page, /Version one/);
    });

    it('counts a rate limit across both servers', async () => {
      const attacker = new HttpSession();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt++) {
        const server = attempt % 2 === 0 ? one : two;
        const response = await attacker.postForm(server.url, '/login', {
          login: 'victim',
          password: 'wrong guess!',
        });
        statuses.push(response.status);
      }
      // The account's free failures from this client are counted in all, not per server: the attempt
      // after them waits (growing delays), whichever server it reaches.
      const free = LOGIN_POLICIES.accountClient.free;
      assert.deepEqual(statuses.slice(0, free + 1), Array(free + 1).fill(401));
      assert.equal(statuses[free + 1], 429);
    });
  },
);
