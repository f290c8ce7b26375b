import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EXAM_BOARDS, LEVELS } from '../../../src/domain/card-set.js';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { jsonFormat } from '../../../src/formats/json/json-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';

const now = { now: new Date(0) };
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => jsonFormat.read(bytes(text))[0]!;
const valid = () =>
  JSON.parse(new TextDecoder().decode(jsonFormat.write(seedDocument(), now))) as Record<string, unknown>;
const seedDocument = (): CardSetDocument => ({
  ...parseRevisionText(seedText()),
  level: 'A-level',
  examBoard: 'OCR',
  tags: ['history'],
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

describe('Recall JSON', () => {
  it('writes the seed losslessly: everything reads back, in order', () => {
    assert.deepEqual(jsonFormat.read(jsonFormat.write(seedDocument(), now)), [seedDocument()]);
  });

  it('writes a versioned, readable document', () => {
    const text = new TextDecoder().decode(jsonFormat.write(seedDocument(), now));
    assert.ok(
      text.startsWith(
        '{\n  "format": "recall-card-set",\n  "version": 1,\n  "title": "Persecution and Control",',
      ),
    );
    assert.ok(text.endsWith('\n'));
  });

  it('reads back any set, whatever its text', () => {
    const text = fc.string({ maxLength: 40, unit: 'binary' });
    const document = fc.record(
      {
        title: text.filter((t) => t.length > 0),
        subtitle: fc.option(text, { nil: null }),
        subject: fc.option(text, { nil: null }),
        topic: fc.option(text, { nil: null }),
        level: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
        examBoard: fc.option(fc.constantFrom(...EXAM_BOARDS), { nil: null }),
        tags: fc.array(text, { maxLength: 5 }),
        cards: fc.array(
          fc.record({ title: fc.option(text, { nil: null }), body: text }, { noNullPrototype: true }),
          { maxLength: 5 },
        ),
      },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(document, (d) => {
        assert.deepEqual(jsonFormat.read(jsonFormat.write(d, now)), [d]);
      }),
      { numRuns: 300 },
    );
  });

  it('names the line and column of a syntax error', () => {
    const error = parseErrorOf('{\n  "format": "recall-card-set",\n  "version": 1\n  "title": "x"\n}');
    assert.equal(error.line, 4);
    assert.equal(error.column, 3);
    assert.match(error.message, /^Line 4: not valid JSON: unexpected """/);
    assert.equal(parseErrorOf('{"a":}').column, 6);
    assert.equal(parseErrorOf('').line, 1);
    assert.match(parseErrorOf('{"format": "recall-card-set"').message, /the end of the text/);
  });

  it('refuses JSON that is not a Recall set, and versions it does not know', () => {
    assert.match(parseErrorOf('[1, 2]').message, /^At \$: expected a JSON object/);
    assert.match(parseErrorOf('{"cards": []}').message, /^At \$\.format: expected "recall-card-set"/);
    assert.match(
      parseErrorOf(JSON.stringify({ ...valid(), version: 2 })).message,
      /^At \$\.version: version 2 is not supported; this Recall reads version 1/,
    );
  });

  it('names the JSON path of a value that is wrong', () => {
    const withCards = (cards: unknown) => JSON.stringify({ ...valid(), cards });
    assert.match(
      parseErrorOf(
        withCards([
          { title: null, body: 'ok' },
          { title: 5, body: 'x' },
        ]),
      ).message,
      /^At \$\.cards\[1\]\.title: /,
    );
    assert.match(
      parseErrorOf(withCards([{ title: null }])).message,
      /^At \$\.cards\[0\]: must have required properties? body/,
    );
    assert.match(
      parseErrorOf(JSON.stringify({ ...valid(), level: 'Year 9' })).message,
      /^At \$\.level: must be one of GCSE, AS/,
    );
    assert.match(
      parseErrorOf(JSON.stringify({ ...valid(), extra: true })).message,
      /^At \$\.extra: is not a property of a Recall card set/,
    );
    assert.match(
      parseErrorOf(JSON.stringify({ ...valid(), title: 'x'.repeat(201) })).message,
      /^At \$\.title: /,
    );
    const error = parseErrorOf(withCards([{ title: null, body: 1 }]));
    assert.equal(error.path, '$.cards[0].body');
  });

  it('refuses more cards than a set may have, naming the first one too many', () => {
    const cards = Array.from({ length: 501 }, () => ({ title: null, body: 'x' }));
    assert.match(
      parseErrorOf(JSON.stringify({ ...valid(), cards })).message,
      /^At \$\.cards\[500\]: a card set may have at most 500 cards/,
    );
  });

  it('detects JSON by its opening brace', () => {
    assert.ok(jsonFormat.detect(bytes('  \n{"format"')));
    assert.ok(!jsonFormat.detect(bytes('# Title')));
  });
});
