import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Rating, dateDiffInDays, fsrs, type FSRSState } from 'ts-fsrs';
import { AppError } from '../../../../src/domain/errors.js';
import { planForExam, type ExamCard, type ExamPlan } from '../../../../src/domain/study/exam-plan.js';
import { newStudyState, type StudyState } from '../../../../src/domain/study/scheduling.js';

const TODAY = new Date('2026-11-27T09:00:00Z');
const DAY = 86_400_000;
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** ts-fsrs used directly, as an independent check of the plan's predictions. */
const algorithm = fsrs({ enable_fuzz: false });

function reviewed(stability: number, difficulty: number, daysAgo: number, dueInDays: number): StudyState {
  return {
    ...newStudyState(TODAY),
    phase: 'review',
    stability,
    difficulty,
    reps: 3,
    lastReview: daysFrom(TODAY, -daysAgo),
    due: daysFrom(TODAY, dueInDays),
  };
}

/** Recall on the exam day after the planned reviews, each rated Good, computed with ts-fsrs alone. */
function recallAfter(state: StudyState, days: readonly number[], examDay: number): number {
  let memory: FSRSState | null =
    state.phase === 'new' || state.lastReview === null
      ? null
      : { stability: state.stability, difficulty: state.difficulty };
  let last = state.lastReview === null ? 0 : dateDiffInDays(TODAY, state.lastReview);
  for (const day of days) {
    memory = algorithm.next_state(memory, memory === null ? 0 : day - last, Rating.Good);
    last = day;
  }
  return memory === null ? 0 : algorithm.forgetting_curve(examDay - last, memory.stability);
}

const card = (key: string, state: StudyState, setKey = 'seed'): ExamCard => ({ key, setKey, state });

