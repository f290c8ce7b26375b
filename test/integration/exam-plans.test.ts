/**
 * Exam plans over HTTP on both engines: the daily queue is the plan's day 0; the exam page says plainly
 * when the target cannot be met and changes the new-card limit or the target only when the learner picks
 * one of its choices; learning steps are timed by the server; self-test answers count both ways.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../../src/app/paths.js';
import { todaysItems } from '../../src/domain/study/index.js';
import { parseRevisionText } from '../../src/formats/revision-text/parse-revision-text.js';
import { importCardSets } from '../../src/services/import-card-set.js';
import { saveSetToFolder } from '../../src/services/folders.js';
import { getDailyQueue } from '../../src/services/study/study-queue.js';
import { buildLearnerPlan } from '../../src/services/study/study-plan.js';
import { findLearnerSets } from '../../src/services/study/study-mapping.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

interface Recorded {
  due: string;
  counted: boolean;
  state: { phase: string; reps: number };
}

for (const factory of testDatabases()) {
  describe(`exam plans and server-timed study on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    let sets = 0;
    /** A set of `count` cards (or the seed's cards) saved by the member; returns its id and cards. */
    async function savedSet(member: TestMember, count: number | 'seed') {
      sets++;
      const seed = parseRevisionText(
        readFileSync(join(projectRoot, 'content/demo/persecution-and-control.txt'), 'utf8'),
      );
      const cards =
        count === 'seed'
          ? seed.cards
          : Array.from({ length: count }, (_, i) => ({ title: `Term ${i + 1}`, body: `Meaning ${i + 1}.` }));
      const [set] = await importCardSets(t.container.ctx, [
        {
          parsed: {
            title: `Exam set ${sets}`,
            subtitle: null,
            subject: `Subject ${sets}`,
            topic: null,
            cards,
          },
          author: { handle: 'exam-author', displayName: 'Exam author' },
        },
      ]);
      const actor = { userId: member.userId, role: 'member' as const };
      await saveSetToFolder(t.container.ctx, actor, set!.id, { newFolderName: 'Revision' });
      return { id: set!.id, cards: await t.container.ctx.repos.cardSets.findCards(set!.id) };
    }
    const day = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
    const setExam = async (member: TestMember, setId: number, days: number, targetPercent = '90') => {
      const saved = await member.client.submit(
        '/exams',
        { scope: `set:${setId}`, date: day(days), targetPercent, dailyCap: '50' },
        '/exams',
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      return saved.headers.location as string;
    };
    const answer = async (member: TestMember, cardId: number, rating: number) => {
      const response = await member.client.api('POST', '/api/v1/reviews', { cardId, rating });
      assert.equal(response.statusCode, 201, response.body);
      return response.json<Recorded>();
    };
    const actorOf = (member: TestMember) => ({ userId: member.userId, role: 'member' as const });

    it('says plainly that the target cannot be met, and changes the limit only when the learner takes the offer', async () => {
      const member = await quickMember(t, 'Crammer');
      const set = await savedSet(member, 60);
      const planPath = await setExam(member, set.id, 2);
      let page = text((await member.client.get(planPath)).body);
      assert.match(page, /Not every card can reach 90% by/);
      assert.match(page, /20 cards of 60 cannot be started before the exam with 20 new cards a day/);
      assert.match(page, /Learn 30 new cards a day to be ready: every card reaches the target/);
      // The prediction counts the cards never started as not known: 40 of 60 at best.
      const recall = Number(/recall about (\d+)%/.exec(page)?.[1]);
      assert.ok(recall > 55 && recall < 67, `predicted ${recall}%`);
      assert.match(page, /with 67% of them at 90% or more/);
      assert.match(page, /Missing tomorrow would cost about \d+ points/);
      assert.equal(await t.container.ctx.repos.study.findNewCardsPerDay(member.userId), undefined);

      const id = /\/exams\/(\d+)/.exec(planPath)![1];
      const chosen = await member.client.submit(`/exams/${id}/new-cards`, { newCardsPerDay: '30' }, planPath);
      assert.equal(chosen.statusCode, 303);
      assert.equal(chosen.headers.location, planPath);
      assert.equal(await t.container.ctx.repos.study.findNewCardsPerDay(member.userId), 30);
      page = text((await member.client.get(planPath)).body);
      assert.match(page, /Saved: up to 30 new cards a day/);
      assert.match(page, /On track: studying the Review queue each day brings every card to 90%/);
      assert.match(text((await member.client.get('/review')).body), /30 new cards/);

      // Someone else's exam: not found; a bad value: refused with the reason, nothing changed.
      const other = await quickMember(t, 'Other');
      const foreign = await other.client.submit(`/exams/${id}/new-cards`, { newCardsPerDay: '40' }, '/exams');
      assert.equal(foreign.statusCode, 404);
      await member.client.submit(`/exams/${id}/new-cards`, { newCardsPerDay: 'lots' }, planPath);
      assert.equal(await t.container.ctx.repos.study.findNewCardsPerDay(member.userId), 30);
      assert.match(text((await member.client.get(planPath)).body), /A whole number from 0 to 500/);
    });

    it('lets the learner choose the cards that matter most, and the plan starts them first', async () => {
      const member = await quickMember(t, 'Focused');
      const set = await savedSet(member, 60);
      const planPath = await setExam(member, set.id, 2);
      assert.match(text((await member.client.get(planPath)).body), /Choose the cards that matter most/);
      const focusPath = `${planPath}/focus`;
      const form = await member.client.get(focusPath);
      assert.equal(form.statusCode, 200);
      assert.match(text(form.body), /Card 60: Term 60/);
      const last = set.cards.slice(-5);
      const chosen = Object.fromEntries(last.map((card) => [`first-${card.id}`, '1']));
      const saved = await member.client.submit(focusPath, chosen);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, planPath);
      const page = text((await member.client.get(planPath)).body);
      assert.match(page, /Saved: the plan starts your 5 chosen cards first/);
      assert.match(page, /you have chosen 5 cards/);
      const queue = await getDailyQueue(t.container.ctx, actorOf(member));
      assert.deepEqual(
        queue.items.slice(0, 5).map((item) => item.cardId),
        last.map((card) => card.id),
      );
      assert.equal(queue.items.length, 20);
      // A card of another set is refused, with the form shown again; nothing changes.
      const other = await savedSet(member, 1);
      const refused = await member.client.submit(focusPath, { [`first-${other.cards[0]!.id}`]: '1' });
      assert.equal(refused.statusCode, 400);
      assert.match(text(refused.body), /Choose among the cards listed/);
      const focus = await t.container.ctx.repos.examDates.listFocus([Number(/\d+$/.exec(planPath)![0])]);
      assert.equal([...focus.values()][0]!.length, 5);
    });

    it('offers a lower target when cards cannot reach this one, and sets it only when chosen', async () => {
      const member = await quickMember(t, 'Perfectionist');
      const set = await savedSet(member, 5);
      const planPath = await setExam(member, set.id, 1, '99');
      const page = text((await member.client.get(planPath)).body);
      assert.match(page, /5 cards cannot reach 99% in the days left/);
      const offered = Number(/Aim for (\d+)% instead/.exec(page)?.[1]);
      assert.ok(offered >= 50 && offered < 99, page.slice(0, 600));
      const id = /\/exams\/(\d+)/.exec(planPath)![1];
      assert.equal(
        (await member.client.submit(`/exams/${id}/target`, { targetPercent: String(offered) }, planPath))
          .statusCode,
        303,
      );
      const exam = await t.container.ctx.repos.examDates.findById(Number(id));
      assert.equal(exam?.targetRecall, offered / 100);
      assert.match(text((await member.client.get(planPath)).body), /On track/);
    });

    it('makes the daily queue the plan’s day: its new cards within the limit, reviews due later today shown now, nothing more once done', async () => {
      const member = await quickMember(t, 'Follower');
      const set = await savedSet(member, 30);
      await setExam(member, set.id, 3);
      const actor = actorOf(member);
      const planned = async () => {
        const learner = await buildLearnerPlan(
          t.container.ctx.repos,
          actor,
          t.clock.now(),
          await findLearnerSets(t.container.ctx.repos, actor),
        );
        return todaysItems(learner!.plan);
      };
      let queue = await getDailyQueue(t.container.ctx, actor);
      let today = await planned();
      assert.equal(queue.items.length, 20);
      assert.deepEqual(new Set(queue.items.map((i) => i.key)), new Set(today.keys()));
      assert.ok(queue.items.every((i) => i.kind === 'new'));
      assert.match(text((await member.client.get('/review')).body), /today’s queue is your exam plan ’s day/);

      // The learner studies them: Good, then Good at the 10-minute step.
      for (const item of queue.items) await answer(member, item.cardId, 3);
      queue = await getDailyQueue(t.container.ctx, actor);
      assert.equal(queue.items.length, 0, 'the steps are not due yet');
      assert.equal(queue.laterToday, 20);
      t.clock.advance(10 * MINUTE);
      queue = await getDailyQueue(t.container.ctx, actor);
      assert.equal(queue.items.length, 20);
      for (const item of queue.items) assert.equal((await answer(member, item.cardId, 3)).counted, true);
      queue = await getDailyQueue(t.container.ctx, actor);
      assert.equal(queue.items.length, 0, 'nothing more today');
      assert.equal((await planned()).size, 0);

      // Tomorrow, before the hour of yesterday's answers: the plan's reviews and the 10 new cards left.
      t.clock.advance(DAY - 2 * 3_600_000);
      queue = await getDailyQueue(t.container.ctx, actor);
      today = await planned();
      assert.deepEqual(new Set(queue.items.map((i) => i.key)), new Set(today.keys()));
      assert.equal(queue.items.filter((i) => i.kind === 'new').length, 10);
    });

    it('times learning steps on the server: an answer before the step is due is logged as practice and changes nothing', async () => {
      const member = await quickMember(t, 'Quick');
      const set = await savedSet(member, 2);
      const card = set.cards[0]!;
      const first = await answer(member, card.id, 3);
      assert.equal(first.state.phase, 'learning');
      assert.equal(first.counted, true);
      t.clock.advance(14);
      const tap = await answer(member, card.id, 3);
      assert.equal(tap.counted, false);
      assert.equal(tap.state.phase, 'learning', 'not graduated');
      assert.equal(tap.due, first.due);
      // The page form (no JavaScript) goes through the same rule.
      const form = await member.client.submit('/review', { card: String(card.id), rating: '4' }, '/review');
      assert.equal(form.statusCode, 303);
      const logs = await t.container.database.db
        .selectFrom('review_logs')
        .select(['rating', 'practice'])
        .where('user_id', '=', member.userId)
        .orderBy('id')
        .execute();
      assert.deepEqual(logs, [
        { rating: 3, practice: 0 },
        { rating: 3, practice: 1 },
        { rating: 4, practice: 1 },
      ]);
      t.clock.advance(10 * MINUTE);
      const due = await answer(member, card.id, 3);
      assert.equal(due.counted, true);
      assert.equal(due.state.phase, 'review');
      // Practice did not use up the day's new cards: one card started.
      assert.equal(await t.container.ctx.repos.study.countFirstReviewsSince(member.userId, 0), 1);
    });

    it('logs self-test answers both ways, once per card per test: right Good, wrong Again or Hard, none for cards never studied', async () => {
      const member = await quickMember(t, 'Tester');
      const set = await savedSet(member, 'seed');
      // Study every card, and come back when they are in review and due.
      for (const card of set.cards) await answer(member, card.id, 4);
      t.clock.advance(10 * DAY);
      const test = (await member.client.get(`/api/v1/sets/${set.id}/test?seed=3&count=10`)).json<{
        questions: {
          id: string;
          kind: string;
          answer: string | string[];
          choices: string[] | null;
          sources: { position: number }[];
        }[];
      }>();
      const responses: Record<string, string> = {};
      const expected = new Map<number, number>();
      test.questions.forEach((q, index) => {
        const right = index % 2 === 0;
        if (q.kind === 'cloze') responses[`a-${q.id}`] = right ? (q.answer as string) : 'zzzz';
        else if (q.kind === 'ordering') {
          const order = q.answer as string[];
          q.choices!.forEach((choice, i) => {
            const place = order.indexOf(choice) + 1;
            responses[`a-${q.id}-${i}`] = String(right ? place : (place % order.length) + 1);
          });
        } else {
          const at = q.choices!.findIndex((c) => (right ? c === q.answer : c !== q.answer));
          responses[`a-${q.id}`] = String(at);
        }
        const rating = right ? 3 : q.kind === 'cloze' ? 1 : 2;
        for (const { position } of q.sources)
          expected.set(position, Math.min(expected.get(position) ?? 4, rating));
      });
      const marked = await member.client.submit(
        `/sets/${set.id}/test`,
        { seed: '3', count: '10', ...responses },
        `/sets/${set.id}/test?seed=3&count=10`,
      );
      assert.equal(marked.statusCode, 200);
      const logs = await t.container.database.db
        .selectFrom('review_logs')
        .select(['card_id', 'rating', 'practice'])
        .where('user_id', '=', member.userId)
        .where('source', '=', 'test')
        .execute();
      const byPosition = new Map(set.cards.map((c) => [c.id, c.position]));
      assert.equal(logs.length, expected.size, 'one answer per card tested');
      for (const log of logs) {
        assert.equal(log.practice, 0, 'studied cards: the answers count');
        assert.equal(
          log.rating,
          expected.get(byPosition.get(log.card_id)!),
          `card at ${byPosition.get(log.card_id)}`,
        );
      }
      assert.ok(logs.some((l) => l.rating === 3) && logs.some((l) => l.rating < 3), 'both ways');
    });
  });
}
