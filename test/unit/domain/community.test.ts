import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  commentBodyProblems,
  folderNameProblems,
  ratingSummary,
  reportReasonProblems,
} from '../../../src/domain/community.js';
import { canChangeComment, canRate, canSeeHiddenComment } from '../../../src/domain/card-set-access.js';

describe('ratingSummary', () => {
  it('has no average before anyone rates', () => {
    assert.deepEqual(ratingSummary(0, 0), { average: null, count: 0 });
  });

  it('rounds the mean to one decimal, halves up, without floating-point drift', () => {
    assert.equal(ratingSummary(13, 3).average, 4.3);
    assert.equal(ratingSummary(89, 20).average, 4.5, '4.45 rounds up');
    assert.equal(ratingSummary(9, 2).average, 4.5);
    assert.equal(ratingSummary(150, 50).average, 3);
  });

  it('always lies between 1 and 5 for any set of ratings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 500 }), (stars) => {
        const { average, count } = ratingSummary(
          stars.reduce((a, b) => a + b, 0),
          stars.length,
        );
        assert.equal(count, stars.length);
        assert.ok(average !== null && average >= 1 && average <= 5);
      }),
    );
  });
});

describe('community text rules', () => {
  it('keeps a comment exactly as written, but needs some text and at most 2,000 characters', () => {
    assert.deepEqual(commentBodyProblems('  spaced  '), []);
    assert.equal(commentBodyProblems(' \n\t ').length, 1);
    assert.equal(commentBodyProblems('x'.repeat(2000)).length, 0);
    assert.match(commentBodyProblems('x'.repeat(2001))[0]!.message, /At most 2,000 characters/);
  });

  it('needs a report reason of 1 to 500 characters and a folder name of 1 to 100', () => {
    assert.equal(reportReasonProblems('').length, 1);
    assert.equal(reportReasonProblems(` ${'r'.repeat(500)} `).length, 0);
    assert.equal(reportReasonProblems('r'.repeat(501)).length, 1);
    assert.equal(folderNameProblems('  ').length, 1);
    assert.equal(folderNameProblems('f'.repeat(100)).length, 0);
    assert.equal(folderNameProblems('f'.repeat(101)).length, 1);
  });
});

describe('community access', () => {
  const set = { authorId: 1, visibility: 'public', status: 'active' } as const;
  const member = { userId: 2, role: 'member' } as const;
  const moderator = { userId: 3, role: 'moderator' } as const;

  it('lets members rate others’ visible sets, never their own, and never a hidden set', () => {
    assert.equal(canRate(member, set), true);
    assert.equal(canRate({ userId: 1, role: 'member' }, set), false);
    assert.equal(canRate(null, set), false);
    assert.equal(canRate(member, { ...set, status: 'hidden' }), false);
  });

  it('lets only the writer change a comment, and the writer and staff read it once hidden', () => {
    assert.equal(canChangeComment(member, { authorId: 2 }), true);
    assert.equal(canChangeComment(moderator, { authorId: 2 }), false);
    assert.equal(canSeeHiddenComment(moderator, { authorId: 2 }), true);
    assert.equal(canSeeHiddenComment(member, { authorId: 2 }), true);
    assert.equal(canSeeHiddenComment({ userId: 9, role: 'member' }, { authorId: 2 }), false);
    assert.equal(canSeeHiddenComment(null, { authorId: 2 }), false);
  });
});
