import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { editDistanceWithin } from '../../../../src/domain/study/answer-typos.js';
import { answerWords, gradeAnswer, MAX_ANSWER_LENGTH } from '../../../../src/domain/study/grading.js';

/** A few dictionary words, as the services pass the English word list. */
const dictionary = new Set([
  'biotic',
  'abiotic',
  'hypotonic',
  'hypertonic',
  'aerobic',
  'form',
  'from',
  'tzar',
]);

describe('gradeAnswer', () => {
  it('accepts the exact answer without comment', () => {
    assert.deepEqual(gradeAnswer('Nikolayev', 'Nikolayev'), {
      correct: true,
      verdict: 'exact',
      explanation: 'Correct.',
    });
    assert.equal(gradeAnswer('  Nikolayev ', 'Nikolayev').explanation, 'Correct.');
  });

  it('forgives case and, in English, accents, and says so', () => {
    assert.deepEqual(gradeAnswer('nikolayév', 'Nikolayev', { language: 'en-GB' }), {
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
    assert.equal(gradeAnswer('Tsra', 'Tsar').verdict, 'close');
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

describe('gradeAnswer: no false accepts', () => {
  it('never accepts another dictionary word as a typo', () => {
    const biotic = gradeAnswer('biotic', 'abiotic', { dictionary });
    assert.equal(biotic.correct, false);
    assert.equal(
      gradeAnswer('form', 'from', { dictionary }).explanation,
      "The answer is 'from'; you wrote 'form' (a different word, not a typo).",
    );
    assert.equal(gradeAnswer('Tzar', 'Tsar', { dictionary }).correct, false);
    assert.equal(gradeAnswer('Kriov', 'Kirov', { dictionary }).verdict, 'close', 'not a word: a typo');
  });

  it('never accepts another word of the set as a typo', () => {
    const vocabulary = new Set(answerWords('Kamenev and Zinoviev were tried; Kameneva was his wife.'));
    assert.equal(gradeAnswer('Kameneva', 'Kamenev', { vocabulary }).correct, false);
    assert.equal(gradeAnswer('Kamenef', 'Kamenev', { vocabulary }).verdict, 'close');
  });

  it('counts a plural for the singular as a typo, even though both are words', () => {
    assert.equal(
      gradeAnswer('Bolshevik', 'Bolsheviks', { dictionary: new Set(['bolshevik']) }).verdict,
      'close',
    );
  });

  it('never drops or adds a negating prefix, dictionary or not', () => {
    assert.equal(gradeAnswer('biotic', 'abiotic').correct, false);
    assert.equal(
      gradeAnswer('biotic', 'abiotic').explanation,
      "The answer is 'abiotic'; you wrote 'biotic' (its prefix changes the meaning).",
    );
    assert.equal(gradeAnswer('aerobic', 'anaerobic').correct, false);
    assert.equal(gradeAnswer('unbiotic', 'biotic').correct, false);
    assert.equal(gradeAnswer('nonpolar', 'polar').correct, false);
    assert.equal(gradeAnswer('polar', 'nonpolar').correct, false);
  });

  it('never swaps a prefix for its opposite', () => {
    assert.equal(gradeAnswer('hypotonic', 'hypertonic').correct, false);
    assert.equal(gradeAnswer('hypertonic', 'hypotonic').correct, false);
    assert.equal(gradeAnswer('exhale', 'inhale').correct, false);
    assert.equal(
      gradeAnswer('hypertonik', 'hypertonic').verdict,
      'close',
      'a typo elsewhere is still a typo',
    );
  });

  it('gives short words no edits: "le mer" and "la mère" are not "la mer"', () => {
    for (const language of [null, 'fr', 'en']) {
      assert.equal(gradeAnswer('le mer', 'la mer', { language }).correct, false, `le mer, ${language}`);
      assert.equal(gradeAnswer('la mère', 'la mer', { language }).correct, false, `la mère, ${language}`);
      assert.equal(gradeAnswer('la mer', 'la mère', { language }).correct, false, `la mer, ${language}`);
    }
  });

  it('keeps accents significant where the language says so', () => {
    assert.equal(gradeAnswer('peche', 'pêche', { language: 'fr' }).correct, false);
    assert.equal(
      gradeAnswer('peche', 'pêche', { language: 'fr' }).explanation,
      "The answer is 'pêche'; you wrote 'peche' (accents count in this language).",
    );
    assert.equal(gradeAnswer('péché', 'pêche', { language: 'fr-CA' }).correct, false);
    assert.equal(
      gradeAnswer('Pêche', 'pêche', { language: 'fr' }).explanation,
      'Accepted: differs only in case.',
    );
    assert.equal(
      gradeAnswer('pêchee', 'pêche', { language: 'fr' }).verdict,
      'close',
      'a typo away from the accent',
    );
    // English: accents do not count. No language: they count, but a long word may have one wrong as a typo.
    assert.equal(
      gradeAnswer('cafe', 'café', { language: 'en' }).explanation,
      'Accepted: differs only in accents.',
    );
    assert.equal(gradeAnswer('Petain', 'Pétain').verdict, 'close');
    assert.equal(gradeAnswer('Petain', 'Pétain', { language: 'de' }).correct, false);
  });

  it('compares composed and decomposed accents as the same letters', () => {
    assert.equal(gradeAnswer('me\u0300re', 'm\u00e8re', { language: 'fr' }).explanation, 'Correct.');
  });

  it(`marks an answer over ${MAX_ANSWER_LENGTH} characters wrong without reading it`, () => {
    const grading = gradeAnswer(`1${',000'.repeat(40_000)},00`, '1,000');
    assert.equal(grading.correct, false);
    assert.match(grading.explanation, /at most 200 characters/);
  });
});

describe('editDistanceWithin', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps up to the limit', () => {
    assert.equal(editDistanceWithin('kirov', 'kirov', 2), 0);
    assert.equal(editDistanceWithin('kirov', 'krov', 2), 1);
    assert.equal(editDistanceWithin('kirov', 'kriov', 2), 1);
    assert.equal(editDistanceWithin('kirov', 'kitov', 2), 1);
    assert.equal(editDistanceWithin('', 'abc', 3), 3);
    assert.equal(editDistanceWithin('', 'abc', 2), null);
    assert.equal(editDistanceWithin('nikolayev', 'nicolaeiv', 2), null);
  });

  it('agrees with the full distance below the limit, and is symmetric', () => {
    const full = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
      for (let j = 0; j <= b.length; j++) d[0]![j] = j;
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            best = Math.min(best, d[i - 2]![j - 2]! + 1);
          d[i]![j] = best;
        }
      }
      return d[a.length]![b.length]!;
    };
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10, unit: fc.constantFrom('a', 'b', 'c') }),
        fc.string({ maxLength: 10, unit: fc.constantFrom('a', 'b', 'c') }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, max) => {
          const distance = full(a, b);
          assert.equal(editDistanceWithin(a, b, max), distance <= max ? distance : null);
          assert.equal(editDistanceWithin(b, a, max), editDistanceWithin(a, b, max));
        },
      ),
    );
  });
});
