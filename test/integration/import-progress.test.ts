/**
 * Bringing Anki progress, on both engines: a student who answered a deck in Anki and imports its package
 * "with scheduling" carries on with the schedule Recall would have given them. One student answers a set
 * in Recall through the API over two weeks; another imports an Anki package whose review log holds the
 * same answers at the same times. The second student's states must be the first's, card by card, and the
 * figures the preview promised ("N due today", "M within a week") must be what their queue then holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDailyQueue } from '../../src/services/study/study-queue.js';
import { importCardSets } from '../../src/services/import-card-set.js';
import { testDatabases } from '../helpers/databases.js';
import { confirmationFields, csrfOf, postMultipart } from '../helpers/import-form.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, TEST_START, type TestApp } from '../helpers/test-app.js';
import { packageOf, schema11Collection, type FixtureReview } from '../unit/formats/support/anki-fixtures.js';

const CARDS = [
  ['Reichstag fire', 'February 1933: blamed on the communists'],
  ['Enabling Act', 'March 1933: Hitler could make laws without the Reichstag'],
  ['Night of the Long Knives', 'June 1934: the SA leadership purged'],
  ['Gestapo', 'The secret state police'],
  ['Nuremberg Laws', 'September 1935: Jews lost their citizenship'],
  ['Kristallnacht', 'November 1938: synagogues and shops attacked'],
  ['Concentration camps', 'Dachau opened in March 1933'],
  ['Propaganda', 'Goebbels ran the Ministry of Propaganda'],
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Two weeks of answers (card index, offset from the start, rating): relearning after a lapse, a card
 * answered again the same day (practice in Recall), one answered an hour before the import (still in its
 * learning steps), one never answered.
 */
const ANSWERS: [number, number, 1 | 2 | 3 | 4][] = [
  [0, 0, 3],
  [1, 5 * MINUTE, 1],
  [1, 20 * MINUTE, 3],
  [2, 30 * MINUTE, 3],
  [0, DAY, 3],
  [1, DAY + HOUR, 3],
  [2, DAY + 2 * HOUR, 4],
  [3, 2 * DAY, 3],
  [3, 3 * DAY, 1],
  [3, 3 * DAY + 15 * MINUTE, 3],
  [1, 3 * DAY + HOUR, 2],
  [0, 4 * DAY, 3],
  [0, 4 * DAY + HOUR, 3],
  [4, 5 * DAY, 4],
  [5, 10 * DAY, 3],
  [5, 11 * DAY, 3],
  [0, 12 * DAY, 3],
  [2, 13 * DAY, 2],
  [6, 14 * DAY, 1],
];
const STUDIED = new Set(ANSWERS.map(([card]) => card)).size;
const IMPORTED_AT = 14 * DAY + HOUR;

const durationOf = (index: number) => 3000 + index * 250;

function ankiPackage(): Uint8Array {
  const reviews: FixtureReview[] = ANSWERS.map(([note, offset, ease], index) => ({
    note,
    at: TEST_START.getTime() + offset,
    ease,
    timeMs: durationOf(index),
  }));
  return packageOf({
    'collection.anki21': schema11Collection({
      decks: { 1: { name: 'Default' }, 2: { name: 'History::Persecution and control' } },
      notes: CARDS.map((fields) => ({ fields: [...fields], deckId: 2 })),
      reviews,
    }),
    media: '{}',
  });
}

