import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FSRS6_DEFAULT_DECAY, State, forgetting_curve } from 'ts-fsrs';
import { AppError } from '../../../../src/domain/errors.js';
import {
  PHASES,
  RATING,
  answerCounts,
  createScheduler,
  forgettingCurve,
  fromFsrsCard,
  isDue,
  newStudyState,
  practiceEntry,
  recallOnDay,
  retrievabilityOn,
  review,
  toFsrsCard,
  type ReviewRating,
  type StudyState,
} from '../../../../src/domain/study/scheduling.js';

const NOW = new Date('2026-11-27T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('review', () => {
  it('takes a new card rated Good into learning, due in 10 minutes, with FSRS-6’s first stability', () => {
    const { state, log } = review(newStudyState(NOW), RATING.good, NOW);
    assert.equal(state.phase, 'learning');
    assert.equal(state.due.toISOString(), '2026-11-27T09:10:00.000Z');
    assert.equal(state.stability, 2.3065);
    assert.equal(state.reps, 1);
    assert.deepEqual(state.lastReview, NOW);
    assert.deepEqual(log, {
      rating: 3,
      reviewedAt: NOW,
      phaseBefore: 'new',
      stabilityBefore: 0,
      difficultyBefore: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      due: at('2026-11-27T09:10:00.000Z'),
      durationMs: null,
    });
  });

  it('graduates the card on the next day’s Good to an interval of 8 days, logging 1 elapsed day', () => {
    const first = review(newStudyState(NOW), RATING.good, NOW).state;
    const { state, log } = review(first, RATING.good, at('2026-11-28T09:00:00Z'), { durationMs: 4200 });
    assert.equal(state.phase, 'review');
    assert.equal(state.due.toISOString(), '2026-12-05T09:00:00.000Z');
    assert.equal(Math.round(state.stability * 1000) / 1000, 7.315);
    assert.equal(log.elapsedDays, 1);
    assert.equal(log.scheduledDays, 7);
    assert.equal(log.phaseBefore, 'learning');
    assert.equal(log.durationMs, 4200);
  });

  it('counts a lapse when a review card is rated Again', () => {
    let state = review(newStudyState(NOW), RATING.easy, NOW).state;
    assert.equal(state.phase, 'review');
    state = review(state, RATING.again, state.due).state;
    assert.equal(state.phase, 'relearning');
    assert.equal(state.lapses, 1);
  });

  it('gives the same schedule for the same answers at the same times', () => {
    const run = () => {
      let state = newStudyState(NOW);
      const ratings: ReviewRating[] = [3, 3, 2, 4, 1, 3];
      for (const rating of ratings) state = review(state, rating, state.due).state;
      return state;
    };
    assert.deepEqual(run(), run());
  });

  it('refuses ratings other than 1–4 and invalid dates', () => {
    assert.throws(() => review(newStudyState(NOW), 5 as ReviewRating, NOW), AppError);
    assert.throws(() => review(newStudyState(NOW), 3, new Date(Number.NaN)), AppError);
  });
});

describe('the mapping to and from ts-fsrs', () => {
  it('round-trips every field', () => {
    fc.assert(
      fc.property(
        fc.record({
          phase: fc.constantFrom(...PHASES),
          due: fc.date({
            min: at('2020-01-01T00:00:00Z'),
            max: at('2030-01-01T00:00:00Z'),
            noInvalidDate: true,
          }),
          stability: fc.double({ min: 0, max: 1000, noNaN: true }),
          difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
          elapsedDays: fc.nat(1000),
          scheduledDays: fc.nat(1000),
          reps: fc.nat(100),
          lapses: fc.nat(100),
          learningSteps: fc.nat(3),
          lastReview: fc.option(
            fc.date({
              min: at('2020-01-01T00:00:00Z'),
              max: at('2030-01-01T00:00:00Z'),
              noInvalidDate: true,
            }),
          ),
        }),
        (state: StudyState) => {
          assert.deepEqual(fromFsrsCard(toFsrsCard(state)), { ...state });
        },
      ),
    );
  });

  it('maps phases to ts-fsrs states', () => {
    assert.equal(toFsrsCard({ ...newStudyState(NOW), phase: 'relearning' }).state, State.Relearning);
    assert.equal(toFsrsCard(newStudyState(NOW)).last_review, undefined);
  });
});

