/**
 * Undoing answers, on both engines, through the API and the study page's forms: the log row goes and the
 * item's state comes back exactly as it was (every column, read from the database), one answer at a time,
 * only the learner's own, only recent study answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { itemKey } from '../../src/domain/study/index.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;

for (const factory of testDatabases()) {
  describe(`undoing answers on ${factory.dialect}`, () => {
    let t: TestApp;
    let setId: number;
    let cardIds: number[];

    before(async () => {
      t = await createTestApp(factory);
      const set = await t.container.database.db
        .selectFrom('card_sets')
        .select('id')
        .where('title', '=', 'Persecution and Control')
        .executeTakeFirstOrThrow();
      setId = set.id;
      cardIds = (await t.container.ctx.repos.cardSets.findCards(setId)).map((card) => card.id);
    });
    after(async () => {
      await t?.close();
    });

    const stateRow = (member: TestMember, cardId: number) =>
      t.container.database.db
        .selectFrom('study_states')
        .selectAll()
        .where('user_id', '=', member.userId)
        .where('card_id', '=', cardId)
        .executeTakeFirst();
    const logCount = async (member: TestMember) =>
      (
        await t.container.database.db
          .selectFrom('review_logs')
          .select('id')
          .where('user_id', '=', member.userId)
          .execute()
      ).length;
    const answer = (member: TestMember, cardId: number, rating: number) =>
      member.client.api('POST', '/api/v1/reviews', { cardId, rating });
    const undo = (member: TestMember) => member.client.api('POST', '/api/v1/reviews/undo');

    it('takes back answers one at a time, each state back to the column as it was, the first to no state at all', async () => {
      const member = await quickMember(t, 'Undoer');
      const card = cardIds[0]!;
      assert.equal((await answer(member, card, 3)).statusCode, 201);
      const afterFirst = await stateRow(member, card);
      t.clock.advance(11 * MINUTE);
      assert.equal((await answer(member, card, 3)).statusCode, 201);
      assert.notDeepEqual(await stateRow(member, card), afterFirst, 'the second answer moved it on');
      assert.equal(await logCount(member), 2);

      const undone = await undo(member);
      assert.equal(undone.statusCode, 200, undone.body);
      assert.deepEqual(undone.json<{ cardId: number; variant: number; setId: number }>().cardId, card);
      assert.deepEqual(await stateRow(member, card), afterFirst);
      assert.equal(await logCount(member), 1);

      const first = await undo(member);
      assert.equal(first.statusCode, 200);
      assert.equal(first.json<{ state: unknown }>().state, null, 'a new card again');
      assert.equal(await stateRow(member, card), undefined);
      assert.equal(await logCount(member), 0);
      const queue = await member.client.get(`/sets/${setId}/study`);
      assert.match(queue.body, /0 of your 20 new cards a day seen today/);

      const nothing = await undo(member);
      assert.equal(nothing.statusCode, 404);
      assert.match(nothing.body, /There is no answer to undo/);
    });

    it('takes back a practice answer, leaving the state as it is', async () => {
      const member = await quickMember(t, 'Practiser');
      const card = cardIds[1]!;
      await answer(member, card, 3);
      const learning = await stateRow(member, card);
      const practice = await answer(member, card, 1);
      assert.equal(practice.json<{ counted: boolean }>().counted, false);
      assert.equal((await undo(member)).statusCode, 200);
      assert.deepEqual(await stateRow(member, card), learning);
      assert.equal(await logCount(member), 1);
    });

    it('undoes only the learner’s own, recent answers', async () => {
      const owner = await quickMember(t, 'Owner');
      const other = await quickMember(t, 'Other');
      await answer(owner, cardIds[2]!, 4);
      assert.equal((await undo(other)).statusCode, 404);
      assert.equal(await logCount(owner), 1);
      t.clock.advance(61 * MINUTE);
      assert.equal((await undo(owner)).statusCode, 404, 'an hour on, it stands');
      assert.equal(await logCount(owner), 1);
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo' });
      assert.ok(anonymous.statusCode === 401 || anonymous.statusCode === 403, String(anonymous.statusCode));
    });

    it('offers undo after an answer without JavaScript, and shows the card again once taken back', async () => {
      const member = await quickMember(t, 'Form user');
      const path = `/sets/${setId}/study`;
      const first = await member.client.get(path);
      const key = /name="card" value="([^"]+)"/.exec(first.body)![1]!;
      assert.match(
        first.body,
        /<form method="post" action="[^"]*\/study\/undo" class="undo-form" data-undo-form="true" hidden/,
      );
      const answered = await member.client.submit(
        path,
        { card: key, rating: '4', shownAt: '0' },
        `${path}?card=${key}&reveal=1`,
      );
      assert.equal(answered.statusCode, 303);
      assert.equal(answered.headers.location, `${path}?undo=1`);
      const offered = await member.client.get(answered.headers.location);
      assert.match(offered.body, /class="undo-form" data-undo-form="true">/, 'the undo form is shown');
      const cardId = Number(key);
      const before = await stateRow(member, cardId);
      assert.ok(before !== undefined);
      const undone = await member.client.submit(`${path}/undo`, {}, answered.headers.location);
      assert.equal(undone.statusCode, 303);
      assert.equal(undone.headers.location, `${path}?card=${itemKey(cardId, 0)}`);
      assert.equal(await stateRow(member, cardId), undefined);
      const again = await member.client.get(undone.headers.location);
      assert.match(again.body, /Your last answer was taken back/);
      assert.match(
        again.body,
        new RegExp(`data-card-id="${cardId}" data-set-id="\\d+" data-variant="0" data-kind="[a-z]+">`),
      );
    });
  });
}
