import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SET_PAGE = '/sets/1/persecution-and-control';
const PRIVATE = 'private, no-store';

for (const factory of testDatabases()) {
  describe(`Cache-Control on ${factory.dialect}`, () => {
    let t: TestApp;
    let member: TestMember;
    let ownSet: { id: number; path: string };
    before(async () => {
      t = await createTestApp(factory);
      member = await quickMember(t, 'Cached');
      ownSet = await setBy(t, member.userId, { title: 'My own notes', visibility: 'private' });
    });
    after(async () => {
      await t?.close();
    });

    it("sends every page rendered for a signed-in member with 'private, no-store'", async () => {
      const pages = [
        '/',
        SET_PAGE,
        ownSet.path,
        '/search?q=stalin',
        '/sets/1/test',
        '/sets/1/timeline',
        '/review',
        '/exams',
        '/progress',
        `/users/${member.handle}`,
        '/me/password',
        '/import',
      ];
      for (const url of pages) {
        const response = await member.client.get(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['cache-control'], PRIVATE, url);
      }
      // Redirects and error pages made for the member too.
      const redirect = await member.client.get('/sets/1');
      assert.equal(redirect.statusCode, 301);
      assert.equal(redirect.headers['cache-control'], PRIVATE);
      const missing = await member.client.get('/sets/999999/nothing');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.headers['cache-control'], PRIVATE);
    });

    it("sends API answers with a member's data with 'private, no-store'", async () => {
      const answers = [
        '/api/v1/session',
        '/api/v1/folders',
        '/api/v1/sets/1',
        `/api/v1/sets/${ownSet.id}`,
        `/api/v1/sets/${ownSet.id}/edit`,
        '/api/v1/sets/1/rating',
        '/api/v1/search?q=stalin',
        '/api/v1/sets?subject=history',
      ];
      for (const url of answers) {
        const response = await member.client.get(url);
        assert.ok(response.statusCode < 300, `${url} → ${response.statusCode}`);
        assert.equal(response.headers['cache-control'], PRIVATE, url);
      }
      const session = await member.client.get('/api/v1/session');
      assert.match(session.body, new RegExp(member.handle), 'the session answer names the member');
    });

    it('keeps public pages and public API answers cacheable for visitors', async () => {
      const visitor = new BrowserClient(t.app);
      for (const url of [
        '/',
        SET_PAGE,
        SET_PAGE, // the second from the page cache
        '/search?q=stalin',
        '/api/v1/sets/1',
        '/api/v1/search?q=stalin',
        '/api/v1/sets?subject=history',
      ]) {
        const response = await visitor.get(url);
        assert.equal(response.statusCode, 200, url);
        assert.doesNotMatch(String(response.headers['cache-control'] ?? ''), /private|no-store/, url);
        assert.equal(response.headers['set-cookie'], undefined, `${url} sets no cookie`);
      }
    });

    it("sends a visitor's page holding their own CSRF token with 'private, no-store'", async () => {
      const visitor = new BrowserClient(t.app);
      for (const url of ['/login', '/signup', '/sets/1/test', '/api/v1/session']) {
        const response = await visitor.get(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['cache-control'], PRIVATE, url);
      }
    });

    it('keeps long-lived caching of assets for members too', async () => {
      const page = (await member.client.get(SET_PAGE)).body;
      const css = /href="(\/assets\/styles\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
      assert.ok(css, 'a hashed stylesheet URL (run npm run build first)');
      const style = await member.client.get(css);
      assert.equal(style.statusCode, 200);
      assert.match(String(style.headers['cache-control']), /immutable/);
      assert.doesNotMatch(String(style.headers['cache-control']), /no-store/);
    });
  });
}