describe('planForExam', () => {
  it('leaves alone a card that FSRS already keeps above the target until the exam', () => {
    const plan = planForExam({
      cards: [card('a', reviewed(60, 5, 1, 60))],
      today: TODAY,
      examDate: daysFrom(TODAY, 10),
      dailyCap: 20,
    });
    assert.deepEqual(plan.cards[0]!.reviews, []);
    assert.equal(plan.cards[0]!.nextReview, null);
    assert.ok(plan.cards[0]!.predictedRecall >= 0.9);
    assert.equal(plan.examDay, 10);
    assert.equal(plan.days.length, 10);
  });

  it('brings a review forward when FSRS’s due date would leave recall on the exam day under the target', () => {
    const state = reviewed(30, 5, 20, 13);
    assert.ok(recallAfter(state, [], 10) < 0.95);
    const plan = planForExam({
      cards: [card('a', state)],
      today: TODAY,
      examDate: daysFrom(TODAY, 10),
      targetRecall: 0.95,
      dailyCap: 20,
    });
    const planned = plan.cards[0]!;
    assert.deepEqual(
      planned.reviews.map((r) => [r.day, r.reason]),
      [[9, 'exam']],
    );
    assert.ok(
      planned.examWindow !== null && planned.examWindow.earliestDay < 9 && planned.examWindow.latestDay === 9,
    );
    assert.equal(planned.nextReview?.toISOString(), '2026-12-06T00:00:00.000Z');
    assert.ok(planned.nextReview < state.due);
    assert.ok(planned.predictedRecall >= 0.95);
    assert.equal(planned.predictedRecall, recallAfter(state, [9], 10));
  });

  it('keeps FSRS’s due reviews before the exam', () => {
    const state = reviewed(5, 5, 3, 2);
    const plan = planForExam({
      cards: [card('a', state)],
      today: TODAY,
      examDate: daysFrom(TODAY, 30),
      dailyCap: 20,
    });
    const reviews = plan.cards[0]!.reviews;
    assert.equal(reviews[0]!.day, 2);
    assert.ok(reviews.every((r) => r.reason === 'due'));
    assert.ok(plan.cards[0]!.predictedRecall >= 0.9);
  });

  it('reviews an at-risk card as soon as possible, then as FSRS says', () => {
    // A very hard card (stability half a day) not due before the exam: no single review reaches 99%.
    const state = reviewed(0.5, 10, 1, 30);
    const plan = planForExam({
      cards: [card('a', state)],
      today: TODAY,
      examDate: daysFrom(TODAY, 2),
      targetRecall: 0.99,
      dailyCap: 20,
    });
    const planned = plan.cards[0]!;
    assert.equal(planned.atRisk, true);
    assert.equal(planned.examWindow, null);
    assert.deepEqual(
      planned.reviews.map((r) => [r.day, r.reason]),
      [
        [0, 'at-risk'],
        [1, 'at-risk'],
      ],
    );
    assert.ok(planned.predictedRecall < 0.99 && planned.predictedRecall > recallAfter(state, [], 2));
  });

  it('marks a new card at risk when even a study the day before cannot reach the target, and studies it today', () => {
    const plan = planForExam({
      cards: [card('new', newStudyState(TODAY))],
      today: TODAY,
      examDate: daysFrom(TODAY, 1),
      targetRecall: 0.97,
      dailyCap: 20,
    });
    const planned = plan.cards[0]!;
    assert.equal(planned.atRisk, true);
    assert.deepEqual(
      planned.reviews.map((r) => [r.day, r.reason]),
      [[0, 'new']],
    );
    assert.ok(planned.predictedRecall < 0.97);
    assert.equal(plan.atRisk, 1);
  });

  it('spreads exam reviews earlier when the last days are full, never before their earliest safe day', () => {
    const cards = Array.from({ length: 30 }, (_, i) => card(`c${i}`, reviewed(40, 5, 30, 20)));
    const plan = planForExam({
      cards,
      today: TODAY,
      examDate: daysFrom(TODAY, 14),
      targetRecall: 0.95,
      dailyCap: 10,
    });
    assert.ok(
      plan.days.every((d) => !d.overCap),
      JSON.stringify(plan.days.map((d) => d.total)),
    );
    assert.deepEqual(
      plan.days.slice(-3).map((d) => d.exam),
      [10, 10, 10],
    );
    for (const planned of plan.cards) {
      const exam = planned.reviews.find((r) => r.reason === 'exam')!;
      assert.ok(exam.day >= planned.examWindow!.earliestDay && exam.day <= planned.examWindow!.latestDay);
      assert.ok(planned.predictedRecall >= 0.95);
    }
  });

  it('goes over the cap only when the reviews cannot fit before the exam', () => {
    // 30 new cards, no new-card allowance: each needs one review in the last 2 days, 10 a day fit.
    const cards = Array.from({ length: 30 }, (_, i) => card(`n${i}`, newStudyState(TODAY)));
    const plan = planForExam({
      cards,
      today: TODAY,
      examDate: daysFrom(TODAY, 10),
      dailyCap: 10,
      newCardsPerDay: 0,
    });
    const window = plan.cards[0]!.examWindow!;
    assert.deepEqual(window, { earliestDay: 8, latestDay: 9 });
    assert.deepEqual(
      plan.days.slice(-2).map((d) => d.total),
      [15, 15],
    );
    assert.ok(plan.cards.every((c) => c.predictedRecall >= 0.9));
  });

  it('introduces new cards a few a day, where their follow-up reviews fit', () => {
    const cards = Array.from({ length: 12 }, (_, i) => card(`n${i}`, newStudyState(TODAY)));
    const plan = planForExam({
      cards,
      today: TODAY,
      examDate: daysFrom(TODAY, 30),
      dailyCap: 10,
      newCardsPerDay: 4,
    });
    assert.deepEqual(
      plan.cards.map((c) => c.reviews[0]?.day),
      [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2],
      'first studied 4 a day, in the order given',
    );
    assert.ok(plan.cards.every((c) => c.reviews.every((r) => r.reason === 'new') && c.reviews.length > 1));
    assert.ok(plan.days.every((d) => d.total <= 10));
    assert.ok(plan.cards.every((c) => c.predictedRecall >= 0.9 && !c.atRisk));
  });

  it('predicts recall on the exam day per card, on average and per set', () => {
    const plan = planForExam({
      cards: [
        card('a', reviewed(60, 5, 1, 60), 'one'),
        card('b', newStudyState(TODAY), 'two'),
        card('c', reviewed(3, 8, 2, 1), 'two'),
      ],
      today: TODAY,
      examDate: daysFrom(TODAY, 20),
      dailyCap: 5,
    });
    assert.deepEqual(
      plan.bySet.map((s) => [s.setKey, s.cards]),
      [
        ['one', 1],
        ['two', 2],
      ],
    );
    const mean = plan.cards.reduce((sum, c) => sum + c.predictedRecall, 0) / 3;
    assert.equal(plan.averageRecall, mean);
    assert.ok(plan.bySet.every((s) => s.averageRecall >= 0.9));
  });

  it('plans nothing for an exam today and reports what is below the target', () => {
    const plan = planForExam({
      cards: [card('a', reviewed(2, 5, 10, -5)), card('b', reviewed(100, 5, 1, 90))],
      today: TODAY,
      examDate: new Date('2026-11-27T18:00:00Z'),
      dailyCap: 10,
    });
    assert.equal(plan.examDay, 0);
    assert.deepEqual(plan.days, []);
    assert.deepEqual(
      plan.cards.map((c) => [c.atRisk, c.reviews.length]),
      [
        [true, 0],
        [false, 0],
      ],
    );
  });

  it('refuses a past exam, a cap under 1 and a target outside 0.5–0.99', () => {
    const base = { cards: [], today: TODAY, examDate: daysFrom(TODAY, 5), dailyCap: 10 };
    assert.throws(() => planForExam({ ...base, examDate: daysFrom(TODAY, -1) }), AppError);
    assert.throws(() => planForExam({ ...base, dailyCap: 0 }), AppError);
    assert.throws(() => planForExam({ ...base, targetRecall: 1.2 }), AppError);
  });
});

