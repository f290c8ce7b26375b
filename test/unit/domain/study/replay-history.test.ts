import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEmptyCard } from 'ts-fsrs';
import {
  defaultScheduler,
  newStudyState,
  replayHistory,
  review,
  summariseProgress,
  type PastAnswer,
  type ReviewRating,
} from '../../../../src/domain/study/index.js';

const START = new Date('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(START.getTime() + ms);
const answer = (ms: number, rating: ReviewRating): PastAnswer => ({ rating, at: at(ms), durationMs: 4000 });

describe('replaying another app’s review history', () => {
  it('gives the state answering the same way in Recall gives, one review after another', () => {
    const answers = [answer(0, 3), answer(DAY, 3), answer(4 * DAY, 1), answer(4 * DAY + HOUR, 3)];
    let expected = newStudyState(START);
    for (const { rating, at: time, durationMs } of answers) {
      expected = review(expected, rating, time, { durationMs }).state;
    }
    const replayed = replayHistory(answers);
    assert.deepEqual(replayed.state, expected);
    assert.equal(replayed.state.lapses, 1);
    assert.deepEqual(
      replayed.log.map(({ entry, practice }) => [entry.rating, entry.reviewedAt.getTime(), practice]),
      answers.map((a) => [a.rating, a.at.getTime(), false]),
    );
  });

  it('gives the memory states ts-fsrs’s own reschedule computes from the same history', () => {
    // Answers a day or more apart all count in Recall (none is practice), so both replay every one.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: DAY, max: 60 * DAY }),
            rating: fc.constantFrom<ReviewRating>(1, 2, 3, 4),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        (drawn) => {
          let offset = 0;
          const answers = drawn.map(({ gap, rating }, index) => {
            if (index > 0) offset += gap;
            return answer(offset, rating);
          });
          const { state, log } = replayHistory(answers);
          assert.ok(log.every((entry) => !entry.practice));
          const { collections } = defaultScheduler.fsrs.reschedule(
            createEmptyCard(answers[0]!.at),
            answers.map((a) => ({ rating: a.rating, review: a.at })),
            { update_memory_state: true, skipManual: true },
          );
          const fsrs = collections.at(-1)!.card;
          assert.ok(
            Math.abs(state.stability - fsrs.stability) < 1e-6,
            `${state.stability} ≠ ${fsrs.stability}`,
          );
          assert.ok(
            Math.abs(state.difficulty - fsrs.difficulty) < 1e-6,
            `${state.difficulty} ≠ ${fsrs.difficulty}`,
          );
          assert.equal(state.due.getTime(), new Date(fsrs.due).getTime());
          assert.equal(state.reps, fsrs.reps);
          assert.equal(state.lapses, fsrs.lapses);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('replays oldest first, whatever order the log gives', () => {
    const answers = [answer(0, 3), answer(DAY, 2), answer(3 * DAY, 4)];
    assert.deepEqual(replayHistory([...answers].reverse()), replayHistory(answers));
  });

  it('logs an answer that would not count in Recall (a review card again the same day) as practice, keeping the state', () => {
    const counted = replayHistory([answer(0, 3), answer(DAY, 3)]);
    assert.equal(counted.state.phase, 'review');
    const again = replayHistory([answer(0, 3), answer(DAY, 3), answer(DAY + HOUR, 1)]);
    assert.deepEqual(again.state, counted.state);
    assert.deepEqual(
      again.log.map((entry) => entry.practice),
      [false, false, true],
    );
  });

  it('has one log entry per answer, and counts each answer that changed the state as a repetition', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 90 * DAY }),
            rating: fc.constantFrom<ReviewRating>(1, 2, 3, 4),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (drawn) => {
          const answers = drawn.map(({ offset, rating }) => answer(offset, rating));
          const { state, log } = replayHistory(answers);
          assert.equal(log.length, answers.length);
          assert.equal(state.reps, log.filter((entry) => !entry.practice).length);
          assert.ok(log[0]!.practice === false, 'the first answer always counts');
          const last = Math.max(...answers.map((a) => a.at.getTime()));
          assert.ok(state.lastReview !== null && state.lastReview.getTime() <= last);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what a replayed history gives today', () => {
  const dueAt = (iso: string) => ({
    state: { ...newStudyState(START), phase: 'review' as const, due: new Date(iso) },
    log: [{ entry: review(newStudyState(START), 3, START).log, practice: false }],
  });
  const now = new Date('2026-03-10T15:00:00Z');

  it('counts items due by the end of the day (UTC), overdue ones included, and within the week', () => {
    const summary = summariseProgress(
      [
        dueAt('2026-02-01T00:00:00Z'), // long overdue
        dueAt('2026-03-10T23:59:59Z'), // the end of today
        dueAt('2026-03-11T00:00:00Z'), // tomorrow
        dueAt('2026-03-16T23:59:59Z'), // the end of the seventh day
        dueAt('2026-03-17T00:00:00Z'), // the eighth
      ],
      now,
    );
    assert.deepEqual(summary, { studied: 5, answers: 5, dueToday: 2, dueThisWeek: 4 });
  });

  it('counts nothing due when nothing was studied', () => {
    assert.deepEqual(summariseProgress([], now), { studied: 0, answers: 0, dueToday: 0, dueThisWeek: 0 });
  });
});
