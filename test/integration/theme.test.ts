/** POST /theme, the theme toggle without JavaScript: the cookie, the way back, and what it refuses. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

for (const factory of testDatabases()) {
  describe(`the theme toggle on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    const post = (theme: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/theme',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: `theme=${encodeURIComponent(theme)}`,
      });

    it('remembers dark for a year and goes back to the page the form was on, with no CSRF token', async () => {
      const response = await post('dark', {
        'sec-fetch-site': 'same-origin',
        referer: 'http://localhost:80/search?q=terror',
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/search?q=terror');
      const cookie = response.cookies.find((c) => c.name === 'recall_theme');
      assert.equal(cookie?.value, 'dark');
      assert.equal(cookie?.maxAge, 60 * 60 * 24 * 365);
      assert.equal(cookie?.path, '/');
    });

    it('renders the next page in the chosen theme, and in the device’s theme once "system" clears it', async () => {
      const dark = await t.app.inject({ url: '/login', headers: { cookie: 'recall_theme=dark' } });
      assert.match(dark.body, /<html lang="en-GB" data-theme="dark"><head>/);
      assert.match(dark.body, /<meta name="color-scheme" content="dark"\/>/);
      const device = await t.app.inject({ url: '/login', headers: { cookie: 'recall_theme=sepia' } });
      assert.match(device.body, /<html lang="en-GB"><head>/);
      assert.match(device.body, /<meta name="color-scheme" content="light dark"\/>/);
      const cleared = await post('system', { 'sec-fetch-site': 'same-origin' });
      assert.equal(cleared.statusCode, 303);
      const cookie = cleared.cookies.find((c) => c.name === 'recall_theme');
      assert.equal(cookie?.value, '');
    });

    it('never sends the browser to another site, and goes home without a referer', async () => {
      const elsewhere = await post('light', { referer: 'https://evil.example/phish' });
      assert.equal(elsewhere.headers.location, '/');
      const protocolRelative = await post('light', { referer: 'http://localhost:80//evil.example/x' });
      assert.equal(protocolRelative.headers.location, '/');
      const none = await post('light');
      assert.equal(none.headers.location, '/');
    });

    it('refuses another site’s form and a theme it does not know', async () => {
      const crossSite = await post('dark', { 'sec-fetch-site': 'cross-site' });
      assert.equal(crossSite.statusCode, 403);
      assert.equal(
        crossSite.cookies.find((c) => c.name === 'recall_theme'),
        undefined,
      );
      const unknown = await post('sepia');
      assert.equal(unknown.statusCode, 400);
    });

    it('still asks other forms for their CSRF token', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/logout',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        payload: '',
      });
      assert.equal(response.statusCode, 403);
    });
  });
}
