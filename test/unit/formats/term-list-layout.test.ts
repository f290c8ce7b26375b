/** Term lists as other apps lay them out: Quizlet's separators, spreadsheets' encodings and headers, Anki's text export. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import type { ReadOptions } from '../../../src/formats/card-set-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { detectFormat } from '../../../src/formats/registry.js';
import { guardCell, unguardCell } from '../../../src/formats/term-list/spreadsheet-cells.js';
import { csvFormat, tsvFormat } from '../../../src/formats/term-list/term-list-format.js';
import { fixtureBytes } from './support/fixture-files.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const cardsOf = (documents: CardSetDocument[]) => documents.flatMap((document) => document.cards);
const readFixture = (name: string, options?: ReadOptions) => {
  const input = fixtureBytes(`term-lists/${name}`);
  const format = detectFormat(input, name);
  assert.ok(format?.inspect, `${name} is read as a term list`);
  return {
    format: format.id,
    reading: format.inspect(input, options),
    documents: format.read(input, options),
  };
};

describe('Quizlet exports', () => {
  it('reads Tab / New line: line breaks in definitions continue them, quotes stay words', () => {
    const { format, reading, documents } = readFixture('quizlet-tab-newline.txt');
    assert.equal(format, 'tsv');
    assert.deepEqual(reading.layout, { separator: '\t', rowSeparator: '\n', quotes: 'text', header: false });
    assert.deepEqual(cardsOf(documents), [
      { title: 'mitosis', body: 'cell division giving two identical cells' },
      { title: 'meiosis', body: 'cell division giving four gametes' },
      { title: '"Out, damned spot!"', body: 'Lady Macbeth, Act 5 Scene 1' },
      {
        title: 'osmosis',
        body: 'movement of water\n\nacross a partially permeable membrane\n\nfrom dilute to concentrated',
      },
      { title: '"unclosed quote', body: 'is fine' },
    ]);
  });

  it('reads Comma / Semicolon as one card per row, a quoted term keeping its commas and quotes', () => {
    const { format, reading, documents } = readFixture('quizlet-comma-semicolon.txt');
    assert.equal(format, 'csv');
    assert.deepEqual(reading.layout, { separator: ',', rowSeparator: ';', quotes: 'text', header: false });
    assert.deepEqual(cardsOf(documents), [
      { title: 'mitosis', body: 'cell division, giving two identical cells' },
      { title: '"Out, damned spot!"', body: 'Lady Macbeth, Act 5 Scene 1' },
      { title: 'osmosis', body: 'movement of water\n\nacross a membrane' },
      { title: '"Is this a dagger', body: 'which I see before me' },
    ]);
  });

  it('reads Tab / Semicolon as one card per row', () => {
    const { reading, documents } = readFixture('quizlet-tab-semicolon.txt');
    assert.deepEqual(reading.layout, { separator: '\t', rowSeparator: ';', quotes: 'text', header: false });
    assert.deepEqual(
      cardsOf(documents).map((card) => card.title),
      ['mitosis', 'meiosis', 'diffusion'],
    );
  });

  it('reads the separators it is given instead of those it would detect', () => {
    const text = 'a - alpha;b - beta, gamma;';
    const cards = cardsOf(csvFormat.read(bytes(text), { separator: 'dash', rowSeparator: 'semicolon' }));
    assert.deepEqual(cards, [
      { title: 'a', body: 'alpha' },
      { title: 'b', body: 'beta, gamma' },
    ]);
    const reading = csvFormat.inspect!(bytes(text), { separator: ' - ', rowSeparator: ';' });
    assert.deepEqual(reading.detected, {
      separator: false,
      rowSeparator: false,
      quotes: true,
      header: true,
      encoding: true,
    });
    assert.deepEqual(cardsOf(tsvFormat.read(bytes('x|1||y|2'), { separator: '|', rowSeparator: '||' })), [
      { title: 'x', body: '1' },
      { title: 'y', body: '2' },
    ]);
  });

  it('detects a typed list with " - " between term and definition', () => {
    const input = bytes('der Hund - the dog\ndie Katze - the cat\n');
    assert.equal(detectFormat(input)?.id, 'csv');
    assert.equal(csvFormat.inspect!(input).layout.separator, ' - ');
  });
});

describe('spreadsheets', () => {
  it('reads Excel’s plain CSV in Windows-1252, skipping its header row and undoing CSV quoting', () => {
    const { reading, documents } = readFixture('excel-csv-windows-1252.csv');
    assert.equal(reading.encoding, 'windows-1252');
    assert.deepEqual(reading.layout, { separator: ',', rowSeparator: '\n', quotes: 'csv', header: true });
    assert.deepEqual(cardsOf(documents), [
      { title: 'café', body: 'a coffee shop' },
      { title: 'naïve', body: 'innocent, credulous' },
      { title: '€', body: 'the euro sign' },
    ]);
  });

  it('reads Excel’s “Unicode Text” (UTF-16 LE with a byte-order mark) as a tab-separated list', () => {
    const { format, reading, documents } = readFixture('excel-unicode-text.txt');
    assert.equal(format, 'tsv');
    assert.equal(reading.encoding, 'utf-16le');
    assert.deepEqual(cardsOf(documents), [
      { title: 'Zoë', body: 'name' },
      { title: '日本', body: 'Japan' },
    ]);
  });

  it('takes a German Excel file’s "Begriff;Definition" for a header, and reads it as a card when told', () => {
    const { reading, documents } = readFixture('german-excel-semicolon.csv');
    assert.deepEqual(reading.layout, { separator: ';', rowSeparator: '\n', quotes: 'text', header: true });
    assert.deepEqual(cardsOf(documents), [
      { title: 'Hund', body: 'ein Haustier, das bellt' },
      { title: 'Müll', body: 'Abfall' },
    ]);
    const asCard = readFixture('german-excel-semicolon.csv', { header: false });
    assert.equal(cardsOf(asCard.documents)[0]!.title, 'Begriff');
  });

  it('reads a file as the encoding chosen, and refuses bytes that are not in it, naming the line', () => {
    const input = bytes('Begriff;Definition\nMüll;Abfall\n');
    const reading = csvFormat.inspect!(input, { encoding: 'windows-1252' });
    assert.equal(reading.encoding, 'windows-1252');
    assert.equal(reading.detected.encoding, false);
    assert.equal(cardsOf(csvFormat.read(input, { encoding: 'windows-1252' }))[0]!.title, 'MÃ¼ll');
    assert.throws(
      () => csvFormat.read(fixtureBytes('term-lists/german-excel-semicolon.csv'), { encoding: 'utf-8' }),
      (error: unknown) =>
        error instanceof ParseError && error.line === 3 && /invalid UTF-8/.test(error.message),
    );
  });

  it('reads quotes as words when told, and as CSV quoting when told', () => {
    const text = '"a, b",c\nd,e\n';
    assert.equal(cardsOf(csvFormat.read(bytes(text)))[0]!.title, 'a, b');
    assert.equal(cardsOf(csvFormat.read(bytes(text), { quotes: 'text' }))[0]!.title, '"a, b"');
    assert.equal(cardsOf(tsvFormat.read(bytes('"Macbeth"\tplay'), { quotes: 'csv' }))[0]!.title, 'Macbeth');
  });
});

describe("Anki's Notes in Plain Text", () => {
  it('makes a set per deck (subject and topic from its path), tags per card, cloze and reversed notes', () => {
    const { format, documents } = readFixture('anki-notes-in-plain-text.txt');
    assert.equal(format, 'tsv');
    assert.deepEqual(
      documents.map(({ title, subject, topic }) => ({ title, subject, topic })),
      [
        { title: 'Organelles', subject: 'Biology', topic: 'Cells' },
        { title: 'Verbs', subject: 'Spanish', topic: null },
      ],
    );
    assert.deepEqual(documents[0]!.cards, [
      { title: 'Mitochondria', body: 'Where **respiration** happens', tags: ['biology', 'cells'] },
      {
        title: null,
        body: 'The {{c1::nucleus}} holds the {{c2::DNA::molecule}}\n\nSee *chapter 2*',
        kind: 'cloze',
        tags: ['biology'],
      },
    ]);
    assert.deepEqual(documents[1]!.cards, [
      { title: 'hablar', body: 'to speak', reversible: true, tags: ['spanish', 'verbs'] },
      { title: 'comer', body: 'to eat; to have lunch', tags: ['spanish'] },
    ]);
  });

  it('counts the cards of every deck against the limit', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `t${i}\td${i}\tDeck ${i}`).join('\n');
    assert.throws(
      () => tsvFormat.read(bytes(`#separator:tab\n#deck column:3\n${rows}`), { maxCards: 3 }),
      (error: unknown) => error instanceof ParseError && error.line === 6,
    );
  });
});

describe('spreadsheet formula guard (CSV injection)', () => {
  const risky = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "''="), fc.string({ maxLength: 10 }))
      .map(([a, b]) => a + b),
  );

  it('guards every cell a spreadsheet would run, and undoes exactly that', () => {
    fc.assert(
      fc.property(risky, (cell) => {
        assert.doesNotMatch(guardCell(cell), /^[=+\-@\t\r]/);
        assert.equal(unguardCell(guardCell(cell)), cell);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes CSV no spreadsheet runs a formula from, and reads it back as it was', () => {
    const line = fc
      .tuple(
        fc.constantFrom('=', '+', '-', '@', "'=", "'", 'x'),
        fc.stringMatching(/^[a-z0-9()*!+]{1,6}( [a-z0-9()*!+]{1,6})?$/),
      )
      .map(([start, rest]) => (start + rest).trim())
      .filter((text) => text !== '' && text !== "'");
    const card = fc.record(
      { title: line, body: line.map((text) => text.replace(/^([-+=])/, '\\$1')) },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 6 }), (cards) => {
        const document: CardSetDocument = {
          title: 'x',
          subtitle: null,
          subject: null,
          topic: null,
          level: null,
          examBoard: null,
          tags: [],
          cards: cards.map((c) => ({ title: c.title, body: c.body.replace(/\*/g, '\\*') })),
        };
        const written = csvFormat.write(document, { now: new Date(0) });
        const rows: string[][] = parse(Buffer.from(written));
        for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
        assert.deepEqual(cardsOf(csvFormat.read(written)), document.cards);
      }),
      { numRuns: 300 },
    );
  });
});

