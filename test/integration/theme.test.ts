/** GET /theme, the theme toggle without JavaScript: the cookie, the way back, and what it refuses. */
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

    const choose = (theme: string, headers: Record<string, string> = {}) =>
      t.app.inject({ url: `/theme?theme=${encodeURIComponent(theme)}`, headers });

    it('remembers dark for a year and goes back to the page the toggle was on', async () => {
      const response = await choose('dark', {
        'sec-fetch-site': 'same-origin',
        referer: 'http://localhost:80/search?q=terror',
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/search?q=terror');
      assert.equal(response.headers['cache-control'], 'no-store');
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
      const cleared = await choose('system', { 'sec-fetch-site': 'same-origin' });
      assert.equal(cleared.statusCode, 303);
      assert.equal(cleared.cookies.find((c) => c.name === 'recall_theme')?.value, '');
    });

    it('never sends the browser to another site, and goes home without a referer', async () => {
      const elsewhere = await choose('light', { referer: 'https://evil.example/phish' });
      assert.equal(elsewhere.headers.location, '/');
      const protocolRelative = await choose('light', { referer: 'http://localhost:80//evil.example/x' });
      assert.equal(protocolRelative.headers.location, '/');
      const none = await choose('light');
      assert.equal(none.headers.location, '/');
    });

    it('changes nothing when another site sent the browser, and refuses a theme it does not know', async () => {
      const crossSite = await choose('dark', { 'sec-fetch-site': 'cross-site' });
      assert.equal(crossSite.statusCode, 303);
      assert.equal(crossSite.headers.location, '/');
      assert.equal(
        crossSite.cookies.find((c) => c.name === 'recall_theme'),
        undefined,
      );
      const unknown = await choose('sepia');
      assert.equal(unknown.statusCode, 400);
      assert.equal(
        unknown.cookies.find((c) => c.name === 'recall_theme'),
        undefined,
      );
    });
  });
}
