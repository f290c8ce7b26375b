/** Many writers at once: nothing lost, nothing overwritten without a conflict, on both engines. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const newSet = {
  title: 'Busy set',
  subtitle: null,
  subject: 'Concurrency',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards: [{ title: 'Card', body: 'Body' }],
};

for (const factory of testDatabases()) {
  describe(`concurrent writers on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    let setId: number;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Busy author');
      setId = (await author.client.api('POST', '/api/v1/sets', newSet)).json<{ id: number }>().id;
    });
    after(async () => {
      await t?.close();
    });

    it('keeps all 50 comments posted at once, and counts them exactly', async () => {
      const members: TestMember[] = [];
      for (let i = 0; i < 50; i++) members.push(await quickMember(t, `Talker ${i}`));
      const tokens = await Promise.all(
        members.map(
          async (m) => (await m.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken,
        ),
      );
      const responses = await Promise.all(
        members.map((m, i) =>
          m.client.request({
            method: 'POST',
            url: `/api/v1/sets/${setId}/comments`,
            headers: { 'content-type': 'application/json', 'x-csrf-token': tokens[i]! },
            payload: JSON.stringify({ body: `Comment number ${i}` }),
          }),
        ),
      );
      assert.deepEqual(
        responses.map((r) => r.statusCode),
        Array(50).fill(201),
      );
      const rows = await t.container.database.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('card_set_id', '=', setId)
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), 50);
      const page = await author.client.get(`/sets/${setId}`);
      const html = (await author.client.get(page.headers.location as string)).body;
      for (let i = 0; i < 50; i++) assert.ok(html.includes(`Comment number ${i}<`), `comment ${i} shown`);
    });

    it('lets one of two editors saving at once win, and tells the other of the conflict', async () => {
      const editable = (await author.client.api('GET', `/api/v1/sets/${setId}/edit`)).json<{
        revision: number;
        cards: { id: number }[];
      }>();
      const token = (await author.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      const save = (body: string) =>
        author.client.request({
          method: 'PUT',
          url: `/api/v1/sets/${setId}`,
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          payload: JSON.stringify({
            ...newSet,
            revision: editable.revision,
            cards: [{ id: editable.cards[0]!.id, title: 'Card', body }],
          }),
        });
      const results = await Promise.all([save('First editor'), save('Second editor')]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json<{ cards: { body: string }[] }>()
        .cards[0]!.body;
      const stored = (await author.client.api('GET', `/api/v1/sets/${setId}`)).json<{
        cards: { body: string }[];
      }>();
      assert.equal(stored.cards[0]!.body, winner, 'the stored text is the winner’s, whole');
      const history = await t.container.ctx.repos.revisions.list(setId);
      assert.equal(
        history.filter((r) => r.revision === editable.revision + 1).length,
        1,
        'one revision recorded',
      );
    });
  });
}
