import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { markdownFormat } from '../../../src/formats/markdown/markdown-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';
import { revisionTextDocumentArb } from './support/arbitraries.js';

const now = { now: new Date(0) };
const bytes = (text: string) => new TextEncoder().encode(text);
const write = (document: CardSetDocument) => new TextDecoder().decode(markdownFormat.write(document, now));
const read = (text: string) => markdownFormat.read(bytes(text))[0]!;
const document = (overrides: Partial<CardSetDocument> = {}): CardSetDocument => ({
  title: 'Cells',
  subtitle: 'Animal and plant cells',
  subject: 'Biology',
  topic: 'Cells',
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['cells', 'biology'],
  cards: [
    { title: 'Nucleus', body: 'Holds the DNA' },
    { title: null, body: '### A heading\n\n- one\n- two' },
  ],
  ...overrides,
});

function parseErrorOf(text: string): ParseError {
  try {
    read(text);
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ParseError');
}

describe('Markdown documents', () => {
  it('writes a readable document: title, subtitle quote, metadata list, numbered card sections, headings one level down', () => {
    assert.equal(
      write(document()),
      [
        '# Cells',
        '',
        '> Animal and plant cells',
        '',
        '- Subject: Biology',
        '- Topic: Cells',
        '- Level: GCSE',
        '- Exam board: AQA',
        '- Tags: cells, biology',
        '',
        '## 1. Nucleus',
        '',
        'Holds the DNA',
        '',
        '## Card 2',
        '',
        '#### A heading',
        '',
        '- one',
        '- two',
        '',
      ].join('\n'),
    );
  });

  it('reads back everything it writes', () => {
    assert.deepEqual(read(write(document())), document());
  });

  it('writes the seed and reads back the same set', () => {
    const seed = { ...parseRevisionText(seedText()), level: null, examBoard: null, tags: [] };
    assert.deepEqual(read(write(seed)), seed);
  });

  it('keeps a body’s own level-1 and level-2 headings in the body', () => {
    const source = document({
      cards: [
        { title: 'A', body: '# Big\n\ntext\n\n## Smaller' },
        { title: 'B', body: 'b' },
      ],
    });
    assert.match(write(source), /## 1\. A\n\n## Big\n\ntext\n\n### Smaller\n\n## 2\. B/);
    assert.deepEqual(read(write(source)), source);
  });

  it('escapes titles so that Markdown in them stays text, including a trailing #', () => {
    const source = document({ title: 'C# and *stars*', cards: [{ title: '1. Not a list #', body: 'x' }] });
    assert.deepEqual(read(write(source)), source);
  });

  it('closes a code fence left open in a body, so the next card survives', () => {
    const source = document({
      cards: [
        { title: 'Code', body: '```\nno end' },
        { title: 'Next', body: 'n' },
      ],
    });
    const back = read(write(source));
    assert.equal(back.cards.length, 2);
    assert.equal(back.cards[0]!.body, '```\nno end\n```');
  });

  it('reads back any set in the plain-text vocabulary with everything it carries', () => {
    fc.assert(
      fc.property(revisionTextDocumentArb, (d) => {
        assert.deepEqual(read(write(d)), d);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a hand-written document: every ## is a card when they are not numbered', () => {
    const back = read(
      '# Revision notes\n\nSome intro that is not read.\n\n## Osmosis\n\nWater moves.\n\n## Diffusion\n\n- particles spread\n',
    );
    assert.deepEqual(back.cards, [
      { title: 'Osmosis', body: 'Water moves.' },
      { title: 'Diffusion', body: '- particles spread' },
    ]);
    assert.equal(back.subtitle, null);
  });

  it('refuses a document without a title heading, and a level it does not know, naming the line', () => {
    assert.equal(parseErrorOf('Some text\n\n## Card').line, 1);
    assert.match(parseErrorOf('').message, /empty/);
    const error = parseErrorOf('# T\n\n- Level: Year 9\n\n## 1. A\n\nx');
    assert.equal(error.line, 3);
    assert.match(error.message, /level must be one of GCSE/);
  });

  it('refuses more cards than a set may have', () => {
    const cards = Array.from({ length: 3 }, (_, i) => `## ${i + 1}. c\n\nx`).join('\n\n');
    assert.throws(
      () => markdownFormat.read(bytes(`# T\n\n${cards}`), { maxCards: 2 }),
      /Line 11: a card set may have at most 2 cards/,
    );
  });

  it('detects a document with a title heading and card sections', () => {
    assert.ok(markdownFormat.detect(bytes('# T\n\n## A\n')));
    assert.ok(!markdownFormat.detect(bytes('## A\n# T')));
  });
});
