import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractAnswerSpans, type AnswerSpan } from '../../../../src/domain/study/answer-spans.js';
import { setFacts } from '../../../../src/domain/study/card-text.js';
import { demoSets, seedSet } from './study-fixtures.js';

function spansOfSeed(): Map<string, AnswerSpan[]> {
  const byFact = new Map<string, AnswerSpan[]>();
  for (const [fact, spans] of extractAnswerSpans(setFacts(seedSet().cards))) {
    byFact.set(`${fact.cardPosition}:${fact.index}`, spans);
  }
  return byFact;
}

const kinds = (spans: readonly AnswerSpan[] | undefined) => (spans ?? []).map((s) => `${s.kind}:${s.text}`);

describe('extractAnswerSpans on the seed', () => {
  const spans = spansOfSeed();

  it('finds the year, the people and the organisation in Kirov’s assassination', () => {
    assert.deepEqual(kinds(spans.get('4:4')), [
      'year:1934',
      'person:Kirov',
      'person:Nikolayev',
      'person:Kirov',
      'person:Stalin',
      'name:NKVD',
    ]);
  });

  it('reads numbers with their magnitude and percentages, never as years', () => {
    assert.deepEqual(kinds(spans.get('3:3')), ['number:7,000,000', 'place:Kolyma', 'number:20,000,000']);
    assert.deepEqual(kinds(spans.get('5:3')), ['number:3 million', 'number:700,000']);
    assert.ok(kinds(spans.get('4:5')).includes('number:9%'));
    assert.deepEqual(
      spans.get('3:1')!.find((s) => s.kind === 'number'),
      { kind: 'number', text: '10 million', start: 119, end: 129, value: 10_000_000, unit: 'count' },
    );
  });

  it('skips the list number of "1930 - 1 - A first purges"', () => {
    assert.ok(!kinds(spans.get('4:0')).includes('number:1'));
  });

  it('keeps multiword names whole and tells places from people', () => {
    assert.deepEqual(kinds(spans.get('10:5')), [
      'person:Lavrenti Beria',
      'name:NKVD',
      'person:Georgia Malenkov',
      'person:Stalin',
    ]);
    assert.ok(kinds(spans.get('4:6')).includes('place:Moscow'));
    assert.ok(kinds(spans.get('4:5')).includes('name:Society of Old Bolshevik'));
  });

  it('does not take a sentence-opening word for a name unless the set capitalises it elsewhere', () => {
    const all = [...spans.values()].flat().map((s) => s.text);
    for (const word of ['Millions', 'Historians', 'Poets', 'Kulaks', 'Party', 'Dec']) {
      assert.ok(!all.includes(word), word);
    }
  });

  it('gives offsets that slice back to each span', () => {
    for (const [fact, found] of extractAnswerSpans(setFacts(seedSet().cards))) {
      for (const span of found) assert.equal(fact.text.slice(span.start, span.end), span.text);
    }
  });
});

describe('extractAnswerSpans on definitions', () => {
  it('takes the defined term of "Term - definition" and "Term is a …"', () => {
    const cells = demoSets().find((set) => set.file.startsWith('cell-structure'))!;
    const terms = [...extractAnswerSpans(setFacts(cells.cards)).values()]
      .flat()
      .filter((s) => s.kind === 'term')
      .map((s) => s.text);
    for (const term of ['Nucleus', 'Cytoplasm', 'Cell membrane', 'Mitochondria', 'Osmosis', 'Diffusion']) {
      assert.ok(terms.includes(term), `${term} in ${terms.join(', ')}`);
    }
    assert.ok(!terms.includes('Examples') && !terms.includes('Units'));
  });
});
