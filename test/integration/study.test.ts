/**
 * Study mode end to end over HTTP, on both engines: recording answers (state and log in one transaction,
 * concurrent answers both logged), the daily queue and its new-card limit, exam dates and their plan,
 * merging a browser's answers, the no-JavaScript study forms, progress, and who may do what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyAnswer } from '../../src/services/study/record-review.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface RecordedReview {
  cardId: number;
  setId: number;
  rating: number;
  reviewedAt: string;
  due: string;
  state: { phase: string; reps: number; lapses: number; lastReview: string | null };
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');
const dueToday = (html: string) => Number(/Due today: (\d+)/.exec(html)?.[1] ?? NaN);
/** The card the study page shows first (the one not hidden). */
const shownCardId = (html: string) =>
  Number(
    /<li class="study-card" data-study-card="true" data-card-id="(\d+)" data-set-id="\d+" data-variant="\d+" data-kind="[a-z]+">/.exec(
      html,
    )?.[1],
  );

for (const factory of testDatabases()) {
  describe(`study on ${factory.dialect}`, () => {
    let t: TestApp;
    let seedId: number;
    let seedCards: { id: number; position: number }[];

    before(async () => {
      t = await createTestApp(factory);
      const row = await t.container.database.db
        .selectFrom('card_sets')
        .select('id')
        .where('title', '=', 'Persecution and Control')
        .executeTakeFirstOrThrow();
      seedId = row.id;
      seedCards = (await t.container.ctx.repos.cardSets.findCards(seedId)).map((c) => ({
        id: c.id,
        position: c.position,
      }));
    });
    after(async () => {
      await t?.close();
    });

    const db = () => t.container.database.db;
    const answer = (member: TestMember, cardId: number, rating: number, durationMs?: number) =>
      member.client.api('POST', '/api/v1/reviews', { cardId, rating, durationMs });
    const logsOf = (userId: number, cardId?: number) => {
      let query = db().selectFrom('review_logs').selectAll().where('user_id', '=', userId);
      if (cardId !== undefined) query = query.where('card_id', '=', cardId);
      return query.orderBy('id').execute();
    };
    const stateOf = (userId: number, cardId: number) =>
      db()
        .selectFrom('study_states')
        .selectAll()
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .executeTakeFirst();

    it('records an answer: 201 with the new due date, one state row and one log row', async () => {
      const member = await quickMember(t, 'Learner');
      const card = seedCards[0]!;
      const response = await answer(member, card.id, 3, 4200);
      assert.equal(response.statusCode, 201, response.body);
      const body = response.json<RecordedReview>();
      assert.equal(body.cardId, card.id);
      assert.equal(body.setId, seedId);
      assert.equal(body.reviewedAt, t.clock.now().toISOString());
      assert.ok(Date.parse(body.due) > t.clock.now().getTime(), 'due after now');
      assert.equal(body.state.phase, 'learning');
      assert.equal(body.state.reps, 1);
      const state = await stateOf(member.userId, card.id);
      assert.equal(state?.due, Date.parse(body.due));
      assert.equal(state?.card_set_id, seedId);
      const logs = await logsOf(member.userId);
      assert.equal(logs.length, 1);
      assert.deepEqual(
        {
          rating: logs[0]!.rating,
          phaseBefore: logs[0]!.phase_before,
          elapsed: logs[0]!.elapsed_days,
          duration: logs[0]!.duration_ms,
          source: logs[0]!.source,
          reviewedAt: logs[0]!.reviewed_at,
        },
        {
          rating: 3,
          phaseBefore: 'new',
          elapsed: 0,
          duration: 4200,
          source: 'study',
          reviewedAt: t.clock.now().getTime(),
        },
      );
    });

    it('writes the state and the log in one transaction: when the work fails, neither is left', async () => {
      const member = await quickMember(t, 'Rolled back');
      const card = seedCards[1]!;
      await assert.rejects(
        t.container.ctx.transact(async (repos) => {
          await applyAnswer(repos, member.userId, {
            card: { id: card.id, cardSetId: seedId },
            variant: 0,
            rating: 3,
            at: t.clock.now(),
            durationMs: null,
            source: 'study',
          });
          throw new Error('the connection dropped');
        }),
        /the connection dropped/,
      );
      assert.equal(await stateOf(member.userId, card.id), undefined);
      assert.equal((await logsOf(member.userId)).length, 0);
    });

    it('logs answers to one card sent at once, one after the other: the first due answer counts, the rest are practice', async () => {
      const member = await quickMember(t, 'Double tap');
      const card = seedCards[2]!;
      // A state to race on: the first answer creates it (Easy: straight to review, due in days).
      assert.equal((await answer(member, card.id, 4)).statusCode, 201);
      const before = await stateOf(member.userId, card.id);
      t.clock.advance(before!.due - t.clock.now().getTime() + MINUTE);
      const token = (await member.client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
      const send = (rating: number) =>
        member.client.request({
          method: 'POST',
          url: '/api/v1/reviews',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          payload: JSON.stringify({ cardId: card.id, rating }),
        });
      const responses = await Promise.all([send(3), send(1), send(2), send(4)]);
      assert.deepEqual(
        responses.map((r) => r.statusCode),
        [201, 201, 201, 201],
      );
      const logs = await logsOf(member.userId, card.id);
      assert.equal(logs.length, 5, 'every answer is logged');
      // Each answer saw the state the one before it left: once one counted, the card was not due again.
      const counted = responses.filter((r) => r.json<RecordedReview & { counted: boolean }>().counted);
      assert.equal(counted.length, 1);
      assert.deepEqual(
        logs.map((log) => log.practice),
        [0, 0, 1, 1, 1],
      );
      const state = await stateOf(member.userId, card.id);
      assert.equal(state?.reps, 2);
      assert.equal(state?.due, logs[1]!.due, 'the state is the counted answer’s');
    });

    it('refuses bad answers: ratings outside 1–4, unknown cards, visitors (401)', async () => {
      const member = await quickMember(t, 'Careless');
      assert.equal((await answer(member, seedCards[0]!.id, 5)).statusCode, 400);
      assert.equal((await answer(member, seedCards[0]!.id, 0)).statusCode, 400);
      assert.equal((await answer(member, seedCards[0]!.id, 3, -1)).statusCode, 400);
      assert.equal((await answer(member, 987_654, 3)).statusCode, 404);
      const visitor = new BrowserClient(t.app);
      const anonymous = await visitor.api('POST', '/api/v1/reviews', { cardId: seedCards[0]!.id, rating: 3 });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await logsOf(member.userId)).length, 0);
    });

    it('hides private sets of others: 404 for their study, test and timeline, and for answers to their cards', async () => {
      const owner = await quickMember(t, 'Private owner');
      const other = await quickMember(t, 'Nosy');
      const set = await setBy(t, owner.userId, { title: 'Secret cells', visibility: 'private' });
      const [card] = await t.container.ctx.repos.cardSets.findCards(set.id);
      for (const url of [
        `/sets/${set.id}/study`,
        `/sets/${set.id}/test`,
        `/sets/${set.id}/timeline`,
        `/api/v1/sets/${set.id}/test`,
        `/api/v1/sets/${set.id}/timeline`,
      ]) {
        assert.equal((await other.client.get(url)).statusCode, 404, url);
        assert.equal((await new BrowserClient(t.app).get(url)).statusCode, 404, `${url} (visitor)`);
        assert.equal((await owner.client.get(url)).statusCode, 200, `${url} (owner)`);
      }
      assert.equal((await answer(other, card!.id, 3)).statusCode, 404);
      assert.equal((await answer(owner, card!.id, 3)).statusCode, 201);
      for (const page of ['/review', '/progress', '/exams']) {
        const response = await new BrowserClient(t.app).get(page);
        assert.equal(response.statusCode, 303, page);
        assert.equal(response.headers.location, `/login?next=${encodeURIComponent(page)}`);
      }
    });

    it('builds the daily queue with the new-card limit, counted per UTC day', async () => {
      const member = await quickMember(t, 'Daily');
      const limit = await member.client.submit('/review/settings', { newCardsPerDay: '3' }, '/review');
      assert.equal(limit.statusCode, 303);
      let page = (await member.client.get('/review')).body;
      assert.match(page, /No sets to review yet/);
      assert.equal(dueToday(page), 0);

      // Answering a card of the seed makes it one of the learner's sets.
      const first = (await answer(member, seedCards[0]!.id, 3)).json<RecordedReview>();
      const stepMs = Date.parse(first.due) - t.clock.now().getTime();
      assert.ok(stepMs > 0 && stepMs < DAY, 'a learning step, due later today');
      page = (await member.client.get('/review')).body;
      // 1 learning card later today + 2 new cards (3 a day, 1 seen).
      assert.equal(dueToday(page), 3);
      assert.match(
        text(page),
        /0 cards to review now · 2 new cards · 1 more later today · 1 of your 3 new cards/,
      );
      assert.equal(shownCardId(page), seedCards[1]!.id, 'new cards in order');

      t.clock.advance(stepMs + MINUTE);
      page = (await member.client.get('/review')).body;
      assert.equal(dueToday(page), 3);
      assert.equal(shownCardId(page), seedCards[0]!.id, 'a due card before new ones');
      assert.match(text(page), /Due for review/);

      await answer(member, seedCards[1]!.id, 3);
      await answer(member, seedCards[2]!.id, 3);
      page = (await member.client.get('/review')).body;
      assert.match(text(page), /0 new cards .*3 of your 3 new cards a day seen today/);
      // The set's own study page shares the limit.
      const setPage = (await member.client.get(`/sets/${seedId}/study`)).body;
      assert.match(text(setPage), /0 new cards/);

      // A new UTC day: three more new cards, and yesterday's learning cards are due.
      t.clock.advance(DAY);
      page = (await member.client.get('/review')).body;
      assert.equal(dueToday(page), 6);
      assert.match(text(page), /3 cards to review now · 3 new cards/);
    });

    it('studies without JavaScript: show the answer, rate it, and the next card comes', async () => {
      const member = await quickMember(t, 'No script');
      const path = `/sets/${seedId}/study`;
      const front = (await member.client.get(path)).body;
      const cardId = shownCardId(front);
      assert.equal(cardId, seedCards[0]!.id);
      assert.match(front, /<form method="get" action="\/sets\/\d+\/study" class="reveal-form"/);
      assert.match(
        front,
        /What do historians say about Stalin&#39;s Russia\?|What do historians say about Stalin's Russia\?/,
      );
      const shownAt = /name="shownAt" value="(\d+)"/.exec(front)![1]!;
      t.clock.advance(7000);
      const revealed = (await member.client.get(`${path}?card=${cardId}&reveal=1&shownAt=${shownAt}`)).body;
      assert.match(revealed, /<div class="study-answer" data-answer="true">/);
      assert.match(revealed, /totalitarian state/);
      for (const name of ['Again', 'Hard', 'Good', 'Easy']) assert.ok(revealed.includes(`>${name}<`), name);
      const rated = await member.client.submit(
        path,
        { card: String(cardId), rating: '4', shownAt },
        `${path}?card=${cardId}&reveal=1`,
      );
      assert.equal(rated.statusCode, 303);
      // On to the next card, with the answer's undo offered.
      assert.equal(rated.headers.location, `${path}?undo=1`);
      const logs = await logsOf(member.userId);
      assert.equal(logs.length, 1);
      assert.equal(logs[0]!.rating, 4);
      assert.ok(logs[0]!.duration_ms! >= 7000, 'the answer time counts from the front');
      assert.equal(shownCardId((await member.client.get(path)).body), seedCards[1]!.id);

      // A visitor reads through: the buttons move on, nothing is kept.
      const visitor = new BrowserClient(t.app);
      const visitorPage = await visitor.get(path);
      assert.match(visitorPage.body, /your answers are kept in this browser only/);
      const next = await visitor.submit(path, { card: String(seedCards[0]!.id), rating: '3' }, path);
      assert.equal(next.statusCode, 303);
      assert.equal(next.headers.location, `${path}?card=${seedCards[1]!.id}`);
      const last = await visitor.submit(path, { card: String(seedCards.at(-1)!.id), rating: '3' }, path);
      assert.equal(last.headers.location, `${path}?done=1`);
      assert.match(text((await visitor.get(`${path}?done=1`)).body), /You have read all 11 cards/);
    });

    it('keeps study progress when the set is edited, and drops it with a deleted card', async () => {
      const author = await quickMember(t, 'Editor');
      const created = await author.client.api('POST', '/api/v1/sets', {
        title: 'Organelles',
        subtitle: null,
        subject: 'Biology',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [
          { title: 'Nucleus', body: 'Holds the DNA.' },
          { title: 'Ribosome', body: 'Makes proteins.' },
        ],
      });
      assert.equal(created.statusCode, 201);
      const setId = created.json<{ id: number }>().id;
      const edit = (await author.client.api('GET', `/api/v1/sets/${setId}/edit`)).json<{
        revision: number;
        cards: { id: number; title: string; body: string }[];
      }>();
      for (const card of edit.cards) assert.equal((await answer(author, card.id, 3)).statusCode, 201);
      const [kept, dropped] = edit.cards;
      const put = await author.client.api('PUT', `/api/v1/sets/${setId}`, {
        title: 'Organelles',
        subtitle: null,
        subject: 'Biology',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        revision: edit.revision,
        cards: [{ id: kept!.id, title: 'Nucleus', body: 'Holds the DNA, in chromosomes.' }],
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.notEqual(await stateOf(author.userId, kept!.id), undefined, 'the edited card keeps its state');
      assert.equal(await stateOf(author.userId, dropped!.id), undefined, 'the deleted card’s state is gone');
      assert.equal((await logsOf(author.userId, dropped!.id)).length, 0);
    });

    it('plans for an exam date: the plan page, and the queue brings a card forward to the plan’s day', async () => {
      const member = await quickMember(t, 'Examinee');
      const card = seedCards[3]!;
      const easy = (await answer(member, card.id, 4)).json<RecordedReview>();
      const fsrsDue = Date.parse(easy.due);
      assert.ok(fsrsDue - t.clock.now().getTime() > 6 * DAY, 'Easy puts the card days away');

      const examDay = new Date(t.clock.now().getTime() + 5 * DAY).toISOString().slice(0, 10);
      const invalid = await member.client.submit(
        '/exams',
        { scope: `set:${seedId}`, date: '2020-01-01' },
        '/exams',
      );
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /A day after today/);
      const saved = await member.client.submit(
        '/exams',
        { scope: `set:${seedId}`, date: examDay, targetPercent: '95', dailyCap: '30' },
        '/exams',
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      const planPath = saved.headers.location as string;
      assert.match(planPath, /^\/exams\/\d+$/);
      const plan = text((await member.client.get(planPath)).body);
      assert.match(plan, /Predicted recall on the day/);
      assert.match(plan, /target 95% recall on the day · up to 30 reviews a day/);
      assert.match(plan, /Reviews per day until the exam/);
      const rows = (await member.client.get(planPath)).body.match(/<tr[^>]*><th scope="row"><time/g) ?? [];
      assert.equal(rows.length, 5, 'one row per day until the exam');
      assert.match(
        text((await member.client.get('/exams')).body),
        /Persecution and Control .* \(in 5 days\) · target 95%/,
      );

      // Four days on, FSRS would wait; the plan wants the card reviewed before the exam.
      t.clock.advance(4 * DAY);
      assert.ok(t.clock.now().getTime() < fsrsDue);
      const study = (await member.client.get(`/sets/${seedId}/study`)).body;
      assert.equal(shownCardId(study), card.id);
      assert.match(text(study), /Card 4 of 11 · Due early for your exam/);
    });

    it('merges answers kept in a browser: validated, in time order, and only once', async () => {
      const member = await quickMember(t, 'Merger');
      const owner = await quickMember(t, 'Someone else');
      const hidden = await setBy(t, owner.userId, { title: 'Not yours', visibility: 'private' });
      const [hiddenCard] = await t.container.ctx.repos.cardSets.findCards(hidden.id);
      const now = t.clock.now().getTime();
      const reviews = [
        {
          id: 'browser-0002',
          cardId: seedCards[5]!.id,
          rating: 3,
          reviewedAt: now - 2 * MINUTE,
          durationMs: 1500,
        },
        {
          id: 'browser-0001',
          cardId: seedCards[5]!.id,
          rating: 1,
          reviewedAt: now - 30 * MINUTE,
          durationMs: null,
        },
        { id: 'browser-0003', cardId: seedCards[6]!.id, rating: 4, reviewedAt: now - MINUTE },
        { id: 'browser-0004', cardId: hiddenCard!.id, rating: 3, reviewedAt: now - MINUTE },
        { id: 'browser-0005', cardId: 987_654, rating: 3, reviewedAt: now - MINUTE },
      ];
      const merged = await member.client.api('POST', '/api/v1/reviews/merge', { reviews });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual(merged.json(), { merged: 3, alreadyMerged: 0, skipped: 2 });
      const logs = await logsOf(member.userId);
      assert.deepEqual(
        logs.map((l) => [l.client_id, l.card_id, l.rating, l.phase_before, l.source]),
        [
          ['browser-0001', seedCards[5]!.id, 1, 'new', 'merge'],
          ['browser-0002', seedCards[5]!.id, 3, 'learning', 'merge'],
          ['browser-0003', seedCards[6]!.id, 4, 'new', 'merge'],
        ],
      );
      assert.equal(logs[0]!.reviewed_at, now - 30 * MINUTE);

      const again = await member.client.api('POST', '/api/v1/reviews/merge', {
        reviews: [...reviews, reviews[0]],
      });
      assert.deepEqual(again.json(), { merged: 0, alreadyMerged: 4, skipped: 2 });
      assert.equal((await logsOf(member.userId)).length, 3, 'merging twice adds nothing');

      const refusals: [string, unknown][] = [
        ['a rating of 5', [{ ...reviews[0], id: 'browser-x1', rating: 5 }]],
        ['an id with a slash', [{ ...reviews[0], id: 'browser/0001' }]],
        ['a time in the future', [{ ...reviews[0], id: 'browser-x2', reviewedAt: now + DAY }]],
        ['a time two years ago', [{ ...reviews[0], id: 'browser-x3', reviewedAt: now - 730 * DAY }]],
        ['an hour-long answer and more', [{ ...reviews[0], id: 'browser-x4', durationMs: 3_600_001 }]],
      ];
      for (const [what, body] of refusals) {
        const response = await member.client.api('POST', '/api/v1/reviews/merge', { reviews: body });
        assert.equal(response.statusCode, 400, what);
      }
      const future = await member.client.api('POST', '/api/v1/reviews/merge', {
        reviews: [{ ...reviews[0], id: 'browser-x2', reviewedAt: now + DAY }],
      });
      assert.equal(future.json<{ errors: { field: string }[] }>().errors[0]?.field, 'reviews[0].reviewedAt');
      assert.equal((await logsOf(member.userId)).length, 3, 'refused merges add nothing');
      const visitor = await new BrowserClient(t.app).api('POST', '/api/v1/reviews/merge', { reviews });
      assert.equal(visitor.statusCode, 401);
    });

    it('draws progress as SVG with titles, descriptions and tables, and words for every stage', async () => {
      const member = await quickMember(t, 'Progressing');
      await answer(member, seedCards[0]!.id, 1);
      await answer(member, seedCards[1]!.id, 4);
      await answer(member, seedCards[2]!.id, 3);
      const page = (await member.client.get('/progress')).body;
      for (const id of ['heatmap', 'retention', 'forecast']) {
        assert.match(
          page,
          new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`),
          id,
        );
        assert.match(page, new RegExp(`<title id="${id}-title">`), id);
        assert.match(page, new RegExp(`<desc id="${id}-desc">`), id);
      }
      assert.equal((page.match(/<table class="data-table">/g) ?? []).length, 4);
      // Cards by stage: its words are HTML, beside bars that stretch to the width.
      assert.match(page, /<ul class="stage-rows"><li><p class="stage-label">/);
      const words = text(page);
      assert.match(words, /3 reviews on 1 day/);
      assert.match(words, /Persecution and Control · 1 known, 2 learning, 8 new/);
      // 2 of 3 answers were not Again.
      assert.match(words, /67%/);
    });
  });
}
