import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combineTestRatings, testAnswerRating } from '../../../../src/domain/study/test-ratings.js';

describe('self-test answers as ratings', () => {
  it('maps correct to Good, a wrong typed answer to Again and a wrong recognition answer to Hard', () => {
    assert.equal(testAnswerRating('cloze', true), 3);
    assert.equal(testAnswerRating('cloze', false), 1);
    for (const kind of ['multiple-choice', 'which-card', 'ordering'] as const) {
      assert.equal(testAnswerRating(kind, true), 3, kind);
      assert.equal(testAnswerRating(kind, false), 2, kind);
    }
  });

  it('gives an item tested twice one answer: the lowest', () => {
    const combined = combineTestRatings([
      { item: 4, rating: 3 },
      { item: 2, rating: 3 },
      { item: 4, rating: 2 },
      { item: 4, rating: 3 },
      { item: 7, rating: 1 },
    ]);
    assert.deepEqual(
      [...combined],
      [
        [4, 2],
        [2, 3],
        [7, 1],
      ],
    );
  });
});
