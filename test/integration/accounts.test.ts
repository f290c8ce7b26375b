import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashToken } from '../../src/services/auth/accounts.js';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

for (const factory of testDatabases()) {
  describe(`accounts on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('signs up, is logged in with an httpOnly SameSite=Lax session cookie, and stores only a hash', async () => {
      const client = new BrowserClient(t.app);
      const token = await client.csrfFrom('/signup');
      const response = await client.post('/signup', {
        _csrf: token,
        displayName: 'Ada Lovelace',
        handle: 'Ada',
        email: 'Ada@Example.org',
        password: 'analytical engine 1843',
      });
      assert.equal(response.statusCode, 303);
      const cookie = response.cookies.find((c) => c.name === 'recall_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const home = await client.get('/');
      assert.match(home.body, /Welcome to Recall, Ada Lovelace/);
      assert.match(home.body, /href="\/users\/ada">Ada Lovelace</);
      const user = await t.container.ctx.repos.users.findByHandle('ada');
      assert.ok(user);
      assert.equal(await t.container.ctx.repos.users.findEmail(user.id), 'ada@example.org');
      assert.match(user.password_hash!, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
      assert.ok(!user.password_hash!.includes('analytical'));
      const stored = await t.container.database.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.some((row) => row.token_hash === hashToken(cookie.value)));
      assert.ok(!stored.some((row) => row.token_hash === cookie.value), 'the token itself is not stored');
    });

    it('returns to where the visitor was after signing up, as after logging in, never to another site', async () => {
      const client = new BrowserClient(t.app);
      const form = await client.get('/signup?next=%2Fsets%2F1%2Fstudy%3Ftag%3Dweimar');
      assert.match(form.body, /<input type="hidden" name="next" value="\/sets\/1\/study\?tag=weimar"/);
      const back = await client.submit(
        '/signup',
        {
          displayName: 'Returning student',
          handle: 'returner',
          email: 'returner@example.org',
          password: 'a long enough password',
          next: '/sets/1/study?tag=weimar',
        },
        '/signup?next=%2Fsets%2F1%2Fstudy%3Ftag%3Dweimar',
      );
      assert.equal(back.statusCode, 303);
      assert.equal(back.headers.location, '/sets/1/study?tag=weimar');
      for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
        const other = new BrowserClient(t.app);
        const response = await other.submit('/signup', {
          displayName: 'Elsewhere',
          handle: `elsewhere${next.length}`,
          email: `elsewhere${next.length}@example.org`,
          password: 'a long enough password',
          next,
        });
        assert.equal(response.headers.location, '/', next);
      }
      // The header's links carry the page they were followed from; the log-in page passes it on.
      const visitor = new BrowserClient(t.app);
      const search = await visitor.get('/search?q=stalin');
      assert.match(search.body, /href="\/signup\?next=%2Fsearch"/);
      const logIn = await visitor.get('/login?next=%2Fsets%2F1%2Fstudy');
      assert.match(logIn.body, /New here\? <a href="\/signup\?next=%2Fsets%2F1%2Fstudy">Sign up<\/a>/);
    });

    it('re-renders the sign-up form with a message per field and the input kept', async () => {
      const client = new BrowserClient(t.app);
      const response = await client.submit('/signup', {
        displayName: '<b>Bob</b>',
        handle: 'x',
        email: 'not-an-email',
        password: 'short',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /value="&lt;b>Bob&lt;\/b>"/);
      assert.match(response.body, /id="field-handle-error"/);
      assert.match(response.body, /id="field-email-error"/);
      assert.match(response.body, /id="field-password-error"/);
      assert.ok(!response.body.includes('value="short"'), 'passwords are never echoed');
    });

    it('refuses a field far beyond its limit before anything reads it, naming the field and keeping the rest', async () => {
      const client = new BrowserClient(t.app);
      const response = await client.submit('/signup', {
        displayName: 'Bob',
        handle: 'h'.repeat(5_000),
        email: 'bob@example.org',
        password: 'a long enough passphrase',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /id="field-handle-error"/);
      assert.match(response.body, /At most 30 characters \(this has 5,000\)/);
      assert.match(response.body, /value="bob@example.org"/);
      assert.ok(!response.body.includes('a long enough passphrase'), 'passwords are never echoed');
      assert.deepEqual(await t.container.ctx.repos.users.findByEmail('bob@example.org', 1), [], 'no account');
    });

    it('refuses a taken handle with 409, but never says whether an email is registered', async () => {
      await signedUpClient(t.app, 'Taken');
      const client = new BrowserClient(t.app);
      const response = await client.submit('/signup', {
        displayName: 'Copy',
        handle: 'ada',
        email: 'ADA@example.org',
        password: 'another long password',
      });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /This handle is taken/);
      assert.ok(
        !/email/i.test(response.body.split('error-summary')[1]!.split('</ul>')[0]!),
        'no word on the email',
      );

      // A stranger probing an address gets exactly what a new address gets.
      const probe = async (email: string) => {
        const prober = new BrowserClient(t.app);
        const answer = await prober.submit('/signup', {
          displayName: 'Prober',
          handle: `prober-${email.length}-${Math.random().toString(36).slice(2, 8)}`,
          email,
          password: 'a probing long password',
        });
        return {
          status: answer.statusCode,
          location: answer.headers.location,
          cookies: answer.cookies.map((c) => c.name).sort(),
          notice: (await prober.get('/')).body.includes('Welcome to Recall, Prober'),
        };
      };
      assert.deepEqual(await probe('ada@example.org'), await probe('never-used@example.org'));
      // Both accounts sharing the address log in with it, each with its own password.
      const owner = await new BrowserClient(t.app).submit('/login', {
        login: 'ada@example.org',
        password: 'analytical engine 1843',
      });
      assert.equal(owner.statusCode, 303);
      const other = await new BrowserClient(t.app).submit('/login', {
        login: 'ada@example.org',
        password: 'a probing long password',
      });
      assert.equal(other.statusCode, 303);
    });

    it('logs in by handle or email, and refuses a wrong password without saying which part was wrong', async () => {
      const wrong = await new BrowserClient(t.app).submit('/login', {
        login: 'ada',
        password: 'wrong password!',
      });
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.body, /do not match an account/);
      assert.match(wrong.body, /value="ada"/);
      const unknown = await new BrowserClient(t.app).submit('/login', {
        login: 'nobody',
        password: 'wrong password!',
      });
      assert.equal(unknown.statusCode, 401);
      for (const login of ['ada', 'ADA@example.org']) {
        const client = new BrowserClient(t.app);
        const ok = await client.submit('/login', {
          login,
          password: 'analytical engine 1843',
          next: '/subjects',
        });
        assert.equal(ok.statusCode, 303);
        assert.equal(ok.headers.location, '/subjects');
      }
    });

    it('sends a visitor who posts a form to log in, then back to the page the form was on', async () => {
      const visitor = new BrowserClient(t.app);
      const token = await visitor.csrfFrom('/login');
      const response = await visitor.request({
        method: 'POST',
        url: '/sets/1/comments',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          referer: 'http://localhost:80/sets/1/persecution-and-control?x=1',
          host: 'localhost:80',
        },
        payload: new URLSearchParams({ _csrf: token, body: 'Hello' }).toString(),
      });
      assert.equal(response.statusCode, 303);
      assert.equal(
        response.headers.location,
        `/login?next=${encodeURIComponent('/sets/1/persecution-and-control?x=1')}`,
      );
    });

    it('never redirects to another site after logging in', async () => {
      const client = new BrowserClient(t.app);
      const response = await client.submit('/login', {
        login: 'ada',
        password: 'analytical engine 1843',
        next: '//evil.example/x',
      });
      assert.equal(response.headers.location, '/');
    });

    it('logging out ends the session on the server, not just in the browser', async () => {
      const client = new BrowserClient(t.app);
      await client.submit('/login', { login: 'ada', password: 'analytical engine 1843' });
      const token = client.cookies.get('recall_session')!;
      const out = await client.submit('/logout', {}, '/logout');
      assert.equal(out.statusCode, 303);
      const replay = await t.app.inject({
        method: 'GET',
        url: '/me/password',
        headers: { cookie: `recall_session=${token}` },
      });
      assert.equal(replay.statusCode, 303, 'the old cookie no longer logs anyone in');
      assert.match(replay.headers.location as string, /^\/login/);
    });

    it('changes the password, logging out other sessions', async () => {
      const { client, handle } = await signedUpClient(t.app, 'Changer');
      const other = new BrowserClient(t.app);
      await other.submit('/login', { login: handle, password: 'correct horse battery staple' });
      const bad = await client.submit('/me/password', {
        currentPassword: 'nope nope nope',
        newPassword: 'a brand new password',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /This is not your current password/);
      const ok = await client.submit('/me/password', {
        currentPassword: 'correct horse battery staple',
        newPassword: 'a brand new password',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal((await other.get('/me/password')).statusCode, 303, 'the other device is logged out');
      assert.equal((await client.get('/me/password')).statusCode, 200, 'this device stays logged in');
      const relogin = await new BrowserClient(t.app).submit('/login', {
        login: handle,
        password: 'a brand new password',
      });
      assert.equal(relogin.statusCode, 303);
    });

    it('refuses a form post without a valid CSRF token, or from another site', async () => {
      const client = new BrowserClient(t.app);
      await client.get('/login');
      const missing = await client.post('/login', { login: 'ada', password: 'analytical engine 1843' });
      assert.equal(missing.statusCode, 403);
      const forged = await client.post('/login', {
        _csrf: 'forged-token',
        login: 'ada',
        password: 'analytical engine 1843',
      });
      assert.equal(forged.statusCode, 403);
      const token = await client.csrfFrom('/login');
      const crossSite = await client.request({
        method: 'POST',
        url: '/login',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
        payload: new URLSearchParams({
          _csrf: token,
          login: 'ada',
          password: 'analytical engine 1843',
        }).toString(),
      });
      assert.equal(crossSite.statusCode, 403);
      const fetchMetadata = await client.request({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
        payload: new URLSearchParams({
          _csrf: token,
          login: 'ada',
          password: 'analytical engine 1843',
        }).toString(),
      });
      assert.equal(fetchMetadata.statusCode, 403, 'Sec-Fetch-Site: cross-site');
      // Chromium sends "Origin: null" on same-origin form posts under some referrer policies.
      const sameOrigin = await client.request({
        method: 'POST',
        url: '/login',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
          origin: 'null',
        },
        payload: new URLSearchParams({
          _csrf: token,
          login: 'ada',
          password: 'analytical engine 1843',
        }).toString(),
      });
      assert.equal(sameOrigin.statusCode, 303, 'a same-origin post is accepted');
      // Another visitor's token does not match this visitor's secret.
      const stranger = new BrowserClient(t.app);
      const strangerToken = await stranger.csrfFrom('/login');
      const swapped = await client.post('/login', {
        _csrf: strangerToken,
        login: 'ada',
        password: 'analytical engine 1843',
      });
      assert.equal(swapped.statusCode, 403);
    });
  });
}
