/**
 * A card of the set may appear once in an edit. The attack: `PUT /api/v1/sets/:id` with cards
 * `[{id:70},{id:70},{id:null}]` for a set of cards 70 and 71 answered 200 with cardCount 3, kept two
 * copies of card 70 and deleted card 71. Now it is refused with a 400 naming the card, through the API and
 * the editor form, and nothing changes; so is a card of another set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors: { field: string; message: string }[];
}
interface Editable {
  revision: number;
  cards: { id: number; title: string | null; body: string }[];
}

const setBody = (title: string, cards: { id?: number | null; title: string | null; body: string }[]) => ({
  title,
  subtitle: null,
  subject: 'History',
  topic: 'Tudors',
  level: null,
  examBoard: null,
  visibility: 'public',
  cards,
});

for (const factory of testDatabases()) {
  describe(`card ids in an edit on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Author');
    });
    after(async () => {
      await t?.close();
    });

    async function createSet(title: string, bodies: string[]) {
      const created = await author.client.api(
        'POST',
        '/api/v1/sets',
        setBody(
          title,
          bodies.map((body, i) => ({ title: `Card ${i + 1}`, body })),
        ),
      );
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json<{ id: number }>().id;
      const editable = (await author.client.api('GET', `/api/v1/sets/${id}/edit`)).json<Editable>();
      return { id, ...editable };
    }

    const stateOf = async (id: number) => ({
      editable: (await author.client.api('GET', `/api/v1/sets/${id}/edit`)).json<Editable>(),
      set: (await author.client.api('GET', `/api/v1/sets/${id}`)).json<{ cardCount: number }>(),
    });

    it('refuses the same card twice through the API with a 400 naming it, and loses nothing', async () => {
      const set = await createSet('Henry VIII', ['Born 1491', 'Six wives']);
      const [first, second] = set.cards;
      const before = await stateOf(set.id);
      const response = await author.client.api('PUT', `/api/v1/sets/${set.id}`, {
        ...setBody('Henry VIII', [
          { id: first!.id, title: 'Card 1', body: 'Born 1491' },
          { id: first!.id, title: 'Card 1 again', body: 'Born 1491' },
          { id: null, title: 'New', body: 'A new card' },
        ]),
        revision: set.revision,
      });
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json<Problem>();
      assert.equal(problem.code, 'validation');
      assert.equal(problem.detail, `Card ${first!.id} appears more than once in this edit.`);
      assert.deepEqual(
        problem.errors.map((error) => error.field),
        ['cards'],
      );
      assert.match(problem.errors[0]!.message, new RegExp(`^Card ${first!.id} is given twice`));
      const after = await stateOf(set.id);
      assert.deepEqual(after, before, 'the set, its cards and its revision are as they were');
      assert.deepEqual(
        after.editable.cards.map((card) => card.id),
        [first!.id, second!.id],
      );
    });

    it('refuses a card of another set through the API, and changes neither set', async () => {
      const mine = await createSet('Elizabeth I', ['Armada 1588']);
      const theirs = await createSet('Mary I', ['Reigned 1553-58', 'Married Philip II']);
      const before = [await stateOf(mine.id), await stateOf(theirs.id)];
      const stolen = theirs.cards[1]!.id;
      const response = await author.client.api('PUT', `/api/v1/sets/${mine.id}`, {
        ...setBody('Elizabeth I', [
          { id: mine.cards[0]!.id, title: 'Card 1', body: 'Armada 1588' },
          { id: stolen, title: 'Taken', body: 'Moved over' },
        ]),
        revision: mine.revision,
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(
        response.json<Problem>().detail,
        `Card ${stolen} in this edit does not belong to this set.`,
      );
      assert.deepEqual([await stateOf(mine.id), await stateOf(theirs.id)], before);
    });

    it('refuses the same card twice through the editor form, keeping the input', async () => {
      const set = await createSet('Edward VI', ['Crowned at nine', 'Died at fifteen']);
      const [first] = set.cards;
      const before = await stateOf(set.id);
      const response = await author.client.submit(
        `/sets/${set.id}/edit`,
        {
          title: 'Edward VI (edited)',
          subtitle: '',
          subject: 'History',
          topic: 'Tudors',
          level: '',
          examBoard: '',
          visibility: 'public',
          revision: String(set.revision),
          'cards[0][id]': String(first!.id),
          'cards[0][title]': 'Card 1',
          'cards[0][body]': 'Crowned at nine',
          'cards[1][id]': String(first!.id),
          'cards[1][title]': 'A copy of card 1',
          'cards[1][body]': 'Crowned at nine',
          'cards[2][id]': '',
          'cards[2][title]': 'Kept new card',
          'cards[2][body]': 'Lady Jane Grey followed',
          action: 'save',
        },
        `/sets/${set.id}/edit`,
      );
      assert.equal(response.statusCode, 400);
      assert.ok(response.body.includes(`Card ${first!.id} is given twice`), response.body);
      assert.ok(response.body.includes('Edward VI (edited)'), 'the input is kept');
      assert.ok(response.body.includes('Lady Jane Grey followed'), 'the input is kept');
      assert.deepEqual(await stateOf(set.id), before);
    });
  });
}
