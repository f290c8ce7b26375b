/**
 * Replays the log-in and sign-up attacks of issue 19 (point 4) on both engines: strangers can no longer
 * lock an owner out, guesses meet growing delays, correct log-ins do not count, handle and email are
 * one account, and parallel guesses are counted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LOGIN_POLICIES } from '../../src/services/auth/login-throttle.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PASSWORD = 'orchard lantern bicycle';

for (const factory of testDatabases()) {
  describe(`log-in throttling on ${factory.dialect}`, () => {
    let t: TestApp;
    let counter = 0;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    /** An owner who signed up on their own device (which now carries a device cookie). */
    async function owner() {
      counter += 1;
      const handle = `owner-${counter}`;
      const device = new BrowserClient(t.app);
      const response = await device.submit('/signup', {
        displayName: 'Owner',
        handle,
        email: `${handle}@example.org`,
        password: PASSWORD,
      });
      assert.equal(response.statusCode, 303);
      assert.ok(device.cookies.has('recall_device'), 'signing up marks the device as known');
      await device.submit('/logout', {}, '/logout');
      return { handle, email: `${handle}@example.org`, device };
    }

    const attempt = (client: BrowserClient, login: string, password: string) =>
      client.submit('/login', { login, password });

    it('eleven wrong passwords from a stranger: the stranger is delayed, the owner logs in at once', async () => {
      const { handle, device } = await owner();
      const stranger = new BrowserClient(t.app);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await attempt(stranger, handle, `guess number ${i}`)).statusCode);
      const free = LOGIN_POLICIES.accountClient.free;
      assert.deepEqual(statuses.slice(0, free + 1), Array<number>(free + 1).fill(401));
      assert.deepEqual(new Set(statuses.slice(free + 1)), new Set([429]));
      const refused = await attempt(stranger, handle, 'one more guess');
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.headers['retry-after'], '1');
      assert.match(refused.body, /Please wait 1 second and try again/);
      assert.match(refused.body, /value="owner-/, 'the form comes back with the handle kept');

      // The owner, on the device they signed up with: at once, even from the stranger's address.
      Object.defineProperty(device, 'remoteAddress', { value: stranger.remoteAddress });
      const mine = await attempt(device, handle, PASSWORD);
      assert.equal(mine.statusCode, 303, 'the owner’s device is let in');
      // And on a new device from another address.
      const newPhone = await attempt(new BrowserClient(t.app), handle, PASSWORD);
      assert.equal(newPhone.statusCode, 303, 'a new device elsewhere is let in too');
    });

    it('each guess after the free ones waits twice as long as the last: 1, 2, 4, 8, 16 s', async () => {
      const { handle } = await owner();
      const stranger = new BrowserClient(t.app);
      for (let i = 0; i < LOGIN_POLICIES.accountClient.free; i++)
        await attempt(stranger, handle, `wrong ${i}`);
      const waits: number[] = [];
      for (let i = 0; i < 5; i++) {
        assert.equal((await attempt(stranger, handle, `wrong again ${i}`)).statusCode, 401);
        const refused = await attempt(stranger, handle, 'too soon');
        assert.equal(refused.statusCode, 429);
        const wait = Number(refused.headers['retry-after']);
        waits.push(wait);
        t.clock.advance(wait * 1000);
      }
      assert.deepEqual(waits, [1, 2, 4, 8, 16]);
    });

    it('correct log-ins never count towards the limit', async () => {
      const { handle } = await owner();
      const shared = new BrowserClient(t.app);
      for (let i = 0; i < 20; i++) {
        shared.cookies.clear();
        assert.equal((await attempt(shared, handle, PASSWORD)).statusCode, 303, `log-in ${i + 1}`);
      }
      shared.cookies.clear();
      for (let i = 0; i < LOGIN_POLICIES.accountClient.free + 1; i++) {
        assert.equal((await attempt(shared, handle, 'a wrong password')).statusCode, 401, `failure ${i + 1}`);
      }
    });

    it('the handle and the email are one account: guesses by either count together', async () => {
      const { handle, email } = await owner();
      const stranger = new BrowserClient(t.app);
      const free = LOGIN_POLICIES.accountClient.free;
      const statuses: number[] = [];
      for (let i = 0; i <= free; i++) {
        statuses.push((await attempt(stranger, i % 2 === 0 ? handle : email, `wrong ${i}`)).statusCode);
      }
      assert.deepEqual(new Set(statuses), new Set([401]));
      assert.equal((await attempt(stranger, email, 'wrong')).statusCode, 429);
      assert.equal((await attempt(stranger, handle, 'wrong')).statusCode, 429);
    });

    it('parallel guesses are counted one after another', async () => {
      const { handle } = await owner();
      const stranger = new BrowserClient(t.app);
      const token = await stranger.csrfFrom('/login');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stranger.post('/login', { _csrf: token, login: handle, password: `parallel ${i}` }),
        ),
      );
      const checked = answers.filter((answer) => answer.statusCode === 401).length;
      assert.equal(checked, LOGIN_POLICIES.accountClient.free + 1);
      assert.equal(answers.filter((answer) => answer.statusCode === 429).length, 20 - checked);
    });

    it('a forged or borrowed device cookie is ignored', async () => {
      const { handle, device } = await owner();
      const other = await owner();
      const stranger = new BrowserClient(t.app);
      // The stranger copies the other owner's real device cookie, and then one with a forged signature.
      stranger.cookies.set('recall_device', other.device.cookies.get('recall_device')!);
      for (let i = 0; i <= LOGIN_POLICIES.accountClient.free; i++)
        await attempt(stranger, handle, `wrong ${i}`);
      assert.equal((await attempt(stranger, handle, PASSWORD)).statusCode, 429, 'not this account’s device');
      const [userId] = device.cookies.get('recall_device')!.split('.');
      stranger.cookies.set('recall_device', `${userId}.AAAAAAAAAAAAAAAAAAAAAA.forged-signature`);
      assert.equal((await attempt(stranger, handle, PASSWORD)).statusCode, 429, 'a forged cookie');
      assert.equal((await attempt(device, handle, PASSWORD)).statusCode, 303, 'the real device');
    });

    it('an unknown account is throttled exactly like a real one', async () => {
      const stranger = new BrowserClient(t.app);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await attempt(stranger, 'no-such-account', `x ${i}`)).statusCode);
      const real = new BrowserClient(t.app);
      const { handle } = await owner();
      const realStatuses: number[] = [];
      for (let i = 0; i < 8; i++) realStatuses.push((await attempt(real, handle, `x ${i}`)).statusCode);
      assert.deepEqual(statuses, realStatuses);
    });

    it('the API log-in keeps working: throttled the same way, with a device cookie and a new CSRF token', async () => {
      const { handle } = await owner();
      const client = new BrowserClient(t.app);
      const first = await client.get('/api/v1/session');
      const visitorToken = first.json<{ csrfToken: string }>().csrfToken;
      const login = await client.request({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/json', 'x-csrf-token': visitorToken },
        payload: JSON.stringify({ login: handle, password: PASSWORD }),
      });
      assert.equal(login.statusCode, 200);
      assert.ok(client.cookies.has('recall_device'));
      const { csrfToken, user } = login.json<{ csrfToken: string; user: { handle: string } }>();
      assert.equal(user.handle, handle);
      assert.notEqual(csrfToken, visitorToken);
      const stranger = new BrowserClient(t.app);
      const strangerToken = (await stranger.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      let last;
      for (let i = 0; i < 7; i++) {
        last = await stranger.request({
          method: 'POST',
          url: '/api/v1/session',
          headers: { 'content-type': 'application/json', 'x-csrf-token': strangerToken },
          payload: JSON.stringify({ login: handle, password: `nope ${i}` }),
        });
      }
      assert.ok(last);
      assert.equal(last.statusCode, 429);
      assert.equal(last.headers['retry-after'], '1');
      assert.equal(last.json<{ code: string }>().code, 'rate_limited');
    });
  });
}
