import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import type { ReadOptions } from '../../../src/formats/card-set-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { csvFormat, tsvFormat } from '../../../src/formats/term-list/term-list-format.js';
import { seedText } from '../../helpers/fixtures.js';
import { revisionTextDocumentArb } from './support/arbitraries.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const readTsv = (text: string, options?: ReadOptions) => tsvFormat.read(bytes(text), options)[0]!;
const readCsv = (text: string, options?: ReadOptions) => csvFormat.read(bytes(text), options)[0]!;
const now = { now: new Date('2026-01-01T00:00:00Z') };
const seedDocument = (): CardSetDocument => ({
  ...parseRevisionText(seedText()),
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['history', 'stalin'],
});

function parseErrorOf(action: () => unknown): ParseError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ParseError');
}

describe('term lists: writing and reading back', () => {
  it('writes the seed as TSV with Anki headers and reads back the same cards, title, subject, topic and tags', () => {
    const document = seedDocument();
    const text = new TextDecoder().decode(tsvFormat.write(document, now));
    assert.ok(
      text.startsWith(
        '#separator:tab\n#html:false\n#columns:Front\tBack\n#deck:History::Russia - 19th and 20th century::Persecution and Control\n#tags:history stalin\n',
      ),
    );
    const read = tsvFormat.read(tsvFormat.write(document, now))[0]!;
    assert.deepEqual(read, { ...document, subtitle: null, level: null, examBoard: null });
  });

  it('writes the seed as RFC 4180 CSV with a term,definition header and reads back the same cards, without the title', () => {
    const document = seedDocument();
    const text = new TextDecoder().decode(csvFormat.write(document, now));
    assert.ok(text.startsWith('term,definition\r\n,"• Historians'));
    const read = csvFormat.read(csvFormat.write(document, now), { title: 'From a spreadsheet' })[0]!;
    assert.deepEqual(read.cards, document.cards);
    assert.equal(read.title, 'From a spreadsheet');
    assert.equal(read.subject, null);
  });

  it('quotes a term that starts with "#" so that Anki does not take the row for a comment', () => {
    const document = { ...seedDocument(), cards: [{ title: '#1 cause', body: 'A "quoted" word' }] };
    const text = new TextDecoder().decode(tsvFormat.write(document, now));
    assert.match(text, /\n"#1 cause"\t"A ""quoted"" word"\n$/);
    assert.deepEqual(tsvFormat.read(bytes(text))[0]!.cards, document.cards);
  });

  it('reads back any set in the plain-text vocabulary, losing only subtitle, level and exam board (TSV)', () => {
    fc.assert(
      fc.property(revisionTextDocumentArb, (document) => {
        const read = tsvFormat.read(tsvFormat.write(document, now))[0]!;
        assert.deepEqual(read.cards, document.cards);
        assert.equal(read.title, document.title.replaceAll('::', ':'));
        assert.equal(read.subject, document.subject);
        assert.equal(read.topic, document.topic);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back the cards of any set in the plain-text vocabulary (CSV)', () => {
    fc.assert(
      fc.property(revisionTextDocumentArb, (document) => {
        assert.deepEqual(csvFormat.read(csvFormat.write(document, now))[0]!.cards, document.cards);
      }),
      { numRuns: 200 },
    );
  });
});

describe('term lists: reading what other apps write', () => {
  it("reads Quizlet's default export: tab between term and definition, a row per line", () => {
    const read = readTsv(
      'mitosis\tcell division giving two identical cells\nmeiosis\tcell division giving gametes\n',
    );
    assert.deepEqual(read.cards, [
      { title: 'mitosis', body: 'cell division giving two identical cells' },
      { title: 'meiosis', body: 'cell division giving gametes' },
    ]);
    assert.equal(read.title, 'Imported cards');
  });

  it("reads Quizlet's comma-and-semicolon export, joining unquoted commas back into the definition", () => {
    const read = readCsv('dog,a domestic animal, like a wolf;cat,a small feline;', { rowSeparator: ';' });
    assert.deepEqual(read.cards, [
      { title: 'dog', body: 'a domestic animal, like a wolf' },
      { title: 'cat', body: 'a small feline' },
    ]);
  });

  it('reads custom separators given as options, by character or by name', () => {
    assert.deepEqual(readCsv('a - alpha\nb - beta', { separator: ' - ' }).cards, [
      { title: 'a', body: 'alpha' },
      { title: 'b', body: 'beta' },
    ]);
    assert.deepEqual(readTsv('a|alpha\nb|beta', { separator: 'pipe' }).cards.length, 2);
    assert.deepEqual(readTsv('a\talpha', { separator: '\\t' }).cards, [{ title: 'a', body: 'alpha' }]);
  });

  it('reads RFC 4180 quoting: separators, doubled quotes and line breaks inside quoted fields', () => {
    const read = readCsv('"a, b","they say ""hi"":\n• and wave"\r\nc,d\r\n');
    assert.deepEqual(read.cards, [
      { title: 'a, b', body: 'they say "hi":\n\n- and wave' },
      { title: 'c', body: 'd' },
    ]);
  });

  it('reads a UTF-8 byte-order mark and UTF-16 with its byte-order mark (spreadsheets’ "Unicode text")', () => {
    assert.deepEqual(readTsv('\uFEFFa\tb').cards, [{ title: 'a', body: 'b' }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café\tcoffee shop\n', 'utf16le')]);
    assert.deepEqual(tsvFormat.read(utf16)[0]!.cards, [{ title: 'café', body: 'coffee shop' }]);
  });

  it("reads Anki's headers: separator by name, html, tags, columns, deck, notetype, special columns, comments", () => {
    const read = readCsv(
      [
        'tags:old-style',
        '#separator:Semicolon',
        '#html:true',
        '#tags:biology cells',
        '#columns:Tags;Front;Back',
        '#notetype:Basic',
        '#deck:Biology::Cells',
        '#tags column:1',
        '# just a comment',
        'mitochondria;<b>Mitochondria</b>;Where <i>respiration</i> happens<br>in cells;',
        'plant;Plant cell;<ul><li>wall</li><li>chloroplasts</li></ul><img src="plant.png">',
      ].join('\n'),
    );
    assert.equal(read.title, 'Cells');
    assert.equal(read.subject, 'Biology');
    assert.deepEqual(read.tags, ['old-style', 'biology', 'cells']);
    assert.deepEqual(read.cards, [
      { title: 'Mitochondria', body: 'Where *respiration* happens\\\nin cells', tags: ['mitochondria'] },
      { title: 'Plant cell', body: '- wall\n- chloroplasts\n\n\\[image: plant.png\\]', tags: ['plant'] },
    ]);
  });

  it('converts HTML fields safely: no script, no unsafe link, angle brackets kept as text', () => {
    const read = readTsv(
      '#html:true\nq\t<script>alert(1)</script>5 &lt; 6 <a href="javascript:alert(1)">click</a> <a href="https://example.org">ok</a>',
    );
    assert.equal(read.cards[0]!.body, '5 \\< 6 click [ok](<https://example.org>)');
  });

  it('keeps plain definitions as text: Markdown characters are escaped, • lines are bullets', () => {
    const read = readTsv('sum\t"5 * 3 = 15 <b>.\n• first\n• second"');
    assert.equal(read.cards[0]!.body, '5 \\* 3 = 15 \\<b>.\n\n- first\n- second');
  });

  it('reads a short line that opens a group of bullets as a sub-heading, as revision text does', () => {
    assert.equal(
      readTsv('causes\t"Long-term causes\n• a\n• b"').cards[0]!.body,
      '### Long-term causes\n\n- a\n- b',
    );
  });

  it('skips a spreadsheet header row naming the columns, and blank rows', () => {
    assert.deepEqual(readCsv('Term,Definition\n\n,\na,b\n').cards, [{ title: 'a', body: 'b' }]);
    assert.deepEqual(readTsv('Front\tBack\nx\ty').cards, [{ title: 'x', body: 'y' }]);
  });

  it('reads a row without a term as an untitled card', () => {
    assert.deepEqual(readTsv('\tjust a definition').cards, [{ title: null, body: 'just a definition' }]);
  });

  it('uses the #deck header for the title over the title option, and the option over the default', () => {
    assert.equal(readTsv('#deck:My deck\na\tb', { title: 'Other' }).title, 'My deck');
    assert.equal(readTsv('a\tb', { title: 'Other' }).title, 'Other');
  });

  it('takes semicolons for the separator when the first row has semicolons and no commas', () => {
    assert.deepEqual(readCsv('a;b\nc;d').cards, [
      { title: 'a', body: 'b' },
      { title: 'c', body: 'd' },
    ]);
  });
});

describe('term lists: refusing what they are not', () => {
  it('refuses an unclosed quote when told the quotes are CSV quoting, naming the line where the row starts', () => {
    const error = parseErrorOf(() => readCsv('a,b\nc,"never closed\nmore\n', { quotes: 'csv' }));
    assert.equal(error.line, 2);
    assert.match(error.message, /quoted field is never closed/);
  });

  it('refuses a bad #html value and a bad column number, naming the line', () => {
    assert.equal(parseErrorOf(() => readTsv('#separator:tab\n#html:maybe\na\tb')).line, 2);
    assert.match(parseErrorOf(() => readTsv('#tags column:x\na\tb')).message, /column number/);
  });

  it('refuses more cards than a set may have, at the first row too many', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `t${i}\td${i}`).join('\n');
    const error = parseErrorOf(() => readTsv(rows, { maxCards: 3 }));
    assert.equal(error.line, 4);
    assert.match(error.message, /at most 3 cards/);
    assert.equal(readTsv(Array.from({ length: 500 }, (_, i) => `t${i}\td`).join('\n')).cards.length, 500);
    assert.match(
      parseErrorOf(() => readTsv(Array.from({ length: 501 }, (_, i) => `t${i}\td`).join('\n'))).message,
      /500/,
    );
  });

  it('refuses binary data, invalid UTF-8 when told it is UTF-8, and over-long lines, naming the line', () => {
    assert.equal(parseErrorOf(() => readTsv('a\tb\nc\u0000d\te')).line, 2);
    const invalid = Buffer.concat([Buffer.from('a\tb\nc\t'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const error = parseErrorOf(() => tsvFormat.read(invalid, { encoding: 'utf-8' }));
    assert.equal(error.line, 2);
    assert.match(error.message, /invalid UTF-8/);
    assert.match(parseErrorOf(() => readTsv(`a\t${'x'.repeat(30_000)}`)).message, /30002 characters/);
  });
});

describe('term-list detection', () => {
  it('tells tab-separated from comma-separated lists, by headers first', () => {
    assert.ok(tsvFormat.detect(bytes('a\tb\nc\td')));
    assert.ok(!csvFormat.detect(bytes('a\tb\nc\td')));
    assert.ok(csvFormat.detect(bytes('term,definition\r\n"a\nb",c')));
    assert.ok(csvFormat.detect(bytes('#separator:comma\na,b')));
    assert.ok(!tsvFormat.detect(bytes('#separator:comma\na\tb')));
  });
});