for (const factory of testDatabases()) {
  describe(`bringing Anki progress on ${factory.dialect}`, () => {
    let t: TestApp;
    let inRecall: TestMember;
    let fromAnki: TestMember;
    let studiedSetId: number;

    const db = () => t.container.database.db;
    const statesOf = (userId: number, setId: number) =>
      db()
        .selectFrom('study_states')
        .innerJoin('cards', 'cards.id', 'study_states.card_id')
        .select([
          'cards.position',
          'study_states.variant',
          'study_states.phase',
          'study_states.due',
          'study_states.stability',
          'study_states.difficulty',
          'study_states.reps',
          'study_states.lapses',
          'study_states.last_review',
        ])
        .where('study_states.user_id', '=', userId)
        .where('study_states.card_set_id', '=', setId)
        .orderBy('cards.position')
        .execute();
    const logsOf = (userId: number) =>
      db()
        .selectFrom('review_logs')
        .select(['source', 'practice', 'rating', 'reviewed_at', 'duration_ms', 'card_set_id'])
        .where('user_id', '=', userId)
        .orderBy('reviewed_at')
        .execute();

    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      inRecall = await quickMember(t, 'Studies in Recall');
      fromAnki = await quickMember(t, 'Studied in Anki');
      const [set] = await importCardSets(t.container.ctx, [
        {
          parsed: {
            title: 'Persecution and control',
            subtitle: null,
            subject: 'History',
            topic: null,
            language: null,
            tags: [],
            cards: CARDS.map(([title, body]) => ({ title, body })),
          },
          visibility: 'public',
          author: { handle: 'demo-team', displayName: 'Demo team' },
        },
      ]);
      studiedSetId = set!.id;
      const cards = await t.container.ctx.repos.cardSets.findCards(studiedSetId);
      // The first student answers in Recall, at the times the package's log says.
      for (const [index, [card, offset, rating]] of ANSWERS.entries()) {
        t.clock.advance(TEST_START.getTime() + offset - t.clock.now().getTime());
        const answered = await inRecall.client.api('POST', '/api/v1/reviews', {
          cardId: cards[card]!.id,
          rating,
          durationMs: durationOf(index),
        });
        assert.equal(answered.statusCode, 201, answered.body);
      }
      t.clock.advance(TEST_START.getTime() + IMPORTED_AT - t.clock.now().getTime());
    });
    after(async () => {
      await t?.close();
    });

    const upload = async (member: TestMember) => {
      const page = await member.client.get('/import');
      const preview = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'persecution.apkg', bytes: ankiPackage() }],
      ]);
      assert.equal(preview.statusCode, 200, preview.body.slice(0, 800));
      return preview.body;
    };
    const promised = (html: string) => {
      const match =
        /It holds your review history: (\d+) answers to (\d+) cards\.[\s\S]*?<strong>(\d+) due today<\/strong>, (\d+) due within a week/.exec(
          html,
        );
      assert.ok(match, 'the preview tells what the history gives');
      const [, answers, studied, dueToday, dueThisWeek] = match.map(Number);
      return { answers, studied, dueToday, dueThisWeek };
    };

    it('previews the progress a package brings, in the same figures as the queue of a student who answered in Recall', async () => {
      const html = await upload(fromAnki);
      const figures = promised(html);
      assert.match(
        html,
        /<input type="checkbox" id="[^"]*bringProgress" name="bringProgress" value="1" checked/,
      );
      assert.equal(figures.answers, ANSWERS.length);
      assert.equal(figures.studied, STUDIED);
      const queue = await getDailyQueue(t.container.ctx, { userId: inRecall.userId, role: 'member' });
      assert.equal(figures.dueToday, queue.dueNow + queue.laterToday);
      const nextWeek = (Math.floor(t.clock.now().getTime() / DAY) + 7) * DAY;
      const dueThisWeek = (await statesOf(inRecall.userId, studiedSetId)).filter(
        (state) => state.due < nextWeek,
      ).length;
      assert.equal(figures.dueThisWeek, dueThisWeek);
      // Not trivial: some items are due today, some later this week, some after it.
      assert.ok(figures.dueToday > 0, `due today: ${figures.dueToday}`);
      assert.ok(figures.dueThisWeek > figures.dueToday, `due this week: ${figures.dueThisWeek}`);
      assert.ok(figures.dueThisWeek < STUDIED, `due this week: ${figures.dueThisWeek} of ${STUDIED}`);
    });

    it('brings the history as the learner’s own: the states Recall would have given, and the queue the preview promised', async () => {
      const html = await upload(fromAnki);
      const figures = promised(html);
      const done = await postMultipart(
        fromAnki.client,
        '/import/confirm',
        confirmationFields(html, { subject: '', visibility: 'private', bringProgress: '1' }),
      );
      assert.equal(done.statusCode, 303, done.body.slice(0, 800));
      const setId = Number(/\/sets\/(\d+)\//.exec(done.headers.location as string)![1]);

      // Card by card, the state the first student reached by answering in Recall.
      const expected = await statesOf(inRecall.userId, studiedSetId);
      const brought = await statesOf(fromAnki.userId, setId);
      assert.equal(brought.length, STUDIED);
      assert.deepEqual(brought, expected);

      // Each answer logged once, as imported; practice answers as practice, as Recall logged them.
      const recallLogs = await logsOf(inRecall.userId);
      const importedLogs = await logsOf(fromAnki.userId);
      assert.equal(importedLogs.length, ANSWERS.length);
      assert.ok(importedLogs.every((log) => log.source === 'import' && log.card_set_id === setId));
      assert.deepEqual(
        importedLogs.map(({ practice, rating, reviewed_at, duration_ms }) => [
          practice,
          rating,
          reviewed_at,
          duration_ms,
        ]),
        recallLogs.map(({ practice, rating, reviewed_at, duration_ms }) => [
          practice,
          rating,
          reviewed_at,
          duration_ms,
        ]),
      );
      assert.ok(
        importedLogs.some((log) => log.practice === 1),
        'an answer again the same day is practice',
      );

      // What the preview promised is what the queue holds.
      const queue = await getDailyQueue(t.container.ctx, { userId: fromAnki.userId, role: 'member' });
      assert.equal(queue.dueNow + queue.laterToday, figures.dueToday);
      const review = await fromAnki.client.get('/review');
      assert.equal(review.statusCode, 200);
    });

    it('imports the sets without the history when the learner unticks it', async () => {
      const html = await upload(fromAnki);
      const before = (await logsOf(fromAnki.userId)).length;
      const done = await postMultipart(
        fromAnki.client,
        '/import/confirm',
        confirmationFields(html, { subject: '', visibility: 'private' }),
      );
      assert.equal(done.statusCode, 303, done.body.slice(0, 800));
      const setId = Number(/\/sets\/(\d+)\//.exec(done.headers.location as string)![1]);
      assert.deepEqual(await statesOf(fromAnki.userId, setId), []);
      assert.equal((await logsOf(fromAnki.userId)).length, before);
    });

    it('brings the progress through the API too, previewed in the same figures', async () => {
      const file = Buffer.from(ankiPackage()).toString('base64');
      const preview = await inRecall.client.api('POST', '/api/v1/imports/preview', {
        file,
        fileName: 'persecution.apkg',
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const { progress } = preview.json<{ progress: ReturnType<typeof promised> }>();
      const page = promised(await upload(inRecall));
      assert.deepEqual(progress, page);
      const imported = await inRecall.client.api('POST', '/api/v1/imports', {
        file,
        fileName: 'persecution.apkg',
        bringProgress: true,
      });
      assert.equal(imported.statusCode, 201, imported.body);
      const [set] = imported.json<{
        sets: { id: number; progress?: { answers: number; studied: number } }[];
      }>().sets;
      assert.deepEqual(set!.progress, { answers: ANSWERS.length, studied: STUDIED });
      assert.equal((await statesOf(inRecall.userId, set!.id)).length, STUDIED);
    });

    it('keeps a history too long for one request to the command line, on the page and in the API', async () => {
      // 100,001 answers (the most brought through the web is 100,000), an hour apart, to one card.
      const long = packageOf({
        'collection.anki21': schema11Collection({
          decks: { 1: { name: 'Default' }, 2: { name: 'History::Long' } },
          notes: [{ fields: ['Reichstag fire', 'February 1933'], deckId: 2 }],
          reviews: Array.from({ length: 100_001 }, (_, n) => ({
            note: 0,
            at: Date.UTC(2012, 0, 1) + n * HOUR,
            ease: 3,
            timeMs: 1000,
          })),
        }),
        media: '{}',
      });
      const page = await inRecall.client.get('/import');
      const preview = await postMultipart(inRecall.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'long.apkg', bytes: long }],
      ]);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /100,001 answers to 1 card/);
      assert.match(preview.body, /too long to bring through this page/);
      assert.doesNotMatch(preview.body, /name="bringProgress"/);
      const file = Buffer.from(long).toString('base64');
      const refused = await inRecall.client.api('POST', '/api/v1/imports', { file, bringProgress: true });
      assert.equal(refused.statusCode, 413, refused.body);
      assert.match(refused.body, /holds 100,001 answers; at most 100,000/);
      const without = await inRecall.client.api('POST', '/api/v1/imports', { file });
      assert.equal(without.statusCode, 201, without.body);
    });

    it('refuses a history changed on the way, storing nothing', async () => {
      const html = await upload(inRecall);
      const sets = await t.container.ctx.repos.cardSets.count();
      const fields = confirmationFields(html, { subject: '', visibility: 'private', bringProgress: '1' });
      for (const forged of [
        '[[99,0,1790000000000,3,1000]]', // no such card
        '[[0,1,1790000000000,3,1000]]', // a reverse the card does not have
        '[[0,0,1790000000000,7,1000]]', // no such rating
        `[[0,0,${TEST_START.getTime() + 30 * DAY},3,1000]]`, // in the future
        '[[0,0,"1790000000000",3,1000]]', // not numbers
        '{"cardIndex":0}', // not a list
      ]) {
        const tampered = fields.map(([name, value]): [string, typeof value] =>
          name === 'history' ? [name, forged] : [name, value],
        );
        const refused = await postMultipart(inRecall.client, '/import/confirm', tampered);
        assert.equal(refused.statusCode, 400, forged);
        assert.match(refused.body, /The review history did not come back whole/, forged);
      }
      assert.equal(await t.container.ctx.repos.cardSets.count(), sets);
    });
  });
}
