/**
 * Study items over HTTP, on both engines: a reversible card is studied both ways and a cloze card once
 * per deletion, each with its own state; answers name their item; editing a card away from an item drops
 * that item's progress; progress counts items.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importCardSet } from '../../src/services/import-card-set.js';
import { CLI_IMPORT_AUTHOR } from '../../src/services/system-users.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`study items on ${factory.dialect}`, () => {
    let t: TestApp;
    let setId: number;
    let cards: { id: number; position: number }[];

    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      const imported = await importCardSet(t.container.ctx, {
        parsed: {
          title: 'Capitals',
          subtitle: null,
          subject: 'Geography',
          topic: null,
          cards: [
            { title: 'Canberra', body: 'The capital of Australia', reversible: true },
            {
              title: null,
              body: '{{c1::Ottawa::city}} is the capital of {{c2::Canada}}.',
              kind: 'cloze',
            },
            { title: 'Wellington', body: 'The capital of New Zealand' },
          ],
        },
        author: CLI_IMPORT_AUTHOR,
      });
      setId = imported.id;
      cards = (await t.container.ctx.repos.cardSets.findCards(setId)).map((c) => ({
        id: c.id,
        position: c.position,
      }));
    });
    after(async () => {
      await t?.close();
    });

    const answer = (member: TestMember, cardId: number, variant: number | undefined, rating: number) =>
      member.client.api('POST', '/api/v1/reviews', { cardId, variant, rating });
    const states = (userId: number) =>
      t.container.database.db
        .selectFrom('study_states')
        .select(['card_id as cardId', 'variant', 'phase'])
        .where('user_id', '=', userId)
        .orderBy('card_id')
        .orderBy('variant')
        .execute();

    it('offers every item of the set: both ways of the reversible card, each deletion, then the basic card', async () => {
      const member = await quickMember(t, 'Items');
      const page = (await member.client.get(`/sets/${setId}/study`)).body;
      const shown = [...page.matchAll(/data-card-id="(\d+)" data-set-id="\d+" data-variant="(\d+)"/g)].map(
        (m) => `${Number(m[1]) - cards[0]!.id}.${m[2]}`,
      );
      assert.deepEqual(shown, ['0.0', '0.1', '1.1', '1.2', '2.0']);
      assert.match(text(page), /Card 2, deletion 1 of 3/);
      assert.match(
        page,
        /<span class="cloze cloze-gap" data-cloze="1">.*?\[city\]<\/span><\/span> is the capital/,
      );
      assert.match(text(page), /5 new cards/);
    });

    it('keeps a state per item: answering the reverse leaves the forward side new', async () => {
      const member = await quickMember(t, 'Reverse');
      const response = await answer(member, cards[0]!.id, 1, 3);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json<{ variant: number }>().variant, 1);
      assert.equal((await answer(member, cards[1]!.id, 2, 1)).statusCode, 201);
      assert.deepEqual(await states(member.userId), [
        { cardId: cards[0]!.id, variant: 1, phase: 'learning' },
        { cardId: cards[1]!.id, variant: 2, phase: 'learning' },
      ]);
      const logs = await t.container.database.db
        .selectFrom('review_logs')
        .select(['card_id as cardId', 'variant'])
        .where('user_id', '=', member.userId)
        .orderBy('id')
        .execute();
      assert.deepEqual(logs, [
        { cardId: cards[0]!.id, variant: 1 },
        { cardId: cards[1]!.id, variant: 2 },
      ]);
      // The study page names the item that was answered through the no-JavaScript form too.
      const form = await member.client.submit(`/sets/${setId}/study`, {
        card: `${cards[1]!.id}.1`,
        rating: '3',
      });
      assert.equal(form.statusCode, 303, form.body);
      assert.equal((await states(member.userId)).length, 3);
    });

    it('refuses an item the card does not have, naming the variant', async () => {
      const member = await quickMember(t, 'Wrong item');
      for (const [card, variant] of [
        [cards[2]!.id, 1],
        [cards[1]!.id, 3],
        [cards[1]!.id, 0],
      ] as const) {
        const response = await answer(member, card, variant, 3);
        assert.equal(response.statusCode, 400, `${card}.${variant}`);
        assert.match(response.body, /"variant"/);
      }
      assert.deepEqual(await states(member.userId), []);
    });

    it('counts items in progress, and drops the progress of an item the card no longer gives', async () => {
      const member = await quickMember(t, 'Editor');
      await answer(member, cards[1]!.id, 1, 3);
      await answer(member, cards[1]!.id, 2, 3);
      let progress = text((await member.client.get('/progress')).body);
      assert.match(progress, /Capitals/);
      const { repos } = t.container.ctx;
      assert.equal((await repos.studyStats.countItemsOfSets([setId])).get(setId), 5);
      // The second deletion is edited away: its progress goes, the first's stays.
      await t.container.ctx.transact(async (tx) => {
        await tx.cardSets.replaceCards(setId, [
          { id: cards[0]!.id, title: 'Canberra', body: 'The capital of Australia' },
          { id: cards[1]!.id, title: null, body: '{{c1::Ottawa}} is the capital of Canada.' },
          { id: cards[2]!.id, title: 'Wellington', body: 'The capital of New Zealand' },
        ]);
      });
      assert.deepEqual(await states(member.userId), [
        { cardId: cards[1]!.id, variant: 1, phase: 'learning' },
      ]);
      assert.equal(
        (await repos.studyStats.countItemsOfSets([setId])).get(setId),
        4,
        'the reverse side is kept',
      );
      progress = text((await member.client.get('/progress')).body);
      assert.match(progress, /Capitals/);
    });
  });
}
