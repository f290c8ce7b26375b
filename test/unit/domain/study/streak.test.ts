import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { studyStreak } from '../../../../src/domain/study/streak.js';

const TODAY = 20_000;

describe('study streak', () => {
  it('is zero for a learner who has never studied', () => {
    assert.equal(studyStreak(new Set(), TODAY), 0);
  });

  it('counts the days in a row up to today', () => {
    assert.equal(studyStreak(new Set([TODAY, TODAY - 1, TODAY - 2, TODAY - 4]), TODAY), 3);
  });

  it('is not broken by a day that is not over yet', () => {
    assert.equal(studyStreak(new Set([TODAY - 1, TODAY - 2]), TODAY), 2);
  });

  it('is broken by a whole day without an answer', () => {
    assert.equal(studyStreak(new Set([TODAY - 2, TODAY - 3]), TODAY), 0);
  });

  it('equals the length of the run of studied days ending today or yesterday, for any history', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 })), (daysAgo) => {
        const days = new Set(daysAgo.map((ago) => TODAY - ago));
        let expected = 0;
        const start = days.has(TODAY) ? 0 : 1;
        while (days.has(TODAY - start - expected)) expected++;
        assert.equal(studyStreak(days, TODAY), expected);
      }),
    );
  });
});
