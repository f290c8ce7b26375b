import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Rating, dateDiffInDays, fsrs, type FSRSState } from 'ts-fsrs';
import { AppError } from '../../../../src/domain/errors.js';
import {
  planStudy,
  todaysItems,
  type PlanItem,
  type StudyPlan,
  type StudyPlanOptions,
} from '../../../../src/domain/study/exam-plan.js';
import { newStudyState, review, type StudyState } from '../../../../src/domain/study/scheduling.js';

const NOW = new Date('2026-11-27T09:00:00Z');
const DAY = 86_400_000;
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** ts-fsrs used directly, as an independent check of the plan's predictions. */
const algorithm = fsrs({ enable_fuzz: false });

function reviewed(stability: number, difficulty: number, daysAgo: number, dueInDays: number): StudyState {
  return {
    ...newStudyState(NOW),
    phase: 'review',
    stability,
    difficulty,
    reps: 3,
    lastReview: daysFrom(NOW, -daysAgo),
    due: daysFrom(NOW, dueInDays),
  };
}

/** Recall on the exam day after reviews on these days, each Good (a new item: learnt on the first). */
function recallAfter(state: StudyState, days: readonly number[], examDay: number): number {
  let memory: FSRSState | null =
    state.phase === 'new' ? null : { stability: state.stability, difficulty: state.difficulty };
  let last = state.lastReview === null ? 0 : dateDiffInDays(NOW, state.lastReview);
  for (const [index, day] of days.entries()) {
    if (memory === null && index === 0) {
      memory = algorithm.next_state(algorithm.next_state(null, 0, Rating.Good), 0, Rating.Good);
    } else {
      memory = algorithm.next_state(memory, day - last, Rating.Good);
    }
    last = day;
  }
  return memory === null ? 0 : algorithm.forgetting_curve(examDay - last, memory.stability);
}

const item = (key: string, state: StudyState, exams = ['exam'], setKey = 'seed'): PlanItem => ({
  key,
  setKey,
  state,
  exams,
});
const exam = (days: number, targetRecall = 0.9, key = 'exam') => ({
  key,
  date: daysFrom(NOW, days),
  targetRecall,
  dailyCap: 50,
});
const plan = (options: Partial<StudyPlanOptions> & Pick<StudyPlanOptions, 'items' | 'exams'>): StudyPlan =>
  planStudy({ now: NOW, newCardsPerDay: 20, newSeenToday: 0, ...options });
const days = (p: StudyPlan, key: string) =>
  p.items.find((i) => i.key === key)!.reviews.map((r) => [r.day, r.reason]);

