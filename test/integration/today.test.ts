/**
 * Today, a logged-in learner's home, on both engines: each figure it shows is checked against what really
 * happens — the cards to study now against the cards the Review queue serves before it is empty, the
 * streak and the week against the answers logged, the exam's cards for today against its plan page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveSetToFolder } from '../../src/services/folders.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const DAY = 86_400_000;
const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');
const shownCardId = (html: string) => Number(/data-study-card="true" data-card-id="(\d+)"/.exec(html)?.[1]);
const attribute = (html: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(html)?.[1]);

for (const factory of testDatabases()) {
  describe(`Today on ${factory.dialect}`, () => {
    let t: TestApp;
    let seedId: number;
    let seedCards: number[];

    before(async () => {
      t = await createTestApp(factory);
      const seed = await t.container.database.db
        .selectFrom('card_sets')
        .select('id')
        .where('title', '=', 'Persecution and Control')
        .executeTakeFirstOrThrow();
      seedId = seed.id;
      seedCards = (await t.container.ctx.repos.cardSets.findCards(seedId)).map((card) => card.id);
    });
    after(async () => {
      await t?.close();
    });

    const answer = async (member: TestMember, cardId: number, rating: number) => {
      const response = await member.client.api('POST', '/api/v1/reviews', { cardId, rating });
      assert.equal(response.statusCode, 201, response.body);
    };
    /** Answers Easy to whatever /review shows until it has nothing left; returns how many it served. */
    const studyUntilEmpty = async (member: TestMember) => {
      let served = 0;
      for (;;) {
        const page = (await member.client.get('/review')).body;
        if (/Nothing to study right now/.test(page)) return served;
        await answer(member, shownCardId(page), 4);
        served++;
        assert.ok(served < 200, 'the queue ends');
      }
    };

    it('keeps the public home for visitors, and gives a new learner a way to start', async () => {
      const visitor = await new BrowserClient(t.app).get('/');
      assert.match(text(visitor.body), /Subjects/);
      assert.doesNotMatch(visitor.body, /Hello,/);

      const member = await quickMember(t, 'Newcomer');
      const page = await member.client.get('/');
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['cache-control'] as string, /private/);
      assert.match(text(page.body), /Hello, Newcomer/);
      assert.match(text(page.body), /Start your first set/);
      // Browsing is still a tap away.
      assert.match(text((await member.client.get('/subjects')).body), /Subjects/);
    });

    it('shows as many cards to study now as the Review queue then serves, and the same counts per set', async () => {
      const member = await quickMember(t, 'Counter');
      await saveSetToFolder(t.container.ctx, { userId: member.userId, role: 'member' }, seedId, {
        newFolderName: 'Paper 1',
      });
      for (const cardId of seedCards.slice(0, 4)) await answer(member, cardId, 3);
      t.clock.advance(2 * DAY);

      const today = (await member.client.get('/')).body;
      const now = attribute(today, 'data-today-now');
      assert.ok(now > 0, 'cards are due');
      assert.match(text(today), new RegExp(`${now} cards to study now`));
      const perSet = new RegExp(`data-due-set="${seedId}"[\\s\\S]*?class="due-by-set-counts">([^<]*)<`).exec(
        today,
      )?.[1];
      assert.ok(perSet !== undefined, 'the set is listed with its counts');
      const counted = [...perSet.matchAll(/(\d+) (due|new)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      assert.equal(counted, now, 'the only set holds them all');
      assert.match(text(today), /Paper 1/);
      assert.match(text(today), /Continue/);

      assert.equal(await studyUntilEmpty(member), now);
      const after = (await member.client.get('/')).body;
      assert.equal(attribute(after, 'data-today-now'), 0);
      assert.match(text(after), /All caught up/);
      assert.doesNotMatch(after, /data-due-set=/);
    });

    it('counts the streak and the week from the answers logged', async () => {
      const member = await quickMember(t, 'Streaker');
      // Answers 6, 5 and 4 days ago, none 3 days ago, then 2 and 1 days ago: a streak of 2 before today.
      const plan = [6, 5, 4, 2, 1];
      t.clock.advance(-7 * DAY);
      let day = 7;
      let logged = 0;
      for (const ago of plan) {
        t.clock.advance((day - ago) * DAY);
        day = ago;
        await answer(member, seedCards[logged % seedCards.length]!, 3);
        logged++;
      }
      t.clock.advance(DAY);
      let page = (await member.client.get('/')).body;
      assert.equal(attribute(page, 'data-streak'), 2, 'a day not over yet does not break the streak');
      assert.equal(attribute(page, 'data-week-reviews'), logged);
      assert.match(text(page), /2 days in a row/);

      await answer(member, seedCards[0]!, 3);
      page = (await member.client.get('/')).body;
      assert.equal(attribute(page, 'data-streak'), 3);
      assert.equal(attribute(page, 'data-week-reviews'), logged + 1);

      t.clock.advance(2 * DAY);
      page = (await member.client.get('/')).body;
      assert.equal(attribute(page, 'data-streak'), 0, 'a whole day missed');
    });

    it('gives the next exam with its countdown and the same cards for today as its plan page', async () => {
      const member = await quickMember(t, 'Examinee');
      const date = new Date(t.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
      const saved = await member.client.submit(
        '/exams',
        { scope: `set:${seedId}`, date, targetPercent: '90', dailyCap: '50' },
        '/exams',
      );
      assert.equal(saved.statusCode, 303);
      const planPath = saved.headers.location as string;
      const plan = (await member.client.get(planPath)).body;
      const planToday = attribute(plan, 'data-plan-today');
      assert.ok(planToday > 0);
      assert.match(text(plan), new RegExp(`Today: ${planToday} cards for this exam`));

      const today = (await member.client.get('/')).body;
      assert.match(text(today), /Persecution and Control exam in 10 days/);
      assert.match(text(today), new RegExp(`On track Today: ${planToday} cards for it`));
      assert.equal(attribute(today, 'data-today-now'), planToday, 'the exam set is the only one studied');
      assert.equal(await studyUntilEmpty(member), planToday);
      assert.match(text((await member.client.get(planPath)).body), /Nothing for this exam today/);
    });
  });
}
