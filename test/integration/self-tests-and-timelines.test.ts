/**
 * Self-tests and timelines over HTTP on both engines, on the seed as shipped: the generated questions
 * through the API and their invariants, marking a test through the form (a typo accepted and explained,
 * a wrong answer logged as Again), and the seed's timeline, exactly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { containsPhrase } from '../../src/domain/study/answer-text.js';
import { cardPlainText, cardPrompt } from '../../src/domain/study/index.js';
import { getSetTimeline, timelineExercise, placeField } from '../../src/services/study/set-timeline.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ApiQuestion {
  id: string;
  kind: 'cloze' | 'multiple-choice' | 'ordering' | 'which-card';
  prompt: string;
  choices: string[] | null;
  answer: string | string[];
  answerKind: string | null;
  dates: string[] | null;
  explanation: string;
  sources: { position: number; title: string | null; link: string }[];
}

interface ApiTest {
  set: { id: number; title: string };
  seed: number;
  count: number;
  questions: ApiQuestion[];
}

interface ApiEvent {
  year: number;
  month: number | null;
  day: number | null;
  endYear: number | null;
  dateLabel: string;
  text: string;
  card: { position: number; title: string | null };
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`self-tests and timelines on ${factory.dialect}`, () => {
    let t: TestApp;
    let seedId: number;
    let cards: { id: number; position: number; title: string | null; body: string }[];

    before(async () => {
      t = await createTestApp(factory);
      seedId = (
        await t.container.database.db
          .selectFrom('card_sets')
          .select('id')
          .where('title', '=', 'Persecution and Control')
          .executeTakeFirstOrThrow()
      ).id;
      cards = await t.container.ctx.repos.cardSets.findCards(seedId);
    });
    after(async () => {
      await t?.close();
    });

    const getTest = async (query: string) => {
      const response = await new BrowserClient(t.app).get(`/api/v1/sets/${seedId}/test?${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json<ApiTest>();
    };
    const cardAt = (position: number) => cards.find((card) => card.position === position)!;

    it('generates at least 30 distinct valid questions from the seed, each answer in its source card', async () => {
      const test = await getTest('count=50&seed=42');
      assert.equal(test.seed, 42);
      assert.equal(test.set.id, seedId);
      const ids = new Set(test.questions.map((q) => q.id));
      assert.ok(ids.size >= 30, `${ids.size} distinct questions`);
      assert.equal(ids.size, test.questions.length, 'no question twice');
      const kinds = new Set(test.questions.map((q) => q.kind));
      assert.deepEqual([...kinds].sort(), ['cloze', 'multiple-choice', 'ordering', 'which-card']);
      for (const q of test.questions) {
        const what = `${q.kind} ${q.id}: ${q.prompt}`;
        assert.ok(q.sources.length > 0, what);
        const sourceText = q.sources.map((s) => cardPlainText(cardAt(s.position))).join('\n');
        for (const source of q.sources) {
          assert.equal(source.link, `/sets/${seedId}/persecution-and-control#card-${source.position}`);
        }
        if (q.choices !== null) {
          const keys = q.choices.map((c) => c.trim().toLowerCase());
          assert.equal(new Set(keys).size, keys.length, `no two choices alike: ${what}`);
        }
        assert.ok(q.explanation.length > 0, what);
        if (Array.isArray(q.answer)) {
          assert.equal(q.kind, 'ordering');
          assert.deepEqual([...q.answer].sort(), [...q.choices!].sort(), what);
          assert.equal(q.dates?.length, q.answer.length, what);
          for (const item of q.answer) {
            assert.ok(containsPhrase(sourceText, item), `item in its source cards: ${item} (${what})`);
            assert.ok(!containsPhrase(q.prompt, item), `prompt gives no item away: ${what}`);
          }
        } else if (q.kind === 'which-card') {
          const card = cardAt(q.sources[0]!.position);
          assert.equal(q.answer, cardPrompt(card), `the answer is the source card's front: ${what}`);
          assert.ok(q.choices!.includes(q.answer), what);
          assert.ok(!containsPhrase(q.prompt, q.answer), `prompt does not contain its answer: ${what}`);
        } else {
          assert.ok(containsPhrase(sourceText, q.answer), `answer in its source card: ${q.answer} (${what})`);
          assert.ok(!containsPhrase(q.prompt, q.answer), `prompt does not contain its answer: ${what}`);
          if (q.kind === 'multiple-choice') assert.ok(q.choices!.includes(q.answer), what);
        }
      }
    });

    it('makes the same test for the same seed, another for another seed, and checks its options', async () => {
      const a = await getTest('count=10&seed=7');
      const b = await getTest('count=10&seed=7');
      const c = await getTest('count=10&seed=8');
      assert.equal(a.questions.length, 10);
      assert.deepEqual(a, b);
      assert.notDeepEqual(
        a.questions.map((q) => q.id),
        c.questions.map((q) => q.id),
      );
      const fresh = await getTest('count=3');
      assert.equal(fresh.questions.length, 3);
      assert.ok(fresh.seed >= 1);
      const visitor = new BrowserClient(t.app);
      for (const bad of ['count=51', 'count=0', 'seed=0', 'seed=abc', 'count=5&seed=99999999999']) {
        assert.equal((await visitor.get(`/api/v1/sets/${seedId}/test?${bad}`)).statusCode, 400, bad);
      }
      assert.equal((await visitor.get('/api/v1/sets/987654/test')).statusCode, 404);
    });

    it('shows a test as a plain form that carries only its seed: radio buttons, selects and text boxes', async () => {
      const page = (await new BrowserClient(t.app).get(`/sets/${seedId}/test?seed=42&count=20`)).body;
      const form = /<form method="post" action="\/sets\/\d+\/test" class="self-test"[\s\S]*?<\/form>/.exec(
        page,
      )?.[0];
      assert.ok(form !== undefined);
      const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((m) => m[1]).sort();
      assert.deepEqual(hidden, ['_csrf', 'count', 'seed']);
      assert.match(form, /name="seed" value="42"/);
      assert.equal((form.match(/<li class="question"/g) ?? []).length, 20);
      assert.match(form, /<fieldset class="question-field choices"><legend>/);
      assert.match(form, /<input type="radio" id="[^"]+" name="a-[0-9a-f]+" value="0"\/>/);
      assert.match(
        form,
        /<select id="[^"]+" name="a-[0-9a-f]+-0"><option value(?:="")?>Place<\/option><option value="1">1<\/option>/,
      );
      assert.match(form, /<input type="text" id="field-a-[0-9a-f]+" name="a-[0-9a-f]+" autocomplete="off"/);
      const test = await getTest('count=20&seed=42');
      for (const q of test.questions) {
        if (typeof q.answer === 'string' && q.kind === 'cloze') {
          assert.ok(!form.includes(`value="${q.answer}"`), 'no answer in the form');
        }
      }
    });

    it('marks a handed-in test: a typo is accepted and explained; answers on cards never studied are logged as practice', async () => {
      // A seed whose test has a cloze with a typeable word and a multiple-choice question on another card.
      let chosen: { seed: number; cloze: ApiQuestion; choice: ApiQuestion; test: ApiTest } | undefined;
      for (let seed = 1; seed < 200 && chosen === undefined; seed++) {
        const test = await getTest(`count=10&seed=${seed}`);
        const cloze = test.questions.find(
          (q) => q.kind === 'cloze' && typeof q.answer === 'string' && /^[a-z]{6,}$/i.test(q.answer),
        );
        const choice = test.questions.find(
          (q) => q.kind === 'multiple-choice' && q.sources[0]!.position !== cloze?.sources[0]!.position,
        );
        if (cloze !== undefined && choice !== undefined) chosen = { seed, cloze, choice, test };
      }
      assert.ok(chosen !== undefined, 'some seed has both');
      const { seed, cloze, choice, test } = chosen;
      const answer = cloze.answer as string;
      const typo = answer.slice(0, 2) + answer[3] + answer[2] + answer.slice(4);
      const wrongIndex = choice.choices!.findIndex((c) => c !== choice.answer);

      const member = await quickMember(t, 'Test taker');
      const path = `/sets/${seedId}/test`;
      const result = await member.client.submit(
        path,
        { seed: String(seed), count: '10', [`a-${cloze.id}`]: typo, [`a-${choice.id}`]: String(wrongIndex) },
        `${path}?seed=${seed}&count=10`,
      );
      assert.equal(result.statusCode, 200);
      const words = text(result.body);
      assert.match(words, /1 out of 10 \(10%\)/);
      assert.ok(
        words.includes(`Accepted with a typo: you wrote '${typo}', the answer is '${answer}'.`),
        words,
      );
      assert.ok(
        words.includes(
          `The answer is “${String(choice.answer)}”; you chose “${choice.choices![wrongIndex]}”.`,
        ),
      );
      assert.match(words, /Cards to revisit/);
      const wrongCard = cards.find((c) => c.position === choice.sources[0]!.position)!;
      assert.ok(result.body.includes(`#card-${wrongCard.position}">Card ${wrongCard.position}`));
      // Each answer given is logged for its card (right: Good; a wrong choice: Hard), questions left blank
      // are not; the cards were never studied, so the answers are practice and start nothing.
      const clozeCard = cards.find((c) => c.position === cloze.sources[0]!.position)!;
      const logs = await t.container.database.db
        .selectFrom('review_logs')
        .select(['card_id', 'rating', 'source', 'phase_before', 'practice'])
        .where('user_id', '=', member.userId)
        .orderBy('card_id')
        .execute();
      assert.deepEqual(
        logs,
        [
          { card_id: clozeCard.id, rating: 3, source: 'test', phase_before: 'new', practice: 1 },
          { card_id: wrongCard.id, rating: 2, source: 'test', phase_before: 'new', practice: 1 },
        ].sort((a, b) => a.card_id - b.card_id),
      );
      const states = await t.container.database.db
        .selectFrom('study_states')
        .select('card_id')
        .where('user_id', '=', member.userId)
        .execute();
      assert.deepEqual(states, [], 'a test does not start cards');
      assert.doesNotMatch(words, /will come back soon/);
      assert.equal(test.questions.length, 10);

      // A visitor's test is marked the same, and nothing is recorded.
      const visitor = new BrowserClient(t.app);
      const visitorResult = await visitor.submit(
        path,
        { seed: String(seed), count: '10', [`a-${cloze.id}`]: answer },
        `${path}?seed=${seed}&count=10`,
      );
      assert.match(text(visitorResult.body), /1 out of 10/);
      assert.match(text(visitorResult.body), /Log in to have the cards you got wrong come back/);
      // Answers to questions this test does not have (the set changed) are reported, not marked.
      const stale = await visitor.submit(
        path,
        { seed: String(seed), count: '10', 'a-0123456789abcdef': 'Stalin' },
        `${path}?seed=${seed}&count=10`,
      );
      assert.match(text(stale.body), /1 answer could not be marked/);
      const tampered = await visitor.submit(path, { seed: 'x', count: '10' }, path);
      assert.equal(tampered.statusCode, 400);
    });

    it('serves the seed’s timeline in date order, with Kirov’s assassination on 1 December 1934', async () => {
      const response = await new BrowserClient(t.app).get(`/api/v1/sets/${seedId}/timeline`);
      assert.equal(response.statusCode, 200);
      const events = response.json<{ events: ApiEvent[] }>().events;
      assert.deepEqual(
        events.map((e) => [e.dateLabel, e.card.position]),
        [
          ['1925–1927', 9],
          ['1928–1938', 3],
          ['1930', 4],
          ['1930–1932', 6],
          ['1932', 4],
          ['1934', 4],
          ['1934', 4],
          ['1 December 1934', 4],
          ['1935', 4],
          ['1935', 11],
          ['1936', 4],
          ['1936–1938', 5],
          ['1937', 4],
          ['1938', 4],
          ['March 1939', 8],
          ['1941', 10],
        ],
      );
      const chronology = events.filter((e) => e.card.position === 4);
      assert.equal(chronology.length, 9, 'the nine chronology entries');
      assert.deepEqual(
        chronology.map((e) => [e.year, e.month, e.day, e.endYear]),
        [
          [1930, null, null, null],
          [1932, null, null, null],
          [1934, null, null, null],
          [1934, null, null, null],
          [1934, 12, 1, null],
          [1935, null, null, null],
          [1936, null, null, null],
          [1937, null, null, null],
          [1938, null, null, null],
        ],
      );
      const kirov = chronology[4]!;
      assert.deepEqual(
        { ...kirov, card: kirov.card.title },
        {
          ...kirov,
          year: 1934,
          month: 12,
          day: 1,
          endYear: null,
          dateLabel: '1 December 1934',
          text: "Kirov assassinated by Nikolayev, a party member. Kirov's bodyguard mysteriously absent. Stalin passes a decree giving NKVD power to arrest and detain suspects.",
          card: 'Chronology of the Terror 1930 - 38',
        },
      );
      const march = events.find((e) => e.dateLabel === 'March 1939')!;
      assert.deepEqual([march.year, march.month, march.day], [1939, 3, null]);
      const range = events.find((e) => e.card.position === 6)!;
      assert.deepEqual([range.year, range.endYear], [1930, 1932]);
    });

    it('shows the timeline as an ordered list of years with <time> elements, and marks the ordering exercise', async () => {
      const visitor = new BrowserClient(t.app);
      const path = `/sets/${seedId}/timeline`;
      const page = (await visitor.get(`${path}?seed=7`)).body;
      assert.match(page, /<ol class="timeline" aria-label="Events by year">/);
      const years = [...page.matchAll(/<h2 class="timeline-year-heading" id="year-(\d+)">/g)].map((m) =>
        Number(m[1]),
      );
      assert.deepEqual(years, [1925, 1928, 1930, 1932, 1934, 1935, 1936, 1937, 1938, 1939, 1941]);
      assert.match(page, /<time datetime="1934-12-01">1 December 1934<\/time>/);
      assert.match(page, /<time datetime="1939-03">March 1939<\/time>/);
      assert.match(page, /<time datetime="1930">1930<\/time>–<time datetime="1932">1932<\/time>/);

      const timeline = await getSetTimeline(t.container.ctx, null, seedId);
      const exercise = timelineExercise(timeline, 7)!;
      assert.equal(exercise.shown.length, 5);
      const shownOnPage = [...page.matchAll(/<select id="[^"]+" name="(place-[0-9a-f]+)">/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(
        shownOnPage,
        exercise.shown.map((item) => placeField(item.event.id)),
      );
      const right = Object.fromEntries(
        exercise.shown.map((item) => [placeField(item.event.id), String(exercise.answer.indexOf(item) + 1)]),
      );
      const marked = await visitor.submit(path, { seed: '7', ...right }, `${path}?seed=7`);
      assert.equal(marked.statusCode, 200);
      assert.match(text(marked.body), /All 5 in the right order\./);
      const wrong = Object.fromEntries(
        exercise.shown.map((item) => [placeField(item.event.id), String(5 - exercise.answer.indexOf(item))]),
      );
      const remarked = text((await visitor.submit(path, { seed: '7', ...wrong }, `${path}?seed=7`)).body);
      assert.match(remarked, /[0-4] of 5 in the right place\./);
      assert.match(remarked, /The right order:/);
    });
  });
}
