import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setRole } from '../../src/services/auth/accounts.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ApiQueue {
  items: {
    id: number;
    target: { type: string; id: number; body: string | null; set: { id: number; hidden: boolean } | null };
    reporter: { handle: string };
    reason: string;
  }[];
  openCount: number;
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`profiles on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('shows a member’s name, handle, joined date and public sets to everyone', async () => {
      const ada = await quickMember(t, 'Ada Lovelace');
      await setBy(t, ada.userId, { title: 'Public engines' });
      await setBy(t, ada.userId, { title: 'Unlisted engines', visibility: 'unlisted' });
      await setBy(t, ada.userId, { title: 'Private engines', visibility: 'private' });
      const page = await new BrowserClient(t.app).get(`/users/${ada.handle}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Ada Lovelace<\/h1>/);
      assert.ok(page.body.includes(`@${ada.handle}`));
      assert.ok(text(page.body).includes('Joined on 27 November 2026'));
      assert.ok(page.body.includes('Public engines'));
      assert.ok(!page.body.includes('Unlisted engines'));
      assert.ok(!page.body.includes('Private engines'));
      assert.ok(!page.body.includes('/me/password'));
      const other = await quickMember(t, 'Other');
      assert.ok(!(await other.client.get(`/users/${ada.handle}`)).body.includes('Private engines'));
    });

    it('shows the owner all of their sets, marked, with a link to change the password', async () => {
      const owner = await quickMember(t, 'Owner');
      await setBy(t, owner.userId, { title: 'Open notes' });
      await setBy(t, owner.userId, { title: 'Link-only notes', visibility: 'unlisted' });
      const hidden = await setBy(t, owner.userId, { title: 'Private notes', visibility: 'private' });
      await t.container.ctx.repos.cardSets.setStatus(hidden.id, 'hidden');
      const page = await owner.client.get(`/users/${owner.handle}`);
      const body = text(page.body);
      assert.ok(body.includes('Your card sets'));
      assert.ok(body.includes('Open notes'));
      assert.ok(body.includes('Link-only notes Unlisted'));
      assert.ok(body.includes('Private notes Private Hidden by a moderator'));
      assert.match(page.body, /<a href="\/me\/password">Change password<\/a>/);
    });

    it('answers 404 for an unknown handle, and sends other spellings to the one address', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/users/nobody-here' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/users/%3Cscript%3E' })).statusCode, 404);
      const member = await quickMember(t, 'Casey');
      const upper = await t.app.inject({ method: 'GET', url: `/users/${member.handle.toUpperCase()}` });
      assert.equal(upper.statusCode, 301);
      assert.equal(upper.headers.location, `/users/${member.handle}`);
    });
  });

  describe(`moderation on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    let member: TestMember;
    let moderator: TestMember;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Author');
      member = await quickMember(t, 'Reporter');
      moderator = await quickMember(t, 'Mod');
      await setRole(t.container.ctx, moderator.handle, 'moderator');
    });
    after(async () => {
      await t?.close();
    });

    const queue = async () =>
      (await moderator.client.api('GET', '/api/v1/moderation/reports')).json<ApiQueue>();

    it('keeps the queue to moderators and admins: members get 403, visitors are asked to log in', async () => {
      const visitor = new BrowserClient(t.app);
      const page = await visitor.get('/moderation');
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/login?next=%2Fmoderation');
      assert.equal((await visitor.api('GET', '/api/v1/moderation/reports')).statusCode, 401);
      assert.equal((await member.client.get('/moderation')).statusCode, 403);
      assert.equal((await member.client.api('GET', '/api/v1/moderation/reports')).statusCode, 403);
      assert.ok(!(await member.client.get('/')).body.includes('href="/moderation"'));
      const staff = await moderator.client.get('/moderation');
      assert.equal(staff.statusCode, 200);
      assert.match(staff.body, /No open reports/);
      assert.ok(staff.body.includes('href="/moderation"'), 'the site navigation links to it');
      const admin = await quickMember(t, 'Admin', 'admin');
      assert.equal((await admin.client.get('/moderation')).statusCode, 200);
    });

    it('lists reports on sets and comments: what, who reported, why, when, with links; all escaped', async () => {
      const set = await setBy(t, author.userId, { title: 'Reported set' });
      const reportSetPage = await member.client.get(`/sets/${set.id}/reports/new`);
      assert.equal(reportSetPage.statusCode, 200);
      assert.match(reportSetPage.body, /<label for="field-reason">Reason<\/label>/);
      const viaPage = await member.client.submit(
        `/sets/${set.id}/reports`,
        {
          reason: 'Copied <script>alert(1)</script>',
        },
        `/sets/${set.id}/reports/new`,
      );
      assert.equal(viaPage.statusCode, 303);
      assert.equal(viaPage.headers.location, set.path);
      const twice = await member.client.api('POST', `/api/v1/sets/${set.id}/reports`, { reason: 'Again' });
      assert.equal(twice.statusCode, 409);
      const comment = (
        await author.client.api('POST', `/api/v1/sets/${set.id}/comments`, {
          body: 'Buy <b>cheap</b> essays',
        })
      ).json<{ id: number }>();
      assert.equal(
        (await member.client.api('POST', `/api/v1/comments/${comment.id}/reports`, { reason: 'Advert' }))
          .statusCode,
        201,
      );

      const page = await moderator.client.get('/moderation');
      assert.equal(page.statusCode, 200);
      const body = page.body;
      assert.ok(!body.includes('<script>alert(1)'));
      assert.match(body, /Copied &lt;script(>|&gt;)alert\(1\)&lt;\/script/);
      assert.match(body, /Buy &lt;b(>|&gt;)cheap&lt;\/b(>|&gt;) essays/);
      assert.ok(body.includes(`<a href="${set.path}">“Reported set”</a>`));
      assert.ok(body.includes(`<a href="${set.path}#comment-${comment.id}">“Reported set”</a>`));
      assert.ok(body.includes(`<a href="/users/${member.handle}">Reporter</a>`));
      assert.ok(text(body).includes('on 27 November 2026'));
      assert.match(body, new RegExp(`action="/moderation/sets/${set.id}/hide"`));
      assert.match(body, new RegExp(`action="/moderation/comments/${comment.id}/hide"`));
      assert.match(body, /Resolve \(dismiss\)<span class="visually-hidden"> the report by Reporter/);
      const api = await queue();
      assert.equal(api.openCount, 2);
      assert.deepEqual(
        api.items.map((r) => r.target.type),
        ['set', 'comment'],
      );
    });

    it('hides a reported set: only its author and staff see it, and its reports are resolved; restore undoes it', async () => {
      const set = await setBy(t, author.userId, { title: 'Set to hide' });
      await member.client.api('POST', `/api/v1/sets/${set.id}/reports`, { reason: 'Off topic' });
      assert.ok((await queue()).items.some((r) => r.target.type === 'set' && r.target.id === set.id));

      const refused = await member.client.submit(`/moderation/sets/${set.id}/hide`, {}, set.path);
      assert.equal(refused.statusCode, 403);
      assert.equal((await t.container.ctx.repos.cardSets.findSummary(set.id))?.status, 'active');

      const hidden = await moderator.client.submit(
        `/moderation/sets/${set.id}/hide`,
        { next: '/moderation' },
        '/moderation',
      );
      assert.equal(hidden.statusCode, 303);
      assert.equal(hidden.headers.location, '/moderation');
      assert.equal((await new BrowserClient(t.app).get(set.path)).statusCode, 404);
      assert.equal((await member.client.get(set.path)).statusCode, 404);
      const authorView = await author.client.get(set.path);
      assert.equal(authorView.statusCode, 200);
      assert.match(
        authorView.body,
        /Hidden by a moderator: only its author and the moderators can see this set/,
      );
      const staffView = await moderator.client.get(set.path);
      assert.match(staffView.body, new RegExp(`action="/moderation/sets/${set.id}/restore"`));
      assert.ok(
        !(await queue()).items.some((r) => r.target.type === 'set' && r.target.id === set.id),
        'resolved',
      );
      assert.equal(
        (await author.client.api('POST', `/api/v1/sets/${set.id}/comments`, { body: 'hi' })).statusCode,
        403,
      );

      assert.equal(
        (await moderator.client.api('POST', `/api/v1/moderation/sets/${set.id}/restore`)).statusCode,
        204,
      );
      assert.equal((await new BrowserClient(t.app).get(set.path)).statusCode, 200);
    });

    it('resolves (dismisses) a report without touching what was reported', async () => {
      const set = await setBy(t, author.userId, { title: 'Fine set' });
      const comment = (
        await author.client.api('POST', `/api/v1/sets/${set.id}/comments`, { body: 'A fine comment' })
      ).json<{ id: number }>();
      const report = (
        await member.client.api('POST', `/api/v1/comments/${comment.id}/reports`, { reason: 'I disagree' })
      ).json<{ id: number }>();
      assert.equal(
        (await member.client.api('POST', `/api/v1/moderation/reports/${report.id}/resolve`)).statusCode,
        403,
      );
      const resolved = await moderator.client.submit(
        `/moderation/reports/${report.id}/resolve`,
        {},
        '/moderation',
      );
      assert.equal(resolved.statusCode, 303);
      assert.ok(!(await queue()).items.some((r) => r.id === report.id));
      assert.equal((await t.container.ctx.repos.comments.findById(comment.id))?.status, 'visible');
      assert.ok((await new BrowserClient(t.app).get(set.path)).body.includes('A fine comment'));
      // Once resolved, the same member may report it again.
      assert.equal(
        (await member.client.api('POST', `/api/v1/comments/${comment.id}/reports`, { reason: 'Really' }))
          .statusCode,
        201,
      );
      assert.equal(
        (await moderator.client.api('POST', '/api/v1/moderation/reports/999999/resolve')).statusCode,
        404,
      );
    });

    it('hiding a comment from the queue resolves its reports', async () => {
      const set = await setBy(t, author.userId, { title: 'Comment queue' });
      const comment = (
        await author.client.api('POST', `/api/v1/sets/${set.id}/comments`, { body: 'Nasty words' })
      ).json<{ id: number }>();
      await member.client.api('POST', `/api/v1/comments/${comment.id}/reports`, { reason: 'Abuse' });
      const hidden = await moderator.client.api('POST', `/api/v1/moderation/comments/${comment.id}/hide`);
      assert.equal(hidden.statusCode, 204);
      assert.ok(
        !(await queue()).items.some((r) => r.target.type === 'comment' && r.target.id === comment.id),
      );
      assert.ok(!(await new BrowserClient(t.app).get(set.path)).body.includes('Nasty words'));
    });
  });
}
