import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setRole } from '../../src/services/auth/accounts.js';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ApiComment {
  id: number;
  status: string;
  placeholder: boolean;
  author: { handle: string; displayName: string } | null;
  body: string | null;
  editedAt: string | null;
  replies: ApiComment[];
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');
const commentsOf = (html: string) => html.slice(html.indexOf('id="comments-heading"'));

for (const factory of testDatabases()) {
  describe(`comments on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    let sam: TestMember;
    let kim: TestMember;
    let set: { id: number; path: string };
    before(async () => {
      t = await createTestApp(factory);
      author = await quickMember(t, 'Author');
      sam = await quickMember(t, 'Sam');
      kim = await quickMember(t, 'Kim');
      set = await setBy(t, author.userId, { title: 'Comment playground' });
    });
    after(async () => {
      await t?.close();
    });

    const post = (member: TestMember, body: string, replyTo?: number, setId = set.id) =>
      member.client.api(
        'POST',
        `/api/v1/sets/${setId}/comments`,
        replyTo === undefined ? { body } : { body, replyTo },
      );
    const list = async (client: BrowserClient = new BrowserClient(t.app), setId = set.id) =>
      (await client.api('GET', `/api/v1/sets/${setId}/comments`)).json<{ items: ApiComment[] }>().items;

    it('shows "No comments have yet been made" on a set without comments', async () => {
      const empty = await setBy(t, author.userId, { title: 'Nothing said yet' });
      const page = await t.app.inject({ method: 'GET', url: empty.path });
      assert.match(text(commentsOf(page.body)), /Comments No comments have yet been made/);
    });

    it('posts a comment from the set page and shows it with its author, keeping line breaks', async () => {
      const { client } = await signedUpClient(t.app, 'Page Poster');
      const response = await client.submit(
        `/sets/${set.id}/comments`,
        { body: 'First line\r\nsecond line' },
        set.path,
      );
      assert.equal(response.statusCode, 303);
      assert.match(response.headers.location as string, new RegExp(`^${set.path}#comment-\\d+$`));
      const page = await client.get(set.path);
      assert.match(page.body, /Your comment has been posted/);
      assert.match(page.body, /<p class="comment-body">First line\nsecond line<\/p>/);
      assert.match(commentsOf(page.body), />Page Poster<\/a>/);
      assert.ok(!commentsOf(page.body).includes('No comments have yet been made'));
    });

    it('displays comment text escaped, never as markup', async () => {
      await post(sam, '<script>alert(1)</script> & <img src=x onerror=alert(2)>');
      const page = (await t.app.inject({ method: 'GET', url: set.path })).body;
      assert.ok(!page.includes('<script>alert(1)'), 'no live script element');
      assert.ok(!page.includes('<img src=x'), 'no live img element');
      assert.match(
        page,
        /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;) &amp; &lt;img src=x onerror=alert\(2\)/,
      );
    });

    it('re-renders the comment form with the input and a message when the text is empty or too long', async () => {
      const blank = await sam.client.submit(`/sets/${set.id}/comments`, { body: '   ' }, set.path);
      assert.equal(blank.statusCode, 400);
      assert.match(blank.body, /id="field-body-error"/);
      assert.match(blank.body, /Write a comment first/);
      const long = 'x'.repeat(2001);
      const tooLong = await sam.client.submit(`/sets/${set.id}/comments`, { body: long }, set.path);
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /At most 2,000 characters/);
      assert.ok(tooLong.body.includes(`>${long}</textarea>`), 'the input is kept');
      const api = await post(sam, '');
      assert.equal(api.statusCode, 400);
    });

    it('replies attach to a comment, and a reply to a reply joins the same conversation', async () => {
      const top = (await post(sam, 'Is card 3 right?')).json<ApiComment>();
      const reply = await post(kim, 'Yes, it is.', top.id);
      assert.equal(reply.statusCode, 201);
      const replyId = reply.json<ApiComment>().id;
      const nested = await post(sam, 'Thanks!', replyId);
      assert.equal(nested.statusCode, 201);
      const thread = (await list()).find((comment) => comment.id === top.id);
      assert.ok(thread);
      assert.deepEqual(
        thread.replies.map((r) => r.body),
        ['Yes, it is.', 'Thanks!'],
      );
      assert.ok(
        thread.replies.every((r) => !('replies' in r)),
        'only one level of replies',
      );
      const row = await t.container.ctx.repos.comments.findById(nested.json<ApiComment>().id);
      assert.equal(row?.parentId, top.id);
    });

    it('replies from the reply page, whose link is named after the comment’s author', async () => {
      const top = (await post(sam, 'Reply to me on the page')).json<ApiComment>();
      const page = await kim.client.get(set.path);
      assert.ok(
        page.body.includes(
          `<a href="/comments/${top.id}/reply">Reply<span class="visually-hidden"> to Sam’s comment</span></a>`,
        ),
      );
      const form = await kim.client.get(`/comments/${top.id}/reply`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<label for="field-body">Your reply<\/label>/);
      const response = await kim.client.submit(`/comments/${top.id}/reply`, { body: 'From the reply page' });
      assert.equal(response.statusCode, 303);
      const thread = (await list()).find((comment) => comment.id === top.id);
      assert.deepEqual(
        thread?.replies.map((r) => r.body),
        ['From the reply page'],
      );
      const blank = await kim.client.submit(`/comments/${top.id}/reply`, { body: '' });
      assert.equal(blank.statusCode, 400);
      assert.match(blank.body, /class="error-summary"/);
    });

    it('edits your own comment, which then shows as edited', async () => {
      const mine = (await post(sam, 'Typo in hte comment')).json<ApiComment>();
      assert.equal(mine.editedAt, null);
      t.clock.advance(60_000);
      const edited = await sam.client.api('PATCH', `/api/v1/comments/${mine.id}`, {
        body: 'Typo in the comment',
      });
      assert.equal(edited.statusCode, 200);
      assert.equal(edited.json<ApiComment>().body, 'Typo in the comment');
      assert.notEqual(edited.json<ApiComment>().editedAt, null);
      const form = await sam.client.get(`/comments/${mine.id}/edit`);
      assert.match(form.body, />Typo in the comment<\/textarea>/);
      const viaPage = await sam.client.submit(`/comments/${mine.id}/edit`, { body: 'Edited on the page' });
      assert.equal(viaPage.statusCode, 303);
      const page = await t.app.inject({ method: 'GET', url: set.path });
      const item = page.body.slice(page.body.indexOf(`id="comment-${mine.id}"`));
      assert.match(item.slice(0, 800), /Edited on the page[\s\S]*|class="comment-edited"/);
      assert.match(item.slice(0, 800), /class="comment-edited"[^>]*>edited</);
    });

    it('refuses to edit or delete another member’s comment with 403, leaving it unchanged', async () => {
      const samsComment = (await post(sam, 'Sam wrote this')).json<ApiComment>();
      const patch = await kim.client.api('PATCH', `/api/v1/comments/${samsComment.id}`, {
        body: 'Kim was here',
      });
      assert.equal(patch.statusCode, 403);
      const remove = await kim.client.api('DELETE', `/api/v1/comments/${samsComment.id}`);
      assert.equal(remove.statusCode, 403);
      const editPage = await kim.client.get(`/comments/${samsComment.id}/edit`);
      assert.equal(editPage.statusCode, 403);
      const token = await kim.client.csrfFrom(set.path);
      const formPost = await kim.client.post(`/comments/${samsComment.id}/edit`, {
        _csrf: token,
        body: 'Kim again',
      });
      assert.equal(formPost.statusCode, 403);
      const deletePost = await kim.client.post(`/comments/${samsComment.id}/delete`, { _csrf: token });
      assert.equal(deletePost.statusCode, 403);
      const row = await t.container.ctx.repos.comments.findById(samsComment.id);
      assert.equal(row?.body, 'Sam wrote this');
      assert.equal(row?.status, 'visible');
      assert.equal(row?.editedAt, null);
      const anonymous = await new BrowserClient(t.app).api('PATCH', `/api/v1/comments/${samsComment.id}`, {
        body: 'x',
      });
      assert.equal(anonymous.statusCode, 401);
    });

    it('deleting a comment with replies leaves "[deleted]" above them; without replies it is gone', async () => {
      const parent = (await post(sam, 'Soon deleted, with a reply')).json<ApiComment>();
      await post(kim, 'A reply that stays', parent.id);
      const alone = (await post(sam, 'Soon deleted, alone')).json<ApiComment>();
      const confirm = await sam.client.get(`/comments/${parent.id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.equal((await sam.client.submit(`/comments/${parent.id}/delete`, {})).statusCode, 303);
      assert.equal((await sam.client.api('DELETE', `/api/v1/comments/${alone.id}`)).statusCode, 204);
      const items = await list();
      const kept = items.find((c) => c.id === parent.id);
      assert.ok(kept);
      assert.equal(kept.placeholder, true);
      assert.equal(kept.body, null);
      assert.equal(kept.author, null);
      assert.deepEqual(
        kept.replies.map((r) => r.body),
        ['A reply that stays'],
      );
      assert.ok(!items.some((c) => c.id === alone.id));
      const page = (await t.app.inject({ method: 'GET', url: set.path })).body;
      assert.match(
        page,
        new RegExp(`id="comment-${parent.id}"><p class="comment-placeholder">\\[deleted\\]</p>`),
      );
      assert.ok(!page.includes('Soon deleted'));
      assert.equal((await t.container.ctx.repos.comments.findById(parent.id))?.body, '', 'the text is gone');
    });

    it('refuses a comment posted without the form’s CSRF token, and stores nothing', async () => {
      const before = (await list()).length;
      const response = await sam.client.post(`/sets/${set.id}/comments`, { body: 'Forged' });
      assert.equal(response.statusCode, 403);
      const api = await sam.client.request({
        method: 'POST',
        url: `/api/v1/sets/${set.id}/comments`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ body: 'Forged too' }),
      });
      assert.equal(api.statusCode, 403);
      assert.equal((await list()).length, before);
    });

    it('asks visitors to log in: the API answers 401 and the page form redirects to the login page', async () => {
      const visitor = new BrowserClient(t.app);
      assert.equal(
        (await visitor.api('POST', `/api/v1/sets/${set.id}/comments`, { body: 'hi' })).statusCode,
        401,
      );
      const page = await visitor.get(set.path);
      assert.match(page.body, /Log in to comment/);
      assert.ok(!page.body.includes('action="/sets/'), 'no comment form for visitors');
      const token = await visitor.csrfFrom('/login');
      const response = await visitor.post(`/sets/${set.id}/comments`, { _csrf: token, body: 'hi' });
      assert.equal(response.statusCode, 303);
      assert.match(response.headers.location as string, /^\/login\?next=/);
    });

    it('lets moderators hide and restore comments; hidden ones vanish for members and stay marked for staff', async () => {
      const moderator = await quickMember(t, 'Mod');
      await setRole(t.container.ctx, moderator.handle, 'moderator');
      const rude = (await post(kim, 'Something rude')).json<ApiComment>();
      const withReply = (await post(kim, 'Rude with a reply')).json<ApiComment>();
      await post(sam, 'Calm reply', withReply.id);

      assert.equal(
        (await sam.client.api('POST', `/api/v1/moderation/comments/${rude.id}/hide`)).statusCode,
        403,
      );
      assert.equal((await t.container.ctx.repos.comments.findById(rude.id))?.status, 'visible');

      assert.equal(
        (await moderator.client.api('POST', `/api/v1/moderation/comments/${rude.id}/hide`)).statusCode,
        204,
      );
      const hideFromPage = await moderator.client.submit(
        `/moderation/comments/${withReply.id}/hide`,
        { next: `${set.path}#comment-${withReply.id}` },
        set.path,
      );
      assert.equal(hideFromPage.statusCode, 303);
      assert.equal(hideFromPage.headers.location, `${set.path}#comment-${withReply.id}`);

      const asMember = await list(sam.client);
      assert.ok(!asMember.some((c) => c.id === rude.id), 'hidden without replies: not shown');
      const placeholder = asMember.find((c) => c.id === withReply.id);
      assert.equal(placeholder?.placeholder, true);
      assert.equal(placeholder?.body, null);
      const memberPage = (await sam.client.get(set.path)).body;
      assert.ok(!memberPage.includes('Something rude'));
      assert.match(memberPage, /\[hidden by a moderator\]/);

      const staffPage = (await moderator.client.get(set.path)).body;
      assert.ok(staffPage.includes('Something rude'));
      assert.match(staffPage, /class="comment comment-hidden" id="comment-\d+"/);
      assert.match(staffPage, /Hidden by a moderator/);
      assert.match(staffPage, new RegExp(`action="/moderation/comments/${rude.id}/restore"`));
      const authorView = await list(kim.client);
      assert.equal(
        authorView.find((c) => c.id === rude.id)?.status,
        'hidden',
        'its author still sees it, marked',
      );

      const restored = await moderator.client.api('POST', `/api/v1/moderation/comments/${rude.id}/restore`);
      assert.equal(restored.statusCode, 204);
      assert.ok((await list(sam.client)).some((c) => c.id === rude.id && c.body === 'Something rude'));
    });

    it('reports a comment once; a second open report from the same member is a conflict', async () => {
      const target = (await post(kim, 'Spam spam spam')).json<ApiComment>();
      const first = await sam.client.api('POST', `/api/v1/comments/${target.id}/reports`, { reason: 'Spam' });
      assert.equal(first.statusCode, 201);
      const again = await sam.client.api('POST', `/api/v1/comments/${target.id}/reports`, {
        reason: 'Still spam',
      });
      assert.equal(again.statusCode, 409);
      const form = await author.client.get(`/comments/${target.id}/report`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<label for="field-reason">Reason<\/label>/);
      const empty = await author.client.submit(`/comments/${target.id}/report`, { reason: ' ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /id="field-reason-error"/);
      const viaPage = await author.client.submit(`/comments/${target.id}/report`, { reason: 'Advertising' });
      assert.equal(viaPage.statusCode, 303);
      const twice = await author.client.submit(`/comments/${target.id}/report`, { reason: 'Advertising' });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /already reported this comment/);
      const open = await t.container.database.db
        .selectFrom('reports')
        .select(['reporter_id', 'reason'])
        .where('target_type', '=', 'comment')
        .where('target_id', '=', target.id)
        .where('status', '=', 'open')
        .execute();
      assert.equal(open.length, 2);
    });

    it('answers 404 for comments on a set the member may not see, and for unknown comments', async () => {
      const secret = await setBy(t, author.userId, { title: 'Private notes', visibility: 'private' });
      assert.equal((await post(sam, 'Hello?', undefined, secret.id)).statusCode, 404);
      assert.equal((await sam.client.api('GET', `/api/v1/sets/${secret.id}/comments`)).statusCode, 404);
      assert.equal((await post(author, 'My own notes', undefined, secret.id)).statusCode, 201);
      assert.equal((await sam.client.api('PATCH', '/api/v1/comments/999999', { body: 'x' })).statusCode, 404);
      assert.equal((await post(sam, 'Reply to nothing', 999999)).statusCode, 404);
    });

    it('rate-limits posting to 10 comments per 10 minutes per member', async () => {
      const chatty = await quickMember(t, 'Chatty');
      for (let i = 0; i < 10; i++) assert.equal((await post(chatty, `Comment ${i}`)).statusCode, 201);
      const limited = await post(chatty, 'One too many');
      assert.equal(limited.statusCode, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      const page = await chatty.client.submit(
        `/sets/${set.id}/comments`,
        { body: 'Still too many' },
        set.path,
      );
      assert.equal(page.statusCode, 429);
      assert.match(page.body, /Too many attempts/);
      assert.ok(page.body.includes('>Still too many</textarea>'), 'the input is kept');
      t.clock.advance(10 * 60 * 1000);
      assert.equal((await post(chatty, 'After the window')).statusCode, 201);
    });
  });
}
