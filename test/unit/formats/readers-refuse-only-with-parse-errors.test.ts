/**
 * Every reader, given anything at all (random bytes, random text, its own valid output damaged at random),
 * either returns card sets or throws a ParseError: never another exception, never a hang.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import type { CardSetFormat } from '../../../src/formats/card-set-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { FORMATS, detectFormat, formatById } from '../../../src/formats/registry.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';
import { packageOf, zstdRawFrame } from './support/anki-fixtures.js';
import { fixtureBytes } from './support/fixture-files.js';

const seed: CardSetDocument = {
  ...parseRevisionText(seedText()),
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['a', 'b'],
};
const now = { now: new Date('2026-01-01T00:00:00Z') };

function readsOrRefuses(format: CardSetFormat, input: Uint8Array): void {
  try {
    const documents = format.read(input);
    assert.ok(Array.isArray(documents));
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    assert.ok(error.line >= 1, 'a ParseError names a line');
    assert.ok(error.message.length > 0);
  }
}

/** Damage: flip bytes, cut short, insert garbage, duplicate a slice. */
const damage = (valid: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({
          kind: fc.constant('flip' as const),
          at: fc.nat(),
          bits: fc.integer({ min: 1, max: 255 }),
        }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant('insert' as const),
          at: fc.nat(),
          bytes: fc.uint8Array({ maxLength: 16 }),
        }),
        fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 64 }) }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) => {
      let bytes = Uint8Array.from(valid);
      for (const edit of edits) {
        const at = bytes.length === 0 ? 0 : edit.at % bytes.length;
        switch (edit.kind) {
          case 'flip':
            if (bytes.length > 0) bytes[at] = bytes[at]! ^ edit.bits;
            break;
          case 'cut':
            bytes = bytes.subarray(0, at);
            break;
          case 'insert':
            bytes = Uint8Array.from([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
            break;
          case 'repeat':
            bytes = Uint8Array.from([...bytes.subarray(0, at + edit.length), ...bytes.subarray(at)]);
            break;
        }
      }
      return bytes;
    });

describe('every reader refuses only with a ParseError', () => {
  for (const format of FORMATS) {
    const runs = format.id === 'apkg' ? 40 : 100;

    it(`${format.id}: on arbitrary bytes`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => readsOrRefuses(format, bytes)),
        { numRuns: runs },
      );
    });

    it(`${format.id}: on arbitrary text`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) =>
          readsOrRefuses(format, new TextEncoder().encode(text)),
        ),
        { numRuns: runs },
      );
    });

    it(`${format.id}: on its own output, damaged`, () => {
      const valid = format.write(seed, now);
      fc.assert(
        fc.property(damage(valid), (bytes) => readsOrRefuses(format, bytes)),
        { numRuns: runs },
      );
    });

    it(`${format.id}: on every other format’s output`, () => {
      for (const other of FORMATS) readsOrRefuses(format, other.write(seed, now));
    });
  }

  it('apkg: on a valid zip around a damaged SQLite collection', () => {
    const collection = unzipSync(formatById('apkg').write(seed, now))['collection.anki2']!;
    fc.assert(
      fc.property(damage(collection), (bytes) =>
        readsOrRefuses(formatById('apkg'), packageOf({ 'collection.anki2': bytes })),
      ),
      { numRuns: 60 },
    );
  });

  it('apkg: on a valid zip around damaged Zstandard data', () => {
    const anki21b = unzipSync(fixtureBytes('anki/new-format.apkg'))['collection.anki21b']!;
    const raw = zstdRawFrame(unzipSync(formatById('apkg').write(seed, now))['collection.anki2']!);
    fc.assert(
      fc.property(fc.oneof(damage(anki21b), damage(raw)), (bytes) =>
        readsOrRefuses(formatById('apkg'), packageOf({ 'collection.anki21b': bytes })),
      ),
      { numRuns: 60 },
    );
  });

  it('detectFormat never throws, on anything', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.option(fc.string({ maxLength: 20 })),
        (bytes, name) => {
          detectFormat(bytes, name ?? undefined);
        },
      ),
      { numRuns: 300 },
    );
  });
});
