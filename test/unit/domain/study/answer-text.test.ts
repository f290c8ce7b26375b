import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  choiceKey,
  comparisonKey,
  containsPhrase,
  normaliseNumbers,
  overlappingChoices,
} from '../../../../src/domain/study/answer-text.js';
import { createRandom } from '../../../../src/domain/study/random.js';

describe('comparisonKey', () => {
  it('folds case, accents, punctuation, possessives and articles', () => {
    assert.equal(comparisonKey("  The NKVD's   Power! "), 'nkvd power');
    assert.equal(comparisonKey('Nicolas-Théodore de Saussure'), 'nicolas theodore de saussure');
    assert.equal(comparisonKey('a Red Army'), 'red army');
  });

  it('writes numbers one way', () => {
    assert.equal(comparisonKey('7,000,000'), '7000000');
    assert.equal(comparisonKey('7 million'), '7000000');
    assert.equal(comparisonKey('1.8 million'), '1800000');
    assert.equal(comparisonKey('35.4 million tons'), '35400000 tons');
    assert.equal(normaliseNumbers('90 per cent'), '90%');
    assert.equal(normaliseNumbers('2,8,1'), '2,8,1', 'electron shells are not thousands');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        assert.equal(comparisonKey(comparisonKey(text)), comparisonKey(text));
      }),
    );
  });
});

describe('containsPhrase', () => {
  it('matches whole words only, whatever the case and punctuation', () => {
    assert.ok(containsPhrase("Kirov's bodyguard", 'kirov'));
    assert.ok(containsPhrase('the Red Army lost', 'RED ARMY'));
    assert.ok(!containsPhrase('in Leningrad', 'Lenin'));
    assert.ok(!containsPhrase('anything', ''));
    assert.ok(containsPhrase('Usual figure given is 7,000,000', '7 million'));
  });
});

describe('choiceKey and overlappingChoices', () => {
  it('tells plurals and contained names apart from different choices', () => {
    assert.equal(choiceKey('Old Bolsheviks'), choiceKey('Old Bolshevik'));
    assert.ok(overlappingChoices('Army', 'Red Army'));
    assert.ok(!overlappingChoices('Kirov', 'Nikolayev'));
  });
});

describe('createRandom', () => {
  it('gives the same sequence for the same seed, numbers or strings', () => {
    const a = createRandom('exam');
    const b = createRandom('exam');
    assert.deepEqual([a.next(), a.next(), a.int(10)], [b.next(), b.next(), b.int(10)]);
    assert.notEqual(createRandom(1).next(), createRandom(2).next());
  });

  it('shuffles into a permutation and picks within range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const random = createRandom(seed);
        assert.deepEqual(
          [...random.shuffle(items)].sort((x, y) => x - y),
          [...items].sort((x, y) => x - y),
        );
        const n = random.int(7);
        assert.ok(n >= 0 && n < 7, String(n));
        if (items.length > 0) assert.ok(items.includes(random.pick(items)!), 'picked from the list');
        else assert.equal(random.pick(items), undefined);
      }),
    );
  });
});
