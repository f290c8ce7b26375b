import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../../src/formats/parse-error.js';
import iconv from 'iconv-lite';
import {
  decodeText,
  decodeTextInput,
  firstInvalidUtf8Offset,
  sniffText,
  type TextInputRules,
} from '../../../src/formats/text-input.js';

const rules = { maxLineLength: 20, expected: 'test text' };
/** As JSON reads: UTF-8 only. */
const strict = { ...rules, legacyEncodings: false };

function parseErrorOf(input: Uint8Array, using: TextInputRules = strict): ParseError {
  try {
    decodeTextInput(input, using);
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ParseError');
}

describe('decodeText: encodings', () => {
  it('falls back to Windows-1252 for text that is not UTF-8 (Excel’s “CSV (Comma delimited)”, Notepad’s “ANSI”)', () => {
    const ansi = iconv.encode('café;“naïve” €5\r\n', 'win1252');
    assert.deepEqual(decodeText(ansi, rules), {
      text: 'café;“naïve” €5\r\n',
      encoding: 'windows-1252',
      detected: true,
    });
  });

  it('recognises UTF-16 without a byte-order mark by its zero bytes, in either byte order', () => {
    const le = Buffer.from('term\tdefinition\n', 'utf16le');
    assert.equal(decodeText(le, rules).encoding, 'utf-16le');
    assert.equal(decodeText(le, rules).text, 'term\tdefinition\n');
    assert.equal(decodeText(Buffer.from(le).swap16(), rules).encoding, 'utf-16be');
  });

  it('decodes as the encoding chosen, skipping detection but not its byte-order mark', () => {
    const utf8 = Buffer.from('\uFEFFcafé');
    assert.equal(decodeText(utf8, { ...rules, encoding: 'windows-1252' }).text, 'ï»¿cafÃ©');
    assert.deepEqual(decodeText(utf8, { ...rules, encoding: 'utf-8' }), {
      text: 'café',
      encoding: 'utf-8',
      detected: false,
    });
  });

  it('sniffs the head of a long UTF-8 file as UTF-8 even when the head cuts a character in two', () => {
    const text = `${'a'.repeat(1023)}é and more`;
    assert.equal(sniffText(Buffer.from(text), 1024), 'a'.repeat(1023) + '\uFFFD');
  });

  it('decodes any bytes without throwing, in some encoding, when the fallback is on', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeText(bytes, { maxLineLength: null, expected: 'x', refuseControlCharacters: false });
        } catch (error) {
          assert.ok(error instanceof ParseError, String(error));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decodeTextInput', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    assert.equal(decodeTextInput(Buffer.from('\uFEFFcafé\nline'), rules), 'café\nline');
  });

  it('decodes UTF-16 in either byte order when it starts with its byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('naïve\r\nx', 'utf16le')]);
    assert.equal(decodeTextInput(le, rules), 'naïve\r\nx');
    const be = Buffer.from(le.subarray(2)).swap16();
    assert.equal(decodeTextInput(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), rules), 'naïve\r\nx');
  });

  it('refuses invalid UTF-8, naming the line and column of the bad byte', () => {
    const error = parseErrorOf(
      Buffer.concat([Buffer.from('ok\r\nfine\nab'), Buffer.from([0xff]), Buffer.from('cd')]),
    );
    assert.equal(error.line, 3);
    assert.equal(error.column, 3);
    assert.match(
      error.message,
      /^Line 3: invalid UTF-8 \(byte 0xFF at byte 11\): save the file as UTF-8 text$/,
    );
  });

  it('refuses overlong encodings, surrogates and truncated sequences as invalid UTF-8', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xf5, 0x80, 0x80, 0x80],
    ]) {
      assert.match(parseErrorOf(Uint8Array.from(bad)).message, /invalid UTF-8/);
    }
  });

  it('refuses control characters that only binary data has, naming line and column', () => {
    const error = parseErrorOf(Buffer.from('fine\nab\u0001c'));
    assert.equal(error.line, 2);
    assert.equal(error.column, 3);
    assert.match(error.message, /U\+0001: this looks like binary data, not test text/);
  });

  it('refuses a line longer than allowed, naming it', () => {
    const error = parseErrorOf(Buffer.from(`short\n${'x'.repeat(21)}`));
    assert.equal(error.line, 2);
    assert.match(error.message, /21 characters long; at most 20/);
  });

  it('refuses text over 20 MB before decoding it', () => {
    assert.match(
      parseErrorOf(new Uint8Array(21 * 1024 * 1024), rules).message,
      /the file is 21 MB; at most 20 MB/,
    );
  });

  it('finds the first invalid byte exactly where a strict decoder fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes);
        const strict = new TextDecoder('utf-8', { fatal: true });
        assert.doesNotThrow(() => strict.decode(bytes.subarray(0, offset)));
        if (offset < bytes.length) assert.throws(() => strict.decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