describe('planStudy', () => {
  it('leaves alone an item that FSRS already keeps above the target until the exam', () => {
    const p = plan({ items: [item('a', reviewed(60, 5, 1, 60))], exams: [exam(10)] });
    assert.deepEqual(days(p, 'a'), []);
    assert.equal(p.items[0]!.status, 'ready');
    assert.ok(p.items[0]!.recallOnExam >= 0.9);
    assert.equal(p.load.length, 10);
  });

  it('adds one exam review when FSRS’s schedule would leave recall on the day under the target, inside the window that works', () => {
    const state = reviewed(30, 5, 20, 13);
    assert.ok(recallAfter(state, [], 10) < 0.95);
    const p = plan({ items: [item('a', state)], exams: [exam(10, 0.95)] });
    const planned = p.items[0]!;
    assert.equal(planned.reviews.length, 1);
    const [review] = planned.reviews;
    assert.equal(review!.reason, 'exam');
    const window = planned.window!;
    assert.equal(window.latestDay, 9);
    assert.ok(review!.day >= window.earliestDay && review!.day <= window.latestDay);
    // The window is exactly the days on which one review reaches the target.
    assert.ok(recallAfter(state, [window.earliestDay], 10) >= 0.95);
    if (window.earliestDay > 0) assert.ok(recallAfter(state, [window.earliestDay - 1], 10) < 0.95);
    assert.equal(planned.recallOnExam, recallAfter(state, [review!.day], 10));
    assert.equal(planned.status, 'ready');
  });

  it('keeps FSRS’s due reviews, an overdue one today', () => {
    const p = plan({
      items: [item('a', reviewed(5, 5, 8, -3)), item('b', reviewed(5, 5, 3, 2))],
      exams: [exam(30)],
    });
    assert.deepEqual(days(p, 'a')[0], [0, 'due']);
    assert.deepEqual(days(p, 'b')[0], [2, 'due']);
    assert.ok(p.items.every((i) => i.status === 'ready'));
  });

  it('introduces new items at most the limit a day, today only what is left of it, the earliest exam’s first', () => {
    const items = [
      ...Array.from({ length: 30 }, (_, i) => item(`late${i}`, newStudyState(NOW), ['late'])),
      ...Array.from({ length: 30 }, (_, i) => item(`soon${i}`, newStudyState(NOW), ['soon'])),
    ];
    const p = plan({
      items,
      exams: [exam(20, 0.9, 'late'), exam(3, 0.9, 'soon')],
      newCardsPerDay: 10,
      newSeenToday: 4,
    });
    const introduced = (prefix: string) =>
      p.items.filter((i) => i.key.startsWith(prefix)).map((i) => i.introducedOn);
    // Today 6 (10 − 4 seen), then 10 a day: the exam in 3 days gets days 0–2, 26 of its 30 items.
    assert.deepEqual(introduced('soon').slice(0, 27), [
      ...Array<number>(6).fill(0),
      ...Array<number>(10).fill(1),
      ...Array<number>(10).fill(2),
      null,
    ]);
    assert.equal(p.items.filter((i) => i.status === 'not-started').length, 4);
    assert.deepEqual(introduced('late').slice(0, 11), [...Array<number>(10).fill(3), 4]);
    for (let d = 0; d < 20; d++) {
      const started = p.items.filter((i) => i.introducedOn === d).length;
      assert.ok(started <= (d === 0 ? 6 : 10), `day ${d}: ${started}`);
    }
  });

  it('finishes today’s learning steps when their minutes pass, then plans from there', () => {
    const learning = review(newStudyState(NOW), 3, NOW).state;
    assert.equal(learning.phase, 'learning');
    const p = plan({ items: [item('a', learning)], exams: [exam(10)] });
    assert.deepEqual(days(p, 'a')[0], [0, 'learning']);
    assert.equal(p.items[0]!.doneToday, true);
    assert.equal(p.items[0]!.memory!.last, 0);
    assert.equal(todaysItems(p).get('a'), 'learning');
  });

  it('marks an item at risk when no schedule can reach the target, and reviews it at once and on the last day', () => {
    // A very hard item (stability half a day), target 99% in 3 days.
    const p = plan({ items: [item('a', reviewed(0.5, 10, 1, 30))], exams: [exam(3, 0.99)] });
    const planned = p.items[0]!;
    assert.equal(planned.status, 'at-risk');
    assert.equal(planned.window, null);
    assert.deepEqual(days(p, 'a')[0], [0, 'at-risk']);
    assert.deepEqual(days(p, 'a').at(-1), [2, 'at-risk']);
    assert.ok(planned.recallOnExam < 0.99);
  });

  it('marks new items that the limit cannot start before the exam as not started: not known on the day', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`n${i}`, newStudyState(NOW)));
    const p = plan({ items, exams: [exam(2)], newCardsPerDay: 20 });
    assert.equal(p.items.filter((i) => i.status === 'ready').length, 40);
    const left = p.items.filter((i) => i.status === 'not-started');
    assert.equal(left.length, 10);
    assert.ok(left.every((i) => i.recallOnExam === 0 && i.reviews.length === 0));
  });

  it('spreads exam reviews over the days they can take: the last days are no heavier than the others', () => {
    // 120 items that FSRS would next see after the exam, each needing one review in the last 12 days.
    const items = Array.from({ length: 120 }, (_, i) => item(`c${i}`, reviewed(40, 5, 30, 20)));
    const p = plan({ items, exams: [exam(14, 0.93)] });
    const window = p.items[0]!.window!;
    assert.ok(window.latestDay - window.earliestDay >= 5, `window ${window.earliestDay}–${window.latestDay}`);
    const inWindow = p.load.slice(window.earliestDay, window.latestDay + 1);
    assert.ok(Math.max(...inWindow) - Math.min(...inWindow) <= 1, `loads ${inWindow.join(' ')}`);
    const mean = inWindow.reduce((a, b) => a + b, 0) / inWindow.length;
    assert.ok(p.load[13]! <= Math.ceil(mean), `last day ${p.load[13]} vs mean ${mean}`);
    assert.ok(p.items.every((i) => i.status === 'ready'));
  });

  it('puts nothing more on today once today’s reviews are done', () => {
    const items = Array.from({ length: 60 }, (_, i) => item(`c${i}`, reviewed(40, 5, 30, 20)));
    const first = plan({ items, exams: [exam(14, 0.93)] });
    const today = todaysItems(first);
    // The learner answers today's items (Good); planning again later today adds none.
    const later = new Date(NOW.getTime() + 3_600_000);
    const after = items.map((i) => (today.has(i.key) ? { ...i, state: review(i.state, 3, NOW).state } : i));
    const again = planStudy({
      items: after,
      exams: [exam(14, 0.93)],
      now: later,
      newCardsPerDay: 20,
      newSeenToday: 0,
    });
    assert.equal(todaysItems(again).size, 0);
    assert.equal(again.load[0], today.size);
  });

  it('plans each item for its first exam ahead; an exam day that has come is left out', () => {
    const p = plan({
      items: [item('a', reviewed(3, 5, 1, 2), ['past', 'later', 'sooner'])],
      exams: [{ ...exam(0, 0.9, 'past'), date: NOW }, exam(30, 0.9, 'later'), exam(5, 0.9, 'sooner')],
    });
    assert.deepEqual(
      p.exams.map((e) => [e.key, e.day]),
      [
        ['sooner', 5],
        ['later', 30],
      ],
    );
    assert.equal(p.items[0]!.exam, 'sooner');
    assert.deepEqual(p.items[0]!.exams, ['sooner', 'later']);
  });

  it('refuses a bad limit, target or cap', () => {
    const base = { items: [], exams: [exam(5)], now: NOW, newCardsPerDay: 20, newSeenToday: 0 };
    assert.throws(() => planStudy({ ...base, newCardsPerDay: -1 }), AppError);
    assert.throws(() => planStudy({ ...base, exams: [exam(5, 1.2)] }), AppError);
    assert.throws(() => planStudy({ ...base, exams: [{ ...exam(5), dailyCap: 0 }] }), AppError);
    assert.throws(() => planStudy({ ...base, exams: [exam(4000)] }), AppError);
  });
});

