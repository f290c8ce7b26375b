/**
 * Bytes → text for every text format, refusing what is not text before a parser sees it: too large,
 * invalid UTF-8 (named by line and column), control characters that only binary data has, over-long lines.
 * Accepts a UTF-8 byte-order mark, and UTF-16 with its byte-order mark (what spreadsheets call "Unicode text").
 */
import { FORMAT_LIMITS, assertInputSize } from './format-limits.js';
import { ParseError } from './parse-error.js';

export interface TextInputRules {
  /** Longest line allowed, in characters; null for formats whose lines may be long (minified JSON). */
  maxLineLength: number | null;
  /** What the text should have been, for messages: "revision-card text", "a term list" … */
  expected: string;
  /** False for JSON, whose syntax already refuses raw control characters where they matter. */
  refuseControlCharacters?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\v\f\u000e-\u001f\u007f]/;
const LINE_BREAK = /\r\n|\r|\n/;

export function decodeTextInput(input: Uint8Array, rules: TextInputRules): string {
  assertInputSize(input, FORMAT_LIMITS.textBytes, 'file');
  const text = decode(input);
  const lines = text.split(LINE_BREAK);
  lines.forEach((line, index) => {
    if (rules.maxLineLength !== null && line.length > rules.maxLineLength) {
      throw new ParseError(
        `the line is ${line.length} characters long; at most ${rules.maxLineLength} are allowed`,
        index + 1,
      );
    }
    const control = rules.refuseControlCharacters === false ? null : CONTROL_CHARACTER.exec(line);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new ParseError(
        `unexpected character U+${code}: this looks like binary data, not ${rules.expected}`,
        index + 1,
        control.index + 1,
      );
    }
  });
  return text;
}

function decode(input: Uint8Array): string {
  if (UTF8_BOM.every((byte, index) => input[index] === byte)) return decodeUtf8(input.subarray(3), 3);
  if (input[0] === 0xff && input[1] === 0xfe) return decodeUtf16(input.subarray(2), 'utf-16le');
  if (input[0] === 0xfe && input[1] === 0xff) return decodeUtf16(input.subarray(2), 'utf-16be');
  return decodeUtf8(input, 0);
}

function decodeUtf8(bytes: Uint8Array, skipped: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const { line, column } = lineAndColumnOfByte(bytes, offset);
    const byte = bytes[offset] ?? 0;
    throw new ParseError(
      `invalid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte ${offset + skipped}): save the file as UTF-8 text`,
      line,
      column,
    );
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    const lines = new TextDecoder(encoding).decode(bytes).split(LINE_BREAK).length;
    throw new ParseError('the file is UTF-16 but has an odd number of bytes: it is cut short', lines);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const at = lenient.indexOf('\ufffd');
    const before = lenient.slice(0, Math.max(0, at));
    throw new ParseError(
      'invalid UTF-16 (an unpaired surrogate): save the file as UTF-8 text',
      before.split(LINE_BREAK).length,
    );
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      [length, min] = [2, 0x80];
    } else if (b >= 0xe0 && b <= 0xef) {
      [length, min] = [3, 0x800];
    } else if (b >= 0xf0 && b <= 0xf4) {
      [length, min] = [4, 0x10000];
    } else {
      return i;
    }
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

/** 1-based line and column (in bytes) of a byte offset, counting CRLF, CR and LF as line ends. */
function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Text for sniffing only: the first bytes, decoded leniently; never throws. */
export function sniffText(input: Uint8Array, maxBytes = 64 * 1024): string {
  const head = input.subarray(0, maxBytes);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
}

export const encodeText = (text: string): Uint8Array => new TextEncoder().encode(text);
