/** Markdown flashcard apps, read from files made to each app's published format (test/fixtures/flashcard-apps). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { READERS, detectFormat, readerById } from '../../../src/formats/registry.js';
import { fixtureBytes } from './support/fixture-files.js';

const read = (name: string): { format: string | undefined; documents: CardSetDocument[] } => {
  const input = fixtureBytes(`flashcard-apps/${name}`);
  const format = detectFormat(input, name);
  return { format: format?.id, documents: format?.read(input) ?? [] };
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('Obsidian Spaced Repetition', () => {
  it('reads ::, ::: (both ways), ? and ?? cards, ==cloze== with hints, #flashcards decks, and skips scheduling and code', () => {
    const { format, documents } = read('obsidian-spaced-repetition.md');
    assert.equal(format, 'obsidian');
    assert.deepEqual(
      documents.map(({ title, subject, tags }) => ({ title, subject, tags })),
      [
        { title: 'Cells', subject: 'Biology', tags: ['exam'] },
        { title: 'Genetics', subject: 'Biology', tags: ['exam'] },
      ],
    );
    assert.deepEqual(documents[0]!.cards, [
      { title: 'What powers the cell', body: 'The mitochondria' },
      { title: 'Mitosis', body: 'cell division giving two identical cells', reversible: true },
      { title: 'What does a ribosome do?', body: 'It makes proteins\n\n- from amino acids' },
      { title: 'Chlorophyll', body: 'The green pigment', reversible: true },
      {
        title: null,
        body: 'The first female prime minister of Australia was {{c1::Julia Gillard::name}} in {{c2::2010}}',
        kind: 'cloze',
      },
    ]);
    assert.deepEqual(documents[1]!.cards, [
      { title: 'Who described the double helix?', body: 'Watson and Crick' },
    ]);
  });

  it('turns {{curly}} deletions and numbered groups into Recall cloze', () => {
    const [document] = readerById('obsidian').read(
      bytes('#flashcards\nThe {{sky}} is ==blue==[^1] and ==wide==[^1]\n'),
    );
    assert.deepEqual(document!.cards, [
      { title: null, body: 'The {{c1::sky}} is {{c1::blue}} and {{c1::wide}}', kind: 'cloze' },
    ]);
  });
});

describe('Logseq', () => {
  it('reads #card and [[card]] blocks with their children as the answer, cloze, tags and the page’s namespace', () => {
    const { format, documents } = read('logseq-page.md');
    assert.equal(format, 'logseq');
    assert.equal(documents.length, 1);
    const [page] = documents;
    assert.deepEqual([page!.title, page!.subject, page!.tags], ['Cells', 'Biology', ['biology', 'exam']]);
    assert.deepEqual(page!.cards, [
      { title: 'What does the nucleus hold?', body: '- The DNA\n  - in chromosomes', tags: ['genetics'] },
      {
        title: null,
        body: 'The {{c1::mitochondria}} releases energy by {{c2::respiration}}\n\n- Aerobic respiration needs oxygen',
        kind: 'cloze',
      },
      { title: 'Which organelle makes proteins?', body: '- The ribosome' },
    ]);
  });
});

describe('RemNote', () => {
  it('reads >>, << (asked from the right), <> and :: (both ways), ;;, >>> with child answers, and {{cloze}} asked together', () => {
    const { format, documents } = read('remnote-document.md');
    assert.equal(format, 'remnote');
    assert.deepEqual(documents[0]!.cards, [
      { title: 'Mitochondria', body: 'Where respiration happens' },
      { title: 'Proteins', body: 'Made by ribosomes' },
      { title: 'hablar', body: 'to speak', reversible: true },
      { title: 'Osmosis', body: 'Movement of water through a membrane', reversible: true },
      { title: 'Direction', body: 'From dilute to concentrated' },
      { title: 'Stages of mitosis', body: '- Prophase\n- Metaphase' },
      { title: null, body: 'The {{c1::nucleus}} holds the {{c1::DNA}}', kind: 'cloze' },
    ]);
  });
});

describe('Mochi', () => {
  it('reads a .mochi archive with data.edn: nested decks, card tags, cloze, and leaves trashed cards out', () => {
    const { format, documents } = read('biology.mochi');
    assert.equal(format, 'mochi');
    assert.deepEqual(
      documents.map(({ title, subject }) => ({ title, subject })),
      [{ title: 'Cells', subject: 'Biology' }],
    );
    assert.deepEqual(documents[0]!.cards, [
      { title: 'What powers the cell?', body: 'The **mitochondria**', tags: ['cells'] },
      { title: null, body: 'The {{c1::nucleus}} holds the DNA', kind: 'cloze' },
    ]);
  });

  it('reads a .mochi archive with data.json (Transit), a third side following the second', () => {
    const { documents } = read('spanish.mochi');
    assert.deepEqual(documents[0]!.title, 'Spanish');
    assert.deepEqual(documents[0]!.cards, [
      { title: 'hablar', body: 'to speak', tags: ['verbs'] },
      { title: 'comer', body: 'to eat\n\n---\n\nyo como' },
    ]);
  });

  it('reads Mochi Markdown: --- between sides, a blank line before each next front', () => {
    const { format, documents } = read('mochi-cards.md');
    assert.equal(format, 'mochi');
    assert.deepEqual(documents[0]!.cards, [
      {
        title: 'What is photosynthesis?',
        body: 'The process plants use to convert sunlight into chemical energy.',
      },
      { title: 'Where does it happen?', body: 'In the chloroplasts\n\n- of leaf cells' },
    ]);
  });

  it('refuses a zip without Mochi’s data, saying what a Mochi export holds', () => {
    assert.throws(
      () => readerById('mochi').read(fixtureBytes('anki/new-format.apkg')),
      (error: unknown) =>
        error instanceof ParseError && /neither data\.edn nor data\.json/.test(error.message),
    );
  });
});

describe('every reader', () => {
  const characters = fc.constantFrom(
    ...['a', ' ', '\t', '\n', '-', '#', ':', '?', '=', '{', '}', '[', ']', '>', '<', ';', '*', '`', '|', 'é'],
  );
  for (const reader of READERS.filter((candidate) =>
    ['obsidian', 'logseq', 'remnote', 'mochi'].includes(candidate.id),
  )) {
    it(`${reader.id}: reads any text or refuses it with a ParseError, never past the card limit`, () => {
      fc.assert(
        fc.property(fc.array(characters, { maxLength: 120 }), (chars) => {
          try {
            const documents = reader.read(bytes(chars.join('')), { maxCards: 3 });
            assert.ok(documents.reduce((sum, document) => sum + document.cards.length, 0) <= 3);
          } catch (error) {
            assert.ok(error instanceof ParseError, String(error));
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
