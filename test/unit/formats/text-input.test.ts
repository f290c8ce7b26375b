import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../../src/formats/parse-error.js';
import { decodeTextInput, firstInvalidUtf8Offset } from '../../../src/formats/text-input.js';

const rules = { maxLineLength: 20, expected: 'test text' };

function parseErrorOf(input: Uint8Array): ParseError {
  try {
    decodeTextInput(input, rules);
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ParseError');
}

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
    assert.match(parseErrorOf(new Uint8Array(21 * 1024 * 1024)).message, /the file is 21 MB; at most 20 MB/);
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
