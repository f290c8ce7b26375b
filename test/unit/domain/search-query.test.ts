import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isEmptyQuery, parseSearchQuery } from '../../../src/domain/search-query.js';
import {
  bestMatchingCard,
  distinctiveTerms,
  highlight,
  plainText,
  termCounts,
} from '../../../src/domain/search-text.js';
import { fts5Match } from '../../../src/db/search/sqlite-search-index.js';
import { websearchText } from '../../../src/db/search/postgres-search-index.js';

describe('parseSearchQuery', () => {
  it('reads words, quoted phrases and excluded words; the last word typed is a prefix', () => {
    assert.deepEqual(parseSearchQuery('Kirov "show trials" -Trotsky stal'), {
      terms: ['kirov'],
      phrases: [['show', 'trials']],
      excluded: ['trotsky'],
      prefix: 'stal',
    });
  });

  it('takes no prefix when the query ends in a space or a closed phrase', () => {
    assert.equal(parseSearchQuery('kirov ').prefix, null);
    assert.deepEqual(parseSearchQuery('kirov ').terms, ['kirov']);
    assert.equal(parseSearchQuery('"show trials"').prefix, null);
  });

  it('folds case and accents, and splits words at punctuation as the index does', () => {
    assert.deepEqual(parseSearchQuery('Crème ').terms, ['creme']);
    assert.deepEqual(parseSearchQuery("Kirov's ").phrases, [['kirov', 's']]);
    assert.deepEqual(parseSearchQuery('1930-32 ').phrases, [['1930', '32']]);
  });

  it('treats an unclosed quote as a phrase and a lone minus as nothing', () => {
    assert.deepEqual(parseSearchQuery('"great terror').phrases, [['great', 'terror']]);
    assert.ok(isEmptyQuery(parseSearchQuery(' - " " ')));
  });

  it('compiles any input to FTS5 and websearch syntax made only of quoted words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const query = parseSearchQuery(input);
        if (isEmptyQuery(query)) return;
        const match = fts5Match(query);
        // Outside the quotes there is nothing but spaces, NOT and the prefix star.
        assert.match(match, /^("[\p{L}\p{N} ]+"\*?|NOT|\s)+$/u);
        assert.ok(!/[:&|!()<>]/.test(websearchText(query)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('search results text', () => {
  const cards = [
    { position: 1, title: null, body: '- Historians talk about the state' },
    { position: 2, title: 'The Terror', body: 'Most high profile cases were the **Old Bolsheviks**' },
    { position: 3, title: 'Chronology', body: '1934 - Dec 1st, Kirov assassinated by Nikolayev' },
  ];

  it('names the card that matches best, a title match counting most', () => {
    assert.equal(bestMatchingCard(cards, parseSearchQuery('kirov '))?.position, 3);
    assert.equal(bestMatchingCard(cards, parseSearchQuery('terror '))?.position, 2);
    assert.equal(bestMatchingCard(cards, parseSearchQuery('assassinate '))?.position, 3, 'stemmed');
    assert.equal(bestMatchingCard(cards, parseSearchQuery('nikol'))?.position, 3, 'prefix');
    assert.equal(bestMatchingCard(cards, parseSearchQuery('photosynthesis ')), undefined);
  });

  it('names the matching card whether the words are typed with accents or without', () => {
    const french = [
      { position: 1, title: 'Le collège', body: 'Les cours du matin' },
      { position: 2, title: 'La classe', body: 'Chaque élève a un cahier' },
    ];
    assert.equal(bestMatchingCard(french, parseSearchQuery('élève '))?.position, 2);
    assert.equal(bestMatchingCard(french, parseSearchQuery('eleve '))?.position, 2);
    assert.equal(bestMatchingCard(french, parseSearchQuery('college '))?.position, 1);
  });

  it('highlights the matches in a fragment of the plain text', () => {
    const text = plainText(cards[2]!.body);
    assert.equal(
      highlight(text, parseSearchQuery('kirov ')),
      '1934 - Dec 1st, \u0001Kirov\u0002 assassinated by Nikolayev',
    );
    assert.equal(plainText('- **Old** \\*Bolsheviks\\*'), 'Old *Bolsheviks*');
    const long = `${'word '.repeat(100)}Kirov ${'word '.repeat(100)}`;
    const fragment = highlight(long, parseSearchQuery('kirov '));
    assert.ok(fragment.startsWith('… ') && fragment.endsWith(' …'));
    assert.ok(fragment.includes('\u0001Kirov\u0002'));
    assert.ok(fragment.length < 200);
  });

  it('chooses distinctive terms by TF-IDF, skipping words in most sets and words in no other set', () => {
    const terms = termCounts({ title: 'Kirov and the purges', subtitle: null, cards });
    const frequencies = new Map([
      ['kirov', 3],
      ['purg', 20],
      ['histori', 900],
      ['nikolayev', 1],
    ]);
    const chosen = distinctiveTerms(terms, { total: 1000, frequencies }).map((term) => term.stem);
    assert.equal(chosen[0], 'kirov');
    assert.ok(chosen.includes('purg'));
    assert.ok(!chosen.includes('histori'), 'in 90% of sets');
    assert.ok(!chosen.includes('nikolayev'), 'in no other set');
  });
});
