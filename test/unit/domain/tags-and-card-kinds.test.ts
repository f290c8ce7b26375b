import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertValidCardSetDraft, type CardDraft, type CardSetDraft } from '../../../src/domain/card-set.js';
import { AppError } from '../../../src/domain/errors.js';
import { clozeProblems } from '../../../src/domain/study/cloze.js';
import {
  formatTagList,
  normaliseTags,
  parseTagList,
  TAG_LIMITS,
  tagKey,
  tagProblems,
} from '../../../src/domain/tags.js';

const draft = (cards: CardDraft[], tags?: string[]): CardSetDraft => ({
  title: 'Capitals',
  subtitle: null,
  subject: 'Geography',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  ...(tags === undefined ? {} : { tags }),
  cards,
});

function problemsOf(value: CardSetDraft) {
  try {
    assertValidCardSetDraft(value);
    return [];
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.details;
  }
}

describe('tags', () => {
  it('reads a field of comma-separated tags, trimmed, spaces collapsed, repeats dropped whatever their case', () => {
    assert.deepEqual(parseTagList(' ww2,  Paper   1 ,,WW2, paper 1\nCold war '), [
      'ww2',
      'Paper 1',
      'Cold war',
    ]);
    assert.deepEqual(parseTagList(''), []);
    assert.equal(formatTagList(['ww2', 'Paper 1']), 'ww2, Paper 1');
    assert.deepEqual(parseTagList(formatTagList(['a::b', 'Ünïcode', 'x y'])), ['a::b', 'Ünïcode', 'x y']);
  });

  it('compares tags without regard to case or Unicode form', () => {
    assert.equal(tagKey('  WW2 '), 'ww2');
    assert.equal(tagKey('Cafe\u0301'), tagKey('Café'));
    assert.deepEqual(normaliseTags(['Café', 'cafe\u0301', 'CAFÉ']), ['Café']);
  });

  it('refuses too many tags, long ones, commas and control characters, naming the field', () => {
    const many = Array.from({ length: TAG_LIMITS.perSet + 1 }, (_, i) => `t${i}`);
    assert.match(
      tagProblems('tags', many, TAG_LIMITS.perSet)[0]!.message,
      /At most 100 tags \(this has 101\)/,
    );
    assert.match(tagProblems('tags', ['x'.repeat(101)], 100)[0]!.message, /at most 100 characters/);
    assert.match(tagProblems('tags', ['a,b'], 100)[0]!.message, /comma/);
    assert.match(tagProblems('tags', ['a\u0007'], 100)[0]!.message, /control/);
    assert.deepEqual(tagProblems('tags', ['ww2', 'Paper 1'], 100), []);
  });
});

describe('card kinds in a draft', () => {
  it('accepts cloze cards with deletions, reversible cards with titles, and tags', () => {
    const value = draft(
      [
        { title: null, body: '{{c1::Canberra}} is in {{c2::Australia}}', kind: 'cloze', tags: ['capitals'] },
        { title: 'Osmosis', body: 'Water crossing a membrane', reversible: true },
      ],
      ['geography'],
    );
    assert.deepEqual(problemsOf(value), []);
  });

  it('says on the body field when a cloze card has no well-formed deletion', () => {
    const problems = problemsOf(draft([{ title: 'x', body: 'No gaps here', kind: 'cloze' }]));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['cards[0].body'],
    );
    assert.match(problems[0]!.message, /needs at least one deletion, written \{\{c1::answer\}\}/);
  });

  it('says on the title field when a card studied both ways has no title to answer with', () => {
    const problems = problemsOf(draft([{ title: null, body: 'Only a body', reversible: true }]));
    assert.deepEqual(problems, [
      {
        field: 'cards[0].title',
        message: 'A card studied both ways needs a title: it is the answer when the card is reversed.',
      },
    ]);
  });

  it('checks the set’s tags and each card’s', () => {
    const problems = problemsOf(draft([{ title: 'a', body: 'b', tags: ['x,y'] }], ['ok', 'x'.repeat(101)]));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['tags', 'cards[0].tags'],
    );
  });
});

describe('cloze problems', () => {
  it('names what is wrong with a cloze body', () => {
    assert.deepEqual(clozeProblems('{{c1::Canberra::city}} is a {{c2::capital}}'), []);
    assert.match(
      clozeProblems('{{c1::never closed')[0]!,
      /“\{\{c1::never closed” is never closed: end it with \}\}/,
    );
    assert.match(
      clozeProblems('{{c0::zero}}')[0]!,
      /Deletion numbers run from c1 to c500; “\{\{c0::” is not one/,
    );
    assert.match(clozeProblems('{{c501::x}}')[0]!, /“\{\{c501::” is not one/);
    assert.match(clozeProblems('{{c1::}} and {{c2::x}}')[0]!, /Deletion c1 has no answer/);
    assert.match(clozeProblems('{{c1::one\n\ntwo}}')[0]!, /runs over a blank line/);
    assert.match(clozeProblems('plain')[0]!, /needs at least one deletion/);
    const many = Array.from({ length: 101 }, (_, i) => `{{c${i + 1}::w}}`).join(' ');
    assert.match(clozeProblems(many)[0]!, /At most 100 deletion numbers per card \(this has 101\)/);
  });
});