describe('retrievability', () => {
  it('is 0 for a card never studied and FSRS’s forgetting curve after a review', () => {
    assert.equal(retrievabilityOn(newStudyState(NOW), at('2026-12-01T00:00:00Z')), 0);
    const state = review(review(newStudyState(NOW), 3, NOW).state, 3, at('2026-11-28T09:00:00Z')).state;
    const onDue = retrievabilityOn(state, state.due);
    assert.equal(onDue, forgetting_curve(FSRS6_DEFAULT_DECAY, 7, state.stability));
    assert.ok(onDue > 0.9 && onDue < 0.92, String(onDue));
    assert.ok(retrievabilityOn(state, at('2027-02-01T09:00:00Z')) < onDue);
  });

  it('is 90% after one stability’s worth of days', () => {
    assert.equal(Math.round(forgettingCurve(10, 10) * 1000) / 1000, 0.9);
    assert.equal(forgettingCurve(0, 10), 1);
    assert.equal(forgettingCurve(5, 0), 0);
  });

  it('falls as days pass', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.nat(400),
        fc.integer({ min: 1, max: 100 }),
        (s, t, more) => {
          assert.ok(forgettingCurve(t + more, s) <= forgettingCurve(t, s));
        },
      ),
    );
  });
});

describe('createScheduler', () => {
  it('schedules a longer interval for a lower requested retention', () => {
    const first = review(newStudyState(NOW), 3, NOW).state;
    const day = at('2026-11-28T09:00:00Z');
    const strict = review(first, 3, day, { scheduler: createScheduler({ requestRetention: 0.95 }) }).state;
    const relaxed = review(first, 3, day, { scheduler: createScheduler({ requestRetention: 0.8 }) }).state;
    assert.ok(relaxed.scheduledDays > strict.scheduledDays);
  });

  it('refuses a retention outside 0.7–0.99', () => {
    assert.throws(() => createScheduler({ requestRetention: 1.2 }), AppError);
  });
});

describe('server-timed study: isDue and answerCounts', () => {
  const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

  it('times learning steps in minutes: a second Good before the step is due is practice, after it graduates', () => {
    const learning = review(newStudyState(NOW), RATING.good, NOW).state;
    assert.equal(learning.phase, 'learning');
    // 14 ms later (the double tap): not due, the answer does not count.
    const tap = new Date(NOW.getTime() + 14);
    assert.equal(isDue(learning, tap), false);
    assert.equal(answerCounts(learning, tap), false);
    assert.equal(answerCounts(learning, minutes(9)), false);
    // When the ten minutes have passed it counts, and graduates the card.
    assert.equal(isDue(learning, minutes(10)), true);
    assert.equal(answerCounts(learning, minutes(10)), true);
    assert.equal(review(learning, RATING.good, minutes(10)).state.phase, 'review');
  });

  it('times relearning the same way', () => {
    const graduated = review(review(newStudyState(NOW), 3, NOW).state, 3, minutes(10)).state;
    const lapsed = review(graduated, RATING.again, graduated.due).state;
    assert.equal(lapsed.phase, 'relearning');
    const soon = new Date(lapsed.lastReview!.getTime() + 60_000);
    assert.equal(answerCounts(lapsed, soon), false);
    assert.equal(answerCounts(lapsed, lapsed.due), true);
  });

  it('counts a review-phase item from the start of its due day, and early on any later day, never twice in a day', () => {
    const graduated = review(review(newStudyState(NOW), 3, NOW).state, 3, minutes(10)).state;
    assert.equal(graduated.due.toISOString(), '2026-11-29T09:10:00.000Z');
    assert.equal(isDue(graduated, at('2026-11-29T00:00:00Z')), true, 'due all day on its due day');
    assert.equal(isDue(graduated, at('2026-11-28T23:59:59Z')), false);
    assert.equal(answerCounts(graduated, minutes(30)), false, 'the same day as its last answer');
    assert.equal(answerCounts(graduated, at('2026-11-28T08:00:00Z')), true, 'an early review a day later');
    assert.equal(answerCounts(newStudyState(NOW), NOW), true, 'a new item');
  });

  it('logs a practice answer with the state as it was', () => {
    const learning = review(newStudyState(NOW), RATING.good, NOW).state;
    const log = practiceEntry(learning, RATING.good, minutes(1), 1200);
    assert.deepEqual(log, {
      rating: 3,
      reviewedAt: minutes(1),
      phaseBefore: 'learning',
      stabilityBefore: learning.stability,
      difficultyBefore: learning.difficulty,
      elapsedDays: 0,
      scheduledDays: 0,
      due: learning.due,
      durationMs: 1200,
    });
  });
});

describe('recallOnDay', () => {
  it('counts whole UTC days since the last answer: 1 that day, FSRS’s curve after, 0 for a new item', () => {
    const graduated = review(review(newStudyState(NOW), 3, NOW).state, 3, at('2026-11-27T09:10:00Z')).state;
    assert.equal(recallOnDay(graduated, at('2026-11-27T23:00:00Z')), 1);
    const twoDays = recallOnDay(graduated, at('2026-11-29T00:30:00Z'));
    assert.equal(twoDays, forgettingCurve(2, graduated.stability));
    assert.equal(recallOnDay(newStudyState(NOW), NOW), 0);
  });
});
