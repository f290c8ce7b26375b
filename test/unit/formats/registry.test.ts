import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { FORMAT_IDS, isFormatId, type FormatId } from '../../../src/formats/card-set-format.js';
import { FORMATS, detectFormat, formatById, formatOfFileName } from '../../../src/formats/registry.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';

const now = { now: new Date('2026-05-06T07:08:09Z') };
const seed = (): CardSetDocument => ({
  ...parseRevisionText(seedText()),
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['history', 'ussr'],
});

/** What each format keeps of a set: the round-trip table of the README, as a test. */
const KEPT: Record<FormatId, (keyof CardSetDocument)[]> = {
  'revision-text': ['title', 'subtitle', 'subject', 'topic', 'cards'],
  tsv: ['title', 'subject', 'topic', 'tags', 'cards'],
  csv: ['cards'],
  apkg: ['title', 'subtitle', 'subject', 'topic', 'tags', 'cards'],
  json: ['title', 'subtitle', 'subject', 'topic', 'level', 'examBoard', 'tags', 'cards'],
  markdown: ['title', 'subtitle', 'subject', 'topic', 'level', 'examBoard', 'tags', 'cards'],
};
const LOST: CardSetDocument = {
  title: 'Imported cards',
  subtitle: null,
  subject: null,
  topic: null,
  level: null,
  examBoard: null,
  tags: [],
  cards: [],
};

describe('every format', () => {
  for (const format of FORMATS) {
    it(`${format.id}: the seed written and read back keeps ${KEPT[format.id].join(', ')} and loses only the rest`, () => {
      const original = seed();
      const documents = format.read(format.write(original, now));
      assert.equal(documents.length, 1);
      const expected = { ...LOST };
      for (const key of KEPT[format.id]) Object.assign(expected, { [key]: original[key] });
      assert.deepEqual(documents[0], expected);
    });
  }

  it('has one format per id, found by id', () => {
    assert.deepEqual(FORMATS.map((format) => format.id).sort(), [...FORMAT_IDS].sort());
    for (const id of FORMAT_IDS) assert.equal(formatById(id).id, id);
    assert.ok(isFormatId('apkg'));
    assert.ok(!isFormatId('docx'));
  });
});

describe('detectFormat', () => {
  it('recognises every format’s own output from its content alone', () => {
    for (const format of FORMATS) {
      assert.equal(detectFormat(format.write(seed(), now))?.id, format.id, format.id);
    }
  });

  it('recognises the demo text files and a Quizlet export', () => {
    assert.equal(detectFormat(new TextEncoder().encode(seedText()), 'seed.txt')?.id, 'revision-text');
    assert.equal(
      detectFormat(new TextEncoder().encode('mitosis\tcell division\nmeiosis\tgametes\n'), 'quizlet.txt')?.id,
      'tsv',
    );
  });

  it('lets the extension break a tie and decide when content cannot', () => {
    // Revision text whose lines happen to hold tabs fits both revision text and TSV.
    const ambiguous = new TextEncoder().encode('Title\tx\n\na\tb\nc\td\ne\tf\n1 of 1\n');
    assert.equal(detectFormat(ambiguous)?.id, 'revision-text');
    assert.equal(detectFormat(ambiguous, 'list.tsv')?.id, 'tsv');
    assert.equal(detectFormat(new TextEncoder().encode('just words'), 'deck.colpkg')?.id, 'apkg');
    assert.equal(detectFormat(new TextEncoder().encode('just words')), null);
  });

  it('names formats by extension', () => {
    assert.equal(formatOfFileName('Deck.APKG')?.id, 'apkg');
    assert.equal(formatOfFileName('list.tab')?.id, 'tsv');
    assert.equal(formatOfFileName('notes.markdown')?.id, 'markdown');
    assert.equal(formatOfFileName('README'), null);
  });
});
