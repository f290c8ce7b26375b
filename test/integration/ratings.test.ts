import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ApiRating {
  average: number | null;
  count: number;
  yours: number | null;
  canRate: boolean;
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`ratings on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Author');
    });
    after(async () => {
      await t?.close();
    });

    const rate = (member: TestMember, setId: number, stars: number) =>
      member.client.api('PUT', `/api/v1/sets/${setId}/rating`, { stars });
    const summary = async (setId: number) =>
      (await new BrowserClient(t.app).api('GET', `/api/v1/sets/${setId}/rating`)).json<ApiRating>();

    it('shows "Not yet rated" in the resource information of a set nobody has rated', async () => {
      const set = await setBy(t, author.userId, { title: 'Unrated' });
      const page = text((await t.app.inject({ method: 'GET', url: set.path })).body);
      assert.ok(page.includes('Rating Not yet rated'));
      assert.deepEqual(await summary(set.id), { average: null, count: 0, yours: null, canRate: false });
    });

    it('rates with one tap on a star (five submit buttons in a fieldset) and shows the average and count', async () => {
      const set = await setBy(t, author.userId, { title: 'Rated on the page' });
      const member = await quickMember(t, 'Rater');
      const form = (await member.client.get(set.path)).body;
      assert.match(form, /<fieldset[^>]*><legend>Tap a star to rate<\/legend>/);
      assert.equal(form.match(/<button type="submit" name="stars" value="[1-5]"/g)?.length, 5);
      assert.equal(form.match(/aria-pressed="true"/g), null, 'no star pressed before rating');
      const response = await member.client.submit(`/sets/${set.id}/rating`, { stars: '4' }, set.path);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${set.path}#rate`);
      const page = await member.client.get(set.path);
      assert.ok(text(page.body).includes('Rating 4.0 out of 5 (1 rating)'));
      assert.match(page.body, /name="stars" value="4" class="star-button is-on" aria-pressed="true"/);
      assert.equal(page.body.match(/class="star-button is-on"/g)?.length, 4, 'the stars up to it are filled');
      assert.match(page.body, /Your rating \(tap to change\)/);
      const missing = await member.client.submit(`/sets/${set.id}/rating`, {}, set.path);
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /id="field-stars-error"/);
      assert.match(missing.body, /Choose from 1 to 5 stars/);
    });

    it('keeps one rating per member: rating again changes it, and it can be removed', async () => {
      const set = await setBy(t, author.userId, { title: 'Changed minds' });
      const member = await quickMember(t, 'Changer');
      assert.equal((await rate(member, set.id, 2)).statusCode, 200);
      const changed = await rate(member, set.id, 5);
      assert.deepEqual(changed.json<ApiRating>(), { average: 5, count: 1, yours: 5, canRate: true });
      const removed = await member.client.api('DELETE', `/api/v1/sets/${set.id}/rating`);
      assert.equal(removed.statusCode, 204);
      assert.deepEqual(await summary(set.id), { average: null, count: 0, yours: null, canRate: false });
      await rate(member, set.id, 3);
      const viaPage = await member.client.submit(`/sets/${set.id}/rating/delete`, {}, set.path);
      assert.equal(viaPage.statusCode, 303);
      assert.equal((await summary(set.id)).count, 0);
    });

    it('averages exactly, to one decimal: 5, 4 and 4 stars read "4.3 out of 5 (3 ratings)"', async () => {
      const set = await setBy(t, author.userId, { title: 'Three ratings' });
      for (const stars of [5, 4, 4]) await rate(await quickMember(t, 'Voter'), set.id, stars);
      assert.deepEqual(await summary(set.id), { average: 4.3, count: 3, yours: null, canRate: false });
      const page = text((await t.app.inject({ method: 'GET', url: set.path })).body);
      assert.ok(page.includes('Rating 4.3 out of 5 (3 ratings)'));
    });

    it('refuses a rating of your own set with 403, and out-of-range stars with 400', async () => {
      const set = await setBy(t, author.userId, { title: 'Mine to not rate' });
      const own = await rate(author, set.id, 5);
      assert.equal(own.statusCode, 403);
      assert.equal((await summary(set.id)).count, 0);
      const page = await author.client.get(set.path);
      assert.ok(!page.body.includes('name="stars"'), 'no rating form on your own set');
      assert.match(page.body, /You cannot rate your own set/);
      const member = await quickMember(t, 'Overenthusiastic');
      assert.equal((await rate(member, set.id, 6)).statusCode, 400);
      assert.equal((await rate(member, set.id, 0)).statusCode, 400);
      assert.equal(
        (await new BrowserClient(t.app).api('PUT', `/api/v1/sets/${set.id}/rating`, { stars: 3 })).statusCode,
        401,
      );
    });

    it('answers 404 for a private set of someone else', async () => {
      const set = await setBy(t, author.userId, { title: 'Private ratings', visibility: 'private' });
      const member = await quickMember(t, 'Outsider');
      assert.equal((await rate(member, set.id, 4)).statusCode, 404);
      assert.equal((await member.client.api('GET', `/api/v1/sets/${set.id}/rating`)).statusCode, 404);
    });

    it('counts 50 members rating at once exactly, and again when they change or remove ratings at once', async () => {
      const set = await setBy(t, author.userId, { title: 'Popular set' });
      const members: TestMember[] = [];
      for (let i = 0; i < 50; i++) members.push(await quickMember(t, `Crowd ${i}`));
      // Fetch each member's CSRF token first, so that the writes themselves race.
      const tokens = await Promise.all(
        members.map(
          async (m) => (await m.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken,
        ),
      );
      const put = (index: number, stars: number) =>
        members[index]!.client.request({
          method: 'PUT',
          url: `/api/v1/sets/${set.id}/rating`,
          headers: { 'content-type': 'application/json', 'x-csrf-token': tokens[index]! },
          payload: JSON.stringify({ stars }),
        });
      const first = await Promise.all(members.map((_m, i) => put(i, (i % 5) + 1)));
      assert.ok(first.every((r) => r.statusCode === 200));
      assert.deepEqual(await summary(set.id), { average: 3, count: 50, yours: null, canRate: false });

      // Everyone at once again: the first 20 change to 5 stars, the next 20 rate the same again, the last 10 remove.
      const second = await Promise.all(
        members.map((m, i) =>
          i < 20
            ? put(i, 5)
            : i < 40
              ? put(i, (i % 5) + 1)
              : m.client.request({
                  method: 'DELETE',
                  url: `/api/v1/sets/${set.id}/rating`,
                  headers: { 'x-csrf-token': tokens[i]! },
                }),
        ),
      );
      assert.ok(second.every((r) => r.statusCode === 200 || r.statusCode === 204));
      // 20 × 5 + (i = 20..39: each of 1..5 four times = 60) = 160 over 40 ratings.
      assert.deepEqual(await summary(set.id), { average: 4, count: 40, yours: null, canRate: false });
      // The copy kept on the set for "top rated" listings is exact too.
      const stats = await t.container.database.db
        .selectFrom('card_sets')
        .select(['rating_count', 'rating_score'])
        .where('id', '=', set.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual({ ...stats }, { rating_count: 40, rating_score: 400 });
      const rows = await t.container.database.db
        .selectFrom('ratings')
        .select(['stars'])
        .where('card_set_id', '=', set.id)
        .execute();
      assert.equal(rows.length, 40);
      assert.equal(
        rows.reduce((sum, row) => sum + row.stars, 0),
        160,
      );
      const page = text((await t.app.inject({ method: 'GET', url: set.path })).body);
      assert.ok(page.includes('Rating 4.0 out of 5 (40 ratings)'));
    });
  });
}
