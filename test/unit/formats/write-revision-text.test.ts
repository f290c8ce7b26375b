import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { projectRoot } from '../../../src/app/paths.js';
import { revisionTextFormat } from '../../../src/formats/revision-text/revision-text-format.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { writeRevisionText } from '../../../src/formats/revision-text/write-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';
import { revisionTextDocumentArb } from './support/arbitraries.js';

const demoDir = join(projectRoot, 'content', 'demo');
const demoFiles = readdirSync(demoDir).filter((name) => name.endsWith('.txt'));
const set = (overrides: Partial<Parameters<typeof writeRevisionText>[0]>) => ({
  title: 'Title',
  subtitle: 'Subtitle',
  subject: 'History',
  topic: 'Tudors',
  cards: [{ title: 'Card', body: '- point' }],
  ...overrides,
});
const roundTrip = (source: Parameters<typeof writeRevisionText>[0]) =>
  parseRevisionText(writeRevisionText(source));

describe('writeRevisionText', () => {
  it('writes each team-written demo set back byte for byte', () => {
    for (const name of demoFiles.filter((file) => file !== 'persecution-and-control.txt')) {
      const text = readFileSync(join(demoDir, name), 'utf8');
      assert.equal(writeRevisionText(parseRevisionText(text)), text, name);
    }
  });

  it('writes the seed so that it reads back as the same set', () => {
    const seed = parseRevisionText(seedText());
    assert.deepEqual(roundTrip(seed), seed);
  });

  it('lays the seed out like the demo files: title, subtitle, furniture, cards ending "n of N", trailer', () => {
    const text = writeRevisionText(parseRevisionText(seedText()));
    assert.deepEqual(text.split('\n').slice(0, 7), [
      'Persecution and Control',
      '',
      'The purges, terror, cult of personality, Stalinism',
      '',
      'HideShow resource information',
      '',
      "  • Historians talk about Stalin's Russia being a totalitarian state, where the Party srt out to control every aspect of life",
    ]);
    assert.ok(
      text.endsWith(
        '11 of 11\n\nNo comments have yet been made\n\nSimilar History resources:\n\nSee all History resources »See all Russia - 19th and 20th century resources »\n',
      ),
    );
  });

  it('turns Markdown back into the text form: bullets, sub-headings, paragraphs, escapes removed', () => {
    const text = writeRevisionText(
      set({
        cards: [{ title: 'Card', body: 'A \\*starred\\* paragraph\n\n### A heading\n\n- one\n- 1\\. two' }],
      }),
    );
    assert.match(
      text,
      /\nCard\n\nA \*starred\* paragraph\n\nA heading\n\n {2}• one\n {2}• 1\. two\n1 of 1\n/,
    );
  });

  it('keeps an untitled card untitled when its first line is not a bullet, by starting it with a lone bullet', () => {
    const source = set({ cards: [{ title: null, body: 'First paragraph\n\nSecond paragraph' }] });
    assert.match(
      writeRevisionText(source),
      /HideShow resource information\n\n {2}•\nFirst paragraph\nSecond paragraph\n1 of 1/,
    );
    assert.deepEqual(roundTrip(source).cards, source.cards);
  });

  it('keeps a one-line untitled card as it is, with no lone bullet', () => {
    const source = set({ cards: [{ title: null, body: 'Just one line' }] });
    assert.doesNotMatch(writeRevisionText(source), /•/);
    assert.deepEqual(roundTrip(source).cards, source.cards);
  });

  it('keeps the title of a card with an empty body', () => {
    const source = set({
      cards: [
        { title: 'Only a title', body: '' },
        { title: 'Second', body: '- x' },
      ],
    });
    assert.deepEqual(roundTrip(source).cards, source.cards);
  });

  it('writes no trailer subject line when the set has no subject, and reads back no subject', () => {
    const source = set({ subject: null, topic: null });
    const text = writeRevisionText(source);
    assert.ok(text.endsWith('1 of 1\n\nNo comments have yet been made\n'));
    assert.deepEqual(roundTrip(source), source);
  });

  it('writes a subject without a topic', () => {
    const source = set({ topic: null });
    assert.match(writeRevisionText(source), /See all History resources »\n$/);
    assert.deepEqual(roundTrip(source), source);
  });

  it('loses a topic that has no subject (the trailer cannot say it)', () => {
    assert.equal(roundTrip(set({ subject: null, topic: 'Tudors' })).topic, null);
  });

  it('omits the subtitle line when there is none', () => {
    const source = set({ subtitle: null });
    assert.ok(writeRevisionText(source).startsWith('Title\n\nHideShow resource information\n'));
    assert.deepEqual(roundTrip(source), source);
  });

  it('guards lines that would read as structure with a zero-width space', () => {
    const source = set({
      title: '• Bulleted title',
      cards: [{ title: '2 of 7', body: 'Show resource information\n\n3 of 9' }],
    });
    const read = roundTrip(source);
    assert.equal(read.title, '\u200b• Bulleted title');
    assert.equal(read.cards[0]!.title, '2 of 7\u200b');
    assert.equal(read.cards[0]!.body.replace(/\u200b/g, ''), 'Show resource information\n\n3 of 9');
  });

  it('flattens Markdown the format cannot hold into words (the documented loss)', () => {
    const source = set({
      cards: [
        {
          title: 'Rich',
          body: '*Emphasis* and **bold** with [a link](https://example.org)\n\n1. first\n2. second\n\n- outer\n  - inner\n\n> quoted',
        },
      ],
    });
    assert.equal(
      roundTrip(source).cards[0]!.body,
      'Emphasis and bold with a link (https://example.org)\n\n1\\. first\n\n2\\. second\n\n- outer\n- inner\n\nquoted',
    );
  });

  it('reads through the format interface as one document with no level, exam board or tags', () => {
    const [document] = revisionTextFormat.read(new TextEncoder().encode(seedText()));
    assert.equal(document!.cards.length, 11);
    assert.equal(document!.level, null);
    assert.deepEqual(document!.tags, []);
  });
});

describe('revision text properties', () => {
  it('reads back exactly what it wrote, for any set in the format’s vocabulary', () => {
    fc.assert(
      fc.property(revisionTextDocumentArb, (document) => {
        const [read] = revisionTextFormat.read(revisionTextFormat.write(document, { now: new Date(0) }));
        assert.deepEqual(read, document);
      }),
      { numRuns: 400 },
    );
  });
});
