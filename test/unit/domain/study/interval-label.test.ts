import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  answerCounts,
  intervalLabel,
  intervalsAt,
  intervalWords,
  newStudyState,
  review,
} from '../../../../src/domain/study/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('interval labels on the rating buttons', () => {
  it('says intervals as Anki does: minutes, hours, days, then months and years to a tenth', () => {
    assert.deepEqual(
      [
        30_000,
        MINUTE,
        10 * MINUTE,
        3 * 60 * MINUTE,
        DAY,
        4 * DAY,
        29 * DAY,
        70 * DAY,
        400 * DAY,
        4000 * DAY,
      ].map(intervalLabel),
      ['<1m', '1m', '10m', '3h', '1d', '4d', '29d', '2.3mo', '1.1y', '11y'],
    );
    assert.equal(intervalWords(10 * MINUTE), 'in 10 minutes');
    assert.equal(intervalWords(DAY), 'in 1 day');
    assert.equal(intervalWords(70 * DAY), 'in 2.3 months');
    assert.equal(intervalWords(1000), 'in under a minute');
  });

  it('labels every interval with a number and a unit, never "0" or "NaN"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 365 * DAY }), (ms) => {
        assert.match(intervalLabel(ms), /^(<1m|[1-9]\d*(\.\d)?([mhdy]|mo))$/);
      }),
    );
  });

  it('gives for each rating the wait that answering with it gives', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    let state = newStudyState(now);
    for (const [at, rating] of [
      [now, 3],
      [new Date(now.getTime() + 20 * MINUTE), 3],
      [new Date(now.getTime() + 5 * DAY), 2],
    ] as const) {
      const intervals = intervalsAt(state, at);
      for (const r of [1, 2, 3, 4] as const) {
        assert.equal(intervals[r], review(state, r, at).state.due.getTime() - at.getTime());
      }
      assert.ok(intervals[1] < intervals[3] && intervals[3] <= intervals[4]);
      state = review(state, rating, at).state;
    }
  });

  it('gives what review() gives for any history and any rating', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 40 * DAY }),
            rating: fc.constantFrom(1, 2, 3, 4),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 60 * DAY }),
        (answers, wait) => {
          let at = new Date('2026-01-05T08:00:00Z');
          let state = newStudyState(at);
          for (const { gap, rating } of answers) {
            at = new Date(at.getTime() + gap);
            state = review(state, rating, at).state;
          }
          const then = new Date(at.getTime() + wait);
          const intervals = intervalsAt(state, then);
          for (const r of [1, 2, 3, 4] as const) {
            const expected = answerCounts(state, then)
              ? review(state, r, then).state.due.getTime() - then.getTime()
              : state.due.getTime() - then.getTime();
            assert.equal(intervals[r], expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the wait as it stands for an answer that would be practice', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    const learning = review(newStudyState(now), 3, now).state; // due in 10 minutes
    const early = new Date(now.getTime() + MINUTE);
    const intervals = intervalsAt(learning, early);
    const left = learning.due.getTime() - early.getTime();
    assert.deepEqual(intervals, { 1: left, 2: left, 3: left, 4: left });
  });
});
