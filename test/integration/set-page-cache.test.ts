import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const views = (html: string) =>
  Number(/<dt>Views<\/dt><dd>([\d,]+)<\/dd>/.exec(html)?.[1]?.replace(/,/g, ''));

/** A public set of the member's, made through the API: its id and its page's address. */
async function publicSet(author: TestMember, title: string, card: { title: string | null; body: string }) {
  const created = await author.client.api('POST', '/api/v1/sets', {
    title,
    subtitle: null,
    subject: 'Caching',
    topic: null,
    level: null,
    examBoard: null,
    visibility: 'public',
    cards: [card],
  });
  return created.json<{ id: number; links: { html: string } }>();
}

for (const factory of testDatabases()) {
  describe(`cached card-set pages on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('serves visitors the same page, fresh after every edit, comment and rating, counting each visitor', async () => {
      const author = await quickMember(t, 'Author');
      const reader = await quickMember(t, 'Reader');
      const { id, links } = await publicSet(author, 'Cached set', { title: 'One', body: 'First version' });
      const visitor = new BrowserClient(t.app);
      const first = await visitor.get(links.html);
      const second = await visitor.get(links.html);
      assert.equal(first.statusCode, 200);
      assert.equal(second.body, first.body, 'the same page, served from the cache');
      // The visitor counts once however often they reload (view-counts.test.ts); another visitor counts
      // too, and a cached page shows the count as it was up to a minute ago.
      await new BrowserClient(t.app).get(links.html);
      await t.container.views.flush();
      assert.equal((await t.container.ctx.repos.cardSets.findSummary(id))!.viewCount, 2);
      t.clock.advance(61_000);
      assert.equal(views((await new BrowserClient(t.app).get(links.html)).body), 3);
      assert.ok(!first.body.includes('/untitled'), 'no topic, no topic link');
      assert.ok(!first.body.includes('name="_csrf"'), 'no per-visitor token in a shared page');

      const { revision, cards } = (await author.client.api('GET', `/api/v1/sets/${id}/edit`)).json<{
        revision: number;
        cards: { id: number }[];
      }>();
      const edited = await author.client.api('PUT', `/api/v1/sets/${id}`, {
        title: 'Cached set',
        subtitle: null,
        subject: 'Caching',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        revision,
        cards: [{ id: cards[0]!.id, title: 'One', body: 'Second version' }],
      });
      assert.equal(edited.statusCode, 200);
      assert.match((await visitor.get(links.html)).body, /Second version/);

      assert.equal(
        (await reader.client.api('POST', `/api/v1/sets/${id}/comments`, { body: 'Nice cache' })).statusCode,
        201,
      );
      assert.match((await visitor.get(links.html)).body, /Nice cache/);
      assert.equal(
        (await reader.client.api('PUT', `/api/v1/sets/${id}/rating`, { stars: 4 })).statusCode,
        200,
      );
      assert.match((await visitor.get(links.html)).body, /4(\.0)? out of 5/);

      const member = await reader.client.get(links.html);
      assert.match(member.body, /Log out/, 'members get their own page');
      assert.ok(!(await visitor.get(links.html)).body.includes('Log out'));
    });

    it('shows the next visitor every later change to its comments and ratings, whoever makes it', async () => {
      const author = await quickMember(t, 'Author');
      const reader = await quickMember(t, 'Reader');
      const moderator = await quickMember(t, 'Moderator', 'moderator');
      const { id, links } = await publicSet(author, 'Talked-about set', { title: 'One', body: 'A card' });
      const visitor = new BrowserClient(t.app);
      const page = async () => (await visitor.get(links.html)).body;
      const comment = (
        await reader.client.api('POST', `/api/v1/sets/${id}/comments`, { body: 'First words' })
      ).json<{ id: number }>();
      await reader.client.api('PUT', `/api/v1/sets/${id}/rating`, { stars: 2 });
      assert.match(await page(), /First words/);
      assert.equal(await page(), await page(), 'served from the cache between changes');

      await reader.client.api('PATCH', `/api/v1/comments/${comment.id}`, { body: 'Second words' });
      assert.match(await page(), /Second words/, 'an edit');
      await moderator.client.api('POST', `/api/v1/moderation/comments/${comment.id}/hide`);
      assert.doesNotMatch(await page(), /Second words/, 'hidden by a moderator');
      await moderator.client.api('POST', `/api/v1/moderation/comments/${comment.id}/restore`);
      assert.match(await page(), /Second words/, 'restored');
      await reader.client.api('DELETE', `/api/v1/comments/${comment.id}`);
      assert.doesNotMatch(await page(), /Second words/, 'deleted by its author');

      assert.match(await page(), /2(\.0)? out of 5/);
      await reader.client.api('DELETE', `/api/v1/sets/${id}/rating`);
      assert.doesNotMatch(await page(), /out of 5/, 'the rating taken back');
    });

    it('ignores a notice cookie Recall did not sign: the page still comes from the cache, with no forged notice', async () => {
      const author = await quickMember(t, 'Notice author');
      const { id, links } = await publicSet(author, 'Set behind a notice', {
        title: 'One',
        body: 'As first written',
      });
      assert.equal((await new BrowserClient(t.app).get(links.html)).statusCode, 200);
      // Changed behind the cache's back (no new revision): only a page rendered afresh shows it.
      await t.container.database.db
        .updateTable('card_sets')
        .set({ subtitle: 'Changed behind the cache' })
        .where('id', '=', id)
        .execute();

      const forged = new BrowserClient(t.app);
      forged.cookies.set('recall_notice', 'You have won a prize');
      const page = await forged.get(links.html);
      assert.equal(page.statusCode, 200);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Changed behind the cache/, 'served from the cache');
      assert.doesNotMatch(page.body, /You have won a prize/);

      // A notice Recall signed is shown, on a page rendered for that browser alone.
      const notified = new BrowserClient(t.app);
      notified.cookies.set('recall_notice', t.app.signCookie('Saved to your folder'));
      const own = await notified.get(links.html);
      assert.match(own.body, /Saved to your folder/);
      assert.match(own.body, /Changed behind the cache/);
    });

    it('stops serving a page as soon as its set is made private or hidden', async () => {
      const author = await quickMember(t, 'Hider');
      const moderator = await quickMember(t, 'Mod', 'moderator');
      const { id, links } = await publicSet(author, 'Soon hidden', { title: null, body: 'x' });
      const visitor = new BrowserClient(t.app);
      assert.equal((await visitor.get(links.html)).statusCode, 200);
      assert.equal(
        (await moderator.client.api('POST', `/api/v1/moderation/sets/${id}/hide`)).statusCode,
        204,
      );
      assert.equal((await visitor.get(links.html)).statusCode, 404);
    });
  });
}