const stateArbitrary: fc.Arbitrary<StudyState> = fc.oneof(
  fc.constant(newStudyState(NOW)),
  fc
    .record({
      stability: fc.double({ min: 0.2, max: 200, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
      daysAgo: fc.integer({ min: 0, max: 60 }),
      dueIn: fc.integer({ min: -20, max: 120 }),
    })
    .map(({ stability, difficulty, daysAgo, dueIn }) =>
      reviewed(stability, difficulty, daysAgo, Math.max(dueIn, 1 - daysAgo)),
    ),
);

describe('planStudy, for any items, dates and targets', () => {
  it('plans reviews on days before the exam, at most one a day, starts at most the limit a day, and each item ready reaches the target if every review is recalled', () => {
    fc.assert(
      fc.property(
        fc.array(stateArbitrary, { maxLength: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        (states, examIn, target, newPerDay) => {
          const p = plan({
            items: states.map((state, i) => item(`c${i}`, state)),
            exams: [exam(examIn, target)],
            newCardsPerDay: newPerDay,
          });
          p.items.forEach((planned, i) => {
            const state = states[i]!;
            const reviewDays = planned.reviews.map((r) => r.day);
            assert.ok(
              reviewDays.every((d, k) => d >= 0 && d < examIn && (k === 0 || d > reviewDays[k - 1]!)),
              `days ${reviewDays.join(',')}`,
            );
            const recall = recallAfter(state, reviewDays, examIn);
            assert.ok(Math.abs(recall - planned.recallOnExam) < 1e-9, 'the prediction is ts-fsrs’s');
            if (planned.status === 'ready') assert.ok(recall >= target);
            else if (planned.status === 'not-started') assert.equal(state.phase, 'new');
          });
          for (let d = 0; d < examIn; d++) {
            assert.ok(p.items.filter((i) => i.introducedOn === d).length <= newPerDay);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