const stateArbitrary: fc.Arbitrary<StudyState> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(newStudyState(TODAY)) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        stability: fc.double({ min: 0.1, max: 400, noNaN: true }),
        difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
        daysAgo: fc.integer({ min: 0, max: 400 }),
        dueIn: fc.integer({ min: -60, max: 200 }),
        phase: fc.constantFrom('learning' as const, 'review' as const, 'relearning' as const),
      })
      .map(({ stability, difficulty, daysAgo, dueIn, phase }) => ({
        ...reviewed(stability, difficulty, daysAgo, dueIn),
        phase,
      })),
  },
);

/** The least total overflow any plan can have for these exam windows and this room (Hall's condition). */
function leastExamOverflow(plan: ExamPlan): number {
  const room = plan.days.map((d) => Math.max(0, plan.dailyCap - d.due - d.new));
  let worst = 0;
  for (let from = 0; from < plan.examDay; from++) {
    const needing = plan.cards.filter(
      (c) => c.examWindow !== null && c.examWindow.earliestDay >= from,
    ).length;
    const available = room.slice(from).reduce((a, b) => a + b, 0);
    worst = Math.max(worst, needing - available);
  }
  return worst;
}

describe('planForExam, for any cards, dates and targets', () => {
  it('never leaves a card that is not at risk under the target on the exam day, nor a day over the cap unless unavoidable', () => {
    fc.assert(
      fc.property(
        fc.array(stateArbitrary, { maxLength: 25 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 23 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 15 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        (states, examIn, examHour, target, cap, newPerDay) => {
          const examDate = new Date(daysFrom(TODAY, examIn).setUTCHours(examHour));
          const plan = planForExam({
            cards: states.map((state, i) => card(`c${i}`, state, i % 2 === 0 ? 'even' : 'odd')),
            today: TODAY,
            examDate,
            targetRecall: target,
            dailyCap: cap,
            ...(newPerDay === undefined ? {} : { newCardsPerDay: newPerDay }),
          });
          const examDay = plan.examDay;
          assert.equal(examDay, examIn);

          plan.cards.forEach((planned, i) => {
            const state = states[i]!;
            const days = planned.reviews.map((r) => r.day);
            assert.ok(
              days.every((d, k) => d >= 0 && d < examDay && (k === 0 || d > days[k - 1]!)),
              `days ${days.join(',')}`,
            );
            const recall = recallAfter(state, days, examDay);
            assert.ok(Math.abs(recall - planned.predictedRecall) < 1e-9, 'the prediction is ts-fsrs’s');
            if (!planned.atRisk) {
              assert.ok(recall >= target, `card ${i}: ${recall} < ${target} with reviews ${days.join(',')}`);
            } else {
              // At risk: even one more review on the day before the exam would not be enough.
              const before = planned.reviews
                .filter((r) => r.reason === 'due' || r.reason === 'new')
                .map((r) => r.day);
              const last =
                before.length > 0
                  ? before[before.length - 1]!
                  : state.lastReview === null
                    ? -1
                    : dateDiffInDays(TODAY, state.lastReview);
              if (examDay >= 1 && examDay - 1 > last) {
                assert.ok(
                  recallAfter(state, [...before, examDay - 1], examDay) < target,
                  `card ${i} could reach it`,
                );
              }
            }
            for (const review of planned.reviews.filter((r) => r.reason === 'exam')) {
              const { earliestDay, latestDay } = planned.examWindow!;
              assert.ok(
                review.day >= earliestDay && review.day <= latestDay,
                `card ${i}: exam review outside its window`,
              );
            }
          });

          for (const day of plan.days) {
            assert.equal(day.total, day.due + day.new + day.exam + day.atRisk);
            if (day.new > 0)
              assert.ok(day.due + day.new <= cap, `day ${day.day}: new cards pushed it over the cap`);
            if (day.total > cap) {
              const room = Math.max(0, cap - day.due - day.new);
              assert.ok(
                day.due > cap || day.exam > room || day.atRisk > 0,
                `day ${day.day} is over the cap without cause`,
              );
            }
          }
          const examOverflow = plan.days.reduce(
            (sum, d) => sum + Math.max(0, d.exam - Math.max(0, cap - d.due - d.new)),
            0,
          );
          assert.equal(examOverflow, leastExamOverflow(plan), 'exam reviews overflow no more than they must');
          for (const planned of plan.cards) {
            // An at-risk card's first review goes on a full day only when every day it could take was full.
            const first = planned.reviews.find((r) => r.reason === 'at-risk');
            if (first === undefined) continue;
            const firstDay = plan.days[first.day]!;
            if (firstDay.total - 1 >= cap) {
              const earlier = planned.reviews.filter((r) => r.reason !== 'at-risk' && r.reason !== 'exam');
              const from = earlier.length > 0 ? earlier[earlier.length - 1]!.day + 1 : 0;
              for (const d of plan.days.slice(from)) assert.ok(d.total >= cap, `day ${d.day} had room`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
