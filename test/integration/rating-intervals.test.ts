/**
 * The rating buttons say when the card will be due again ("10m", "4d"), on both engines: each label is
 * checked against what answering with that rating then stores, through the study page's own forms, and
 * the API's answer gives the labels for when the card comes back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { intervalLabel, itemKey } from '../../src/domain/study/index.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;

/** The labels on the revealed card's four buttons, Again to Easy. */
function labelsOf(html: string): string[] {
  const form = /<form method="post"[^>]*class="rating-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  return [...form.matchAll(/data-interval="\d"><span aria-hidden="true">([^<]+)<\/span>/g)].map(
    (match) => match[1]!,
  );
}

for (const factory of testDatabases()) {
  describe(`rating intervals on ${factory.dialect}`, () => {
    let t: TestApp;
    let member: TestMember;
    let setPath: string;
    let firstKey: string;
    let firstCardId: number;

    before(async () => {
      t = await createTestApp(factory);
      member = await quickMember(t, 'Interval checker');
      const set = await t.container.database.db
        .selectFrom('card_sets')
        .select('id')
        .where('title', '=', 'Persecution and Control')
        .executeTakeFirstOrThrow();
      setPath = `/sets/${set.id}/study`;
      const page = await member.client.get(setPath);
      firstKey = /name="card" value="([^"]+)"/.exec(page.body)![1]!;
      firstCardId = Number(firstKey.split(/\D/)[0]);
    });
    after(async () => {
      await t?.close();
    });

    const stateOf = () =>
      t.container.database.db
        .selectFrom('study_states')
        .select(['due', 'phase'])
        .where('user_id', '=', member.userId)
        .where('card_id', '=', firstCardId)
        .executeTakeFirstOrThrow();

    /** Reveals the first card, reads its labels, answers `rating` through the form, returns label and stored wait. */
    async function answer(rating: number) {
      const revealed = await member.client.get(`${setPath}?card=${firstKey}&reveal=1`);
      assert.equal(revealed.statusCode, 200);
      const labels = labelsOf(revealed.body);
      assert.equal(labels.length, 4, 'each rating button says when the card is due again');
      const answeredAt = t.clock.now().getTime();
      const done = await member.client.submit(
        setPath,
        { card: firstKey, rating: String(rating), shownAt: String(answeredAt) },
        `${setPath}?card=${firstKey}&reveal=1`,
      );
      assert.equal(done.statusCode, 303, done.body.slice(0, 400));
      const state = await stateOf();
      return { labels, label: labels[rating - 1]!, stored: intervalLabel(Number(state.due) - answeredAt) };
    }

    it('labels a new card’s buttons with what each rating stores, then the learning step’s', async () => {
      const first = await answer(3);
      assert.equal(first.label, first.stored);
      assert.notEqual(first.labels[0], first.labels[3], 'Again and Easy differ');
      // Back when its learning step is due: Again restarts it, and the label said so.
      t.clock.advance(11 * MINUTE);
      const second = await answer(1);
      assert.equal(second.label, second.stored);
      t.clock.advance(11 * MINUTE);
      const third = await answer(4);
      assert.equal(third.label, third.stored);
      assert.match(third.label, /\d+d$/, 'Easy graduates it by days');
    });

    it('gives through the API the labels for when the card comes back', async () => {
      const cards = await t.container.ctx.repos.cardSets.findCards(Number(setPath.split('/')[2]));
      const card = cards[1]!;
      const answered = await member.client.api('POST', '/api/v1/reviews', { cardId: card.id, rating: 1 });
      assert.equal(answered.statusCode, 201, answered.body);
      const body = answered.json<{ due: string; nextIntervals: Record<string, number> }>();
      // When it is next due, the page shows exactly these.
      t.clock.advance(Date.parse(body.due) - t.clock.now().getTime());
      const page = await member.client.get(`${setPath}?card=${itemKey(card.id, 0)}&reveal=1`);
      const shown = labelsOf(page.body);
      assert.deepEqual(
        shown,
        [
          body.nextIntervals.again!,
          body.nextIntervals.hard!,
          body.nextIntervals.good!,
          body.nextIntervals.easy!,
        ].map(intervalLabel),
      );
    });
  });
}
