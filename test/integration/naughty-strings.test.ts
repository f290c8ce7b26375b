import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../src/domain/card-set.js';
import { signedUpClient, type BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { decodeHtmlText, naughtyStrings } from '../helpers/naughty-strings.js';
import { quickMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const validTitle = (s: string) => s.trim() !== '' && s.length <= LIMITS.titleLength;

for (const factory of testDatabases()) {
  describe(`the Big List of Naughty Strings on ${factory.dialect}`, () => {
    let t: TestApp;
    let client: BrowserClient;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      ({ client } = await signedUpClient(t.app, 'Naughty'));
    });
    after(async () => {
      await t?.close();
    });

    it('stores every string byte-identical as a set title and a card body, and shows it escaped', async () => {
      const token = (await client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      let checked = 0;
      for (const [index, naughty] of naughtyStrings.entries()) {
        const response = await client.request({
          method: 'POST',
          url: '/api/v1/sets',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          payload: JSON.stringify({
            title: validTitle(naughty) ? naughty : `String ${index}`,
            subtitle: null,
            subject: 'Naughty strings',
            topic: null,
            level: null,
            examBoard: null,
            visibility: 'public',
            cards: [{ title: `String ${index}`, body: naughty }],
          }),
        });
        assert.equal(
          response.statusCode,
          201,
          `string ${index} ${JSON.stringify(naughty)}: ${response.body}`,
        );
        const { id, links } = response.json<{ id: number; links: { html: string } }>();
        const stored = (await client.get(`/api/v1/sets/${id}`)).json<{
          title: string;
          cards: { body: string }[];
        }>();
        if (validTitle(naughty)) assert.equal(stored.title, naughty, `title ${index}`);
        assert.equal(stored.cards[0]!.body, naughty, `body ${index}`);

        if (validTitle(naughty)) {
          const html = (await client.get(links.html)).body;
          const h1 = /<h1 id="set-title">([\s\S]*?)<\/h1>/.exec(html)?.[1];
          assert.equal(decodeHtmlText(h1 ?? ''), naughty, `shown title ${index}`);
          assert.ok(!/<h1 id="set-title">[^<]*<(?!\/h1>)/.test(html), `no markup inside the title ${index}`);
          checked += 1;
        }
      }
      assert.ok(checked > 470, `${checked} titles checked on their page`);
    });

    it('stores every string byte-identical as a comment or reply, and shows it escaped on the set page', async () => {
      const created = await client.api('POST', '/api/v1/sets', {
        title: 'Comments holding naughty strings',
        subtitle: null,
        subject: 'Naughty strings',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [{ title: 'Card', body: 'Say anything.' }],
      });
      assert.equal(created.statusCode, 201, created.body);
      const set = created.json<{ id: number; links: { html: string } }>();
      const posted: string[] = [];
      let commenter = client;
      let conversation: number | null = null;
      for (const [index, naughty] of naughtyStrings.entries()) {
        // Ten comments per member (the posting limit); a new conversation every fifth string, replies between.
        if (index % 10 === 0) commenter = (await quickMember(t, `Commenter ${index / 10}`)).client;
        const replyTo = index % 5 === 0 ? null : conversation;
        const response = await commenter.api('POST', `/api/v1/sets/${set.id}/comments`, {
          body: naughty,
          replyTo,
        });
        if (naughty.trim() === '') {
          assert.equal(response.statusCode, 400, `blank string ${index} is refused`);
          continue;
        }
        assert.equal(
          response.statusCode,
          201,
          `string ${index} ${JSON.stringify(naughty)}: ${response.body}`,
        );
        const comment = response.json<{ id: number; body: string }>();
        assert.equal(comment.body, naughty, `comment ${index}`);
        if (replyTo === null) conversation = comment.id;
        posted.push(naughty);
      }

      const listed = (await client.get(`/api/v1/sets/${set.id}/comments`)).json<{
        items: { body: string; replies: { body: string }[] }[];
      }>();
      const stored = listed.items.flatMap((item) => [item.body, ...item.replies.map((reply) => reply.body)]);
      assert.deepEqual([...stored].sort(), [...posted].sort());

      const html = (await client.get(set.links.html)).body;
      const shown = [...html.matchAll(/<p class="comment-body">([\s\S]*?)<\/p>/g)].map((m) =>
        decodeHtmlText(m[1]!),
      );
      assert.deepEqual([...shown].sort(), [...posted].sort());
      assert.ok(!/<p class="comment-body">[^<]*<(?!\/p>)/.test(html), 'no markup inside a comment');
    });

    it('refuses a NUL character in a comment, a report or a folder name with a 400 naming the field', async () => {
      const created = await client.api('POST', '/api/v1/sets', {
        title: 'Somewhere to write',
        subtitle: null,
        subject: 'Naughty strings',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [{ title: 'Card', body: 'Body' }],
      });
      const { id } = created.json<{ id: number }>();
      const reader = (await quickMember(t, 'Reader')).client;
      const comment = (await reader.api('POST', `/api/v1/sets/${id}/comments`, { body: 'Fine.' })).json<{
        id: number;
      }>();
      const attempts: [string, string, Record<string, unknown>, string][] = [
        ['POST', `/api/v1/sets/${id}/comments`, { body: 'a\u0000b' }, 'body'],
        ['PATCH', `/api/v1/comments/${comment.id}`, { body: 'a\u0000b' }, 'body'],
        ['POST', `/api/v1/sets/${id}/reports`, { reason: 'a\u0000b' }, 'reason'],
        ['POST', `/api/v1/comments/${comment.id}/reports`, { reason: 'a\u0000b' }, 'reason'],
        ['POST', '/api/v1/folders', { name: 'a\u0000b' }, 'name'],
      ];
      for (const [method, url, body, field] of attempts) {
        const response = await reader.api(method as 'POST' | 'PATCH', url, body);
        assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
        const problem = response.json<{ errors?: { field: string; message: string }[] }>();
        assert.ok(
          problem.errors?.some((e) => e.field === field && /NUL/.test(e.message)),
          `${method} ${url} names ${field}: ${response.body}`,
        );
      }
      assert.equal(
        (await reader.get(`/api/v1/sets/${id}/comments`)).json<{ items: unknown[] }>().items.length,
        1,
      );
    });

    it('refuses blank and over-long titles with a 400 naming the field', async () => {
      for (const naughty of naughtyStrings.filter((s) => !validTitle(s))) {
        const response = await client.api('POST', '/api/v1/sets', {
          title: naughty,
          subtitle: null,
          subject: 'Naughty strings',
          topic: null,
          level: null,
          examBoard: null,
          visibility: 'public',
          cards: [{ title: 'x', body: 'y' }],
        });
        assert.equal(response.statusCode, 400, JSON.stringify(naughty));
        const problem = response.json<{ errors?: { field: string }[] }>();
        assert.ok(
          problem.errors?.some((error) => error.field.includes('title')),
          response.body,
        );
      }
    });
  });
}
