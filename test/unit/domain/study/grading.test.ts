import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { damerauLevenshtein, gradeAnswer } from '../../../../src/domain/study/grading.js';

describe('gradeAnswer', () => {
  it('accepts the exact answer without comment', () => {
    assert.deepEqual(gradeAnswer('Nikolayev', 'Nikolayev'), {
      correct: true,
      verdict: 'exact',
      explanation: 'Correct.',
    });
    assert.equal(gradeAnswer('  Nikolayev ', 'Nikolayev').explanation, 'Correct.');
  });

  it('forgives case and accents, and says so', () => {
    assert.deepEqual(gradeAnswer('nikolayév', 'Nikolayev'), {
      correct: true,
      verdict: 'exact',
      explanation: 'Accepted: differs only in case and accents.',
    });
  });

  it('forgives punctuation, spacing and the article "the"', () => {
    assert.equal(
      gradeAnswer('Red  Army!', 'the Red Army').explanation,
      'Accepted: differs only in punctuation and articles.',
    );
    assert.equal(gradeAnswer('Old Bolsheviks.', 'Old Bolsheviks').verdict, 'exact');
    assert.equal(gradeAnswer('the NKVD', 'NKVD').correct, true);
  });

  it('treats 7,000,000, 7000000 and 7 million as the same number', () => {
    for (const given of ['7000000', '7 million', '7,000,000 ', '7 000 000']) {
      const grading = gradeAnswer(given, '7,000,000');
      assert.equal(grading.correct, given !== '7 000 000', given);
    }
    assert.equal(
      gradeAnswer('7000000', '7,000,000').explanation,
      'Accepted: differs only in number formatting.',
    );
    assert.equal(gradeAnswer('10,000,000', '10 million').correct, true);
    assert.equal(gradeAnswer('90 per cent', '90%').correct, true);
  });

  it('accepts one typo in a name of 4–7 letters, with the correction', () => {
    assert.deepEqual(gradeAnswer('Krov', 'Kirov'), {
      correct: true,
      verdict: 'close',
      explanation: "Accepted with a typo: you wrote 'Krov', the answer is 'Kirov'.",
    });
    assert.equal(gradeAnswer('Kriov', 'Kirov').verdict, 'close', 'a swap of neighbours is one typo');
    assert.equal(gradeAnswer('Krv', 'Kirov').correct, false);
  });

  it('accepts two typos from 8 letters on', () => {
    assert.equal(
      gradeAnswer('Nikolayv', 'Nikolayev').explanation,
      "Accepted with a typo: you wrote 'Nikolayv', the answer is 'Nikolayev'.",
    );
    assert.equal(gradeAnswer('Nicolaiev', 'Nikolayev').verdict, 'close');
    assert.equal(gradeAnswer('Nicolaeiv', 'Nikolayev').verdict, 'wrong');
  });

  it('wants short answers exactly', () => {
    assert.equal(gradeAnswer('MKVD', 'NKVD').verdict, 'close', 'four letters: one typo');
    assert.equal(gradeAnswer('Tzar', 'Tsar').verdict, 'close');
    assert.equal(gradeAnswer('USR', 'USA').verdict, 'wrong');
  });

  it('counts a typo in a year or a number as wrong, and says what the answer is', () => {
    assert.deepEqual(gradeAnswer('1935', '1934'), {
      correct: false,
      verdict: 'wrong',
      explanation: 'The answer is 1934; you wrote 1935.',
    });
    assert.equal(gradeAnswer('700,001', '700,000').correct, false);
  });

  it('says what the answer is when nothing or something else is given', () => {
    assert.equal(gradeAnswer('', 'Kirov').explanation, "No answer given; the answer is 'Kirov'.");
    assert.equal(
      gradeAnswer('Stalin', 'Nikolayev').explanation,
      "The answer is 'Nikolayev'; you wrote 'Stalin'.",
    );
  });

  it('accepts listed alternatives', () => {
    assert.equal(
      gradeAnswer('1930-1932', '1930 -32', { alternatives: ['1930–1932', '1930-1932'] }).correct,
      true,
    );
  });

  it('always accepts the answer itself, whatever its case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (answer) => {
        fc.pre(/[\p{L}\p{N}]/u.test(answer));
        assert.equal(
          gradeAnswer(` ${answer.toUpperCase()} `, answer).correct,
          answer.toUpperCase().toLowerCase() === answer.toLowerCase(),
        );
      }),
    );
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    assert.equal(damerauLevenshtein('kirov', 'kirov'), 0);
    assert.equal(damerauLevenshtein('kirov', 'krov'), 1);
    assert.equal(damerauLevenshtein('kirov', 'kriov'), 1);
    assert.equal(damerauLevenshtein('kirov', 'kitov'), 1);
    assert.equal(damerauLevenshtein('', 'abc'), 3);
  });

  it('is a symmetric distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        assert.equal(damerauLevenshtein(a, b), damerauLevenshtein(b, a));
        assert.equal(damerauLevenshtein(a, b) === 0, a === b);
      }),
    );
  });
});
