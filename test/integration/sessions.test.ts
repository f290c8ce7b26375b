/**
 * Sessions and CSRF tokens (issue 19, point 5), replayed as an attacker would: a token is bound to its
 * browser's secret and to the session, and signing in, signing out and changing the password replace
 * both the session and the secret, so that nothing taken from before works afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PASSWORD = 'correct horse battery staple';
const FORGED = /This form has expired or did not come from Recall/;

for (const factory of testDatabases()) {
  describe(`sessions and CSRF tokens on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory);
    });
    after(async () => {
      await t?.close();
    });

    /** Who the API says this browser is: a handle, or null. */
    const whoIs = async (client: BrowserClient) =>
      (await client.get('/api/v1/session')).json<{ user: { handle: string } | null }>().user?.handle ?? null;
    /** A browser holding nothing but this session cookie. */
    const withSession = (token: string) => {
      const client = new BrowserClient(t.app);
      client.cookies.set('recall_session', token);
      return client;
    };

    it("refuses a CSRF token taken from another member's session, even with that member's CSRF cookie", async () => {
      const victim = await signedUpClient(t.app, 'Victim');
      const attacker = await signedUpClient(t.app, 'Attacker');
      // The attacker's own token, tried in the victim's browser (e.g. planted by a page on a sibling domain).
      const attackerToken = await attacker.client.csrfFrom('/logout');
      const refused = await victim.client.post('/logout', { _csrf: attackerToken });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, FORGED);
      // Even when the attacker has also fixed the victim's CSRF cookie to the attacker's own secret.
      victim.client.cookies.set('recall_csrf', attacker.client.cookies.get('recall_csrf')!);
      assert.equal((await victim.client.post('/logout', { _csrf: attackerToken })).statusCode, 403);
      const apiToken = (await attacker.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      const api = await victim.client.request({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { 'x-csrf-token': apiToken },
      });
      assert.equal(api.statusCode, 403);
      assert.equal(await whoIs(victim.client), victim.handle, 'still signed in');
      // The victim's own token, made for this session, works.
      assert.equal((await victim.client.submit('/logout', {}, '/logout')).statusCode, 303);
      assert.equal(await whoIs(victim.client), null);
    });

    it('the token from before log-in stops working after log-in, as does the session cookie it had', async () => {
      const { handle } = await signedUpClient(t.app, 'Returning');
      const browser = new BrowserClient(t.app);
      const preLoginToken = await browser.csrfFrom('/login');
      const preLoginSecret = browser.cookies.get('recall_csrf')!;
      // A session cookie planted before log-in (session fixation) is not kept.
      browser.cookies.set('recall_session', 'planted-session-token-0123456789abcdef');
      const login = await browser.post('/login', { _csrf: preLoginToken, login: handle, password: PASSWORD });
      assert.equal(login.statusCode, 303);
      const session = browser.cookies.get('recall_session')!;
      assert.notEqual(session, 'planted-session-token-0123456789abcdef');
      assert.notEqual(browser.cookies.get('recall_csrf'), preLoginSecret, 'a new CSRF secret');
      assert.equal(await whoIs(browser), handle);

      assert.equal((await browser.post('/logout', { _csrf: preLoginToken })).statusCode, 403);
      // Someone who kept the old secret and its token (they were a visitor's) cannot use them either.
      const keeper = withSession(session);
      keeper.cookies.set('recall_csrf', preLoginSecret);
      assert.equal((await keeper.post('/logout', { _csrf: preLoginToken })).statusCode, 403);
      assert.equal(await whoIs(browser), handle, 'still signed in');
    });

    it('signing in again ends the session the browser had before', async () => {
      const member = await signedUpClient(t.app, 'Twice');
      const first = member.client.cookies.get('recall_session')!;
      const { csrfToken } = (await member.client.get('/api/v1/session')).json<{ csrfToken: string }>();
      const again = await member.client.request({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-csrf-token': csrfToken },
        payload: { login: member.handle, password: PASSWORD },
      });
      assert.equal(again.statusCode, 200);
      const second = member.client.cookies.get('recall_session')!;
      assert.notEqual(second, first);
      assert.equal(await whoIs(withSession(first)), null, 'the first session is over');
      assert.equal(await whoIs(withSession(second)), member.handle);
      // And the token the API gave with the first session no longer works.
      const stale = await member.client.request({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { 'x-csrf-token': csrfToken },
      });
      assert.equal(stale.statusCode, 403);
    });

    it('an old session cookie is dead after a password change, here and on every other device', async () => {
      const member = await signedUpClient(t.app, 'Changer');
      const laptop = new BrowserClient(t.app);
      await laptop.submit('/login', { login: member.handle, password: PASSWORD });
      assert.equal(await whoIs(laptop), member.handle);
      const oldSession = member.client.cookies.get('recall_session')!;
      const oldSecret = member.client.cookies.get('recall_csrf')!;
      const oldToken = await member.client.csrfFrom('/me/password');

      const changed = await member.client.post('/me/password', {
        _csrf: oldToken,
        currentPassword: PASSWORD,
        newPassword: 'a much better passphrase for 2027',
      });
      assert.equal(changed.statusCode, 303);
      assert.notEqual(member.client.cookies.get('recall_session'), oldSession, 'a new session');
      assert.notEqual(member.client.cookies.get('recall_csrf'), oldSecret, 'a new CSRF secret');
      assert.equal(await whoIs(member.client), member.handle, 'this device stays signed in');

      // A copy of the old cookie (stolen, or on another device) gets nothing.
      const thief = withSession(oldSession);
      assert.equal(await whoIs(thief), null);
      const page = await thief.get('/me/password');
      assert.equal(page.statusCode, 303);
      assert.match(String(page.headers.location), /^\/login/);
      assert.equal(await whoIs(laptop), null, 'the other device is logged out');
      // The token from before the change no longer works, with the old secret or the new one.
      assert.equal((await member.client.post('/logout', { _csrf: oldToken })).statusCode, 403);
      thief.cookies.set('recall_csrf', oldSecret);
      assert.equal((await thief.post('/logout', { _csrf: oldToken })).statusCode, 403);
    });

    it('signing out ends the session on the server and replaces the CSRF secret', async () => {
      const member = await signedUpClient(t.app, 'Leaver');
      const oldSession = member.client.cookies.get('recall_session')!;
      const oldSecret = member.client.cookies.get('recall_csrf')!;
      const signedInToken = await member.client.csrfFrom('/logout');
      const out = await member.client.submit('/logout', {}, '/logout');
      assert.equal(out.statusCode, 303);
      assert.notEqual(member.client.cookies.get('recall_csrf'), oldSecret);
      assert.equal(await whoIs(withSession(oldSession)), null);
      // The signed-in token, tried by the signed-out browser on the log-in form, is refused.
      const retry = await member.client.post('/login', {
        _csrf: signedInToken,
        login: member.handle,
        password: PASSWORD,
      });
      assert.equal(retry.statusCode, 403);
    });

    it("keeps visitors' forms working without a session: log in and the self-test", async () => {
      const visitor = new BrowserClient(t.app);
      const wrong = await visitor.submit('/login', { login: 'nobody-here', password: 'not the password' });
      assert.equal(wrong.statusCode, 401, 'the form is checked, not refused as forged');
      const test = await visitor.submit('/sets/1/test', {});
      assert.ok([200, 400].includes(test.statusCode), `self-test answered ${test.statusCode}`);
      assert.doesNotMatch(test.body, FORGED);
      // A visitor's token is bound to that visitor's own secret: another visitor cannot use it.
      const other = new BrowserClient(t.app);
      await other.get('/login');
      const stolen = await visitor.csrfFrom('/login');
      assert.equal(
        (await other.post('/login', { _csrf: stolen, login: 'x', password: 'y' })).statusCode,
        403,
      );
    });
  });
}