describe('term lists: properties', () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z'!?.]{0,7}$/);
  const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
  const pairs = fc.array(fc.tuple(phrase, phrase), { minLength: 2, maxLength: 12 });
  const LAYOUTS = [
    { separator: '\t', rowSeparator: '\n', name: 'Tab / New line' },
    { separator: ',', rowSeparator: ';', name: 'Comma / Semicolon' },
    { separator: '\t', rowSeparator: ';', name: 'Tab / Semicolon' },
    { separator: ' - ', rowSeparator: '\n', name: 'dash / New line' },
  ];

  for (const layout of LAYOUTS) {
    it(`reads back any ${layout.name} export, laid out as Quizlet writes it, detecting its layout`, () => {
      fc.assert(
        fc.property(pairs, (list) => {
          const end = layout.rowSeparator === ';' ? ';' : '\n';
          const text = list
            .map(([term, definition]) => `${term}${layout.separator}${definition}${end}`)
            .join('');
          const input = bytes(text);
          const format = detectFormat(input);
          assert.ok(format?.inspect);
          const { separator, rowSeparator } = format.inspect(input).layout;
          assert.deepEqual(
            { separator, rowSeparator },
            { separator: layout.separator, rowSeparator: layout.rowSeparator },
          );
          assert.deepEqual(
            cardsOf(format.read(input)).map((card) => [card.title, card.body]),
            list.map(([term, definition]) => [term, definition.replace(/([!?.])/g, '$1')]),
          );
        }),
        { numRuns: 150 },
      );
    });
  }

  it('reads any text under any layout, or refuses it with a ParseError', () => {
    const layoutArb = fc.record(
      {
        separator: fc.constantFrom('\t', ',', ';', ' - ', '|'),
        rowSeparator: fc.constantFrom('\n', ';', '||'),
        quotes: fc.constantFrom('csv' as const, 'text' as const),
        header: fc.boolean(),
      },
      { noNullPrototype: true },
    );
    const textArb = fc.array(fc.constantFrom('a', ' ', '\t', ',', ';', '"', '\n', '\r', '-', '|', '#', 'é'), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(textArb, fc.option(layoutArb, { nil: undefined }), (chars, layout) => {
        try {
          tsvFormat.read(bytes(chars.join('')), layout);
        } catch (error) {
          assert.ok(error instanceof ParseError, String(error));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
