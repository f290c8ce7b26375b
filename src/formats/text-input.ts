/**
 * Bytes → text for every text format, refusing what is not text before a parser sees it: too large,
 * undecodable, control characters that only binary data has, over-long lines.
 *
 * Encodings, as the files students bring are saved: a byte-order mark decides (UTF-8, UTF-16 LE/BE: Excel's
 * "Unicode Text"); without one, UTF-16 is recognised by its zero bytes; then UTF-8 if the bytes are valid
 * UTF-8, otherwise Windows-1252 (Excel's plain "CSV (Comma delimited)", Notepad's "ANSI"), decoded by
 * iconv-lite. Formats whose specification says UTF-8 (JSON) turn the fallback off and refuse invalid UTF-8,
 * naming the line and column. An encoding may also be chosen, which skips detection.
 *
 * Every check is one linear pass over the text; nothing is split into an array of lines.
 */
import iconv from 'iconv-lite';
import { FORMAT_LIMITS, assertInputSize } from './format-limits.js';
import { ParseError } from './parse-error.js';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const isTextEncoding = (value: string): value is TextEncoding =>
  (TEXT_ENCODINGS as readonly string[]).includes(value);

/** For people: "UTF-8", "Windows-1252 (ANSI)" … */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 little-endian (“Unicode Text”)',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252 (“ANSI”)',
};

export interface TextInputRules {
  /** Longest line allowed, in characters; null for formats whose lines may be long (minified JSON). */
  maxLineLength: number | null;
  /** What the text should have been, for messages: "revision-card text", "a term list" … */
  expected: string;
  /** False for JSON, whose syntax already refuses raw control characters where they matter. */
  refuseControlCharacters?: boolean;
  /** False for formats that must be UTF-8 (JSON): no UTF-16 without a BOM, no Windows-1252 fallback. */
  legacyEncodings?: boolean;
  /** Decode as this encoding instead of detecting one (a byte-order mark is still skipped). */
  encoding?: TextEncoding | undefined;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the encoding was worked out from the bytes, false when it was chosen. */
  detected: boolean;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\v\f\u000e-\u001f\u007f]/;

export function decodeText(input: Uint8Array, rules: TextInputRules): DecodedText {
  assertInputSize(input, FORMAT_LIMITS.textBytes, 'file');
  const decoded = decode(input, rules);
  checkText(decoded.text, rules);
  return decoded;
}

/** The text alone, for formats that do not report their encoding. */
export const decodeTextInput = (input: Uint8Array, rules: TextInputRules): string =>
  decodeText(input, rules).text;

/** Refuses over-long lines and control characters, naming the line; one pass, no allocation per line. */
function checkText(text: string, rules: TextInputRules): void {
  if (rules.refuseControlCharacters !== false) {
    const control = CONTROL_CHARACTER.exec(text);
    if (control) {
      const { line, column } = lineAndColumnOfIndex(text, control.index);
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new ParseError(
        `unexpected character U+${code}: this looks like binary data, not ${rules.expected}`,
        line,
        column,
      );
    }
  }
  const max = rules.maxLineLength;
  if (max === null) return;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? LINE_FEED : text.charCodeAt(i);
    if (code !== LINE_FEED && code !== CARRIAGE_RETURN) continue;
    if (i - start > max) {
      throw new ParseError(`the line is ${i - start} characters long; at most ${max} are allowed`, line);
    }
    if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
    line++;
    start = i + 1;
  }
}

/** The encoding the bytes are in, and how many bytes of byte-order mark to skip. */
export function detectEncoding(
  input: Uint8Array,
  legacyEncodings = true,
  truncated = false,
): { encoding: TextEncoding; bomLength: number } {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (input[0] === 0xff && input[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (input[0] === 0xfe && input[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (!legacyEncodings) return { encoding: 'utf-8', bomLength: 0 };
  const utf16 = utf16WithoutBom(input);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  return { encoding: isUtf8(input, truncated) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** UTF-16 without a byte-order mark: text in Latin letters has a zero byte in every other place. */
function utf16WithoutBom(input: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(Math.floor(input.length / 2), 2048);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (input[2 * i] === 0) evenZeros++;
    if (input[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8; `truncated`: the bytes are the head of a file, whose last sequence may be cut short. */
function isUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  const offset = firstInvalidUtf8Offset(bytes);
  return offset === bytes.length || (truncated && offset >= bytes.length - 3 && bytes[offset]! >= 0xc2);
}

function decode(input: Uint8Array, rules: TextInputRules): DecodedText {
  const legacy = rules.legacyEncodings !== false;
  const found = detectEncoding(input, legacy);
  const chosen = rules.encoding;
  // A chosen encoding still skips its own byte-order mark.
  const encoding = chosen ?? found.encoding;
  const bomLength = chosen === undefined || chosen === found.encoding ? found.bomLength : 0;
  const body = input.subarray(bomLength);
  const text =
    encoding === 'utf-8'
      ? decodeUtf8(body, bomLength)
      : encoding === 'windows-1252'
        ? iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'win1252')
        : decodeUtf16(body, encoding);
  return { text, encoding, detected: chosen === undefined };
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
    const text = new TextDecoder(encoding).decode(bytes);
    throw new ParseError(
      'the file is UTF-16 but has an odd number of bytes: it is cut short',
      lineAndColumnOfIndex(text, text.length).line,
    );
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    throw new ParseError(
      'invalid UTF-16 (an unpaired surrogate): save the file as UTF-8 text',
      lineAndColumnOfIndex(lenient, Math.max(0, lenient.indexOf('\ufffd'))).line,
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
    if (b === LINE_FEED || (b === CARRIAGE_RETURN && bytes[i + 1] !== LINE_FEED)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** 1-based line and column (in characters) of an index into the text. */
export function lineAndColumnOfIndex(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== LINE_FEED)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Text for sniffing only: the first bytes, decoded leniently in the encoding detected; never throws. */
export function sniffText(input: Uint8Array, maxBytes = 64 * 1024): string {
  const head = input.subarray(0, maxBytes);
  const { encoding, bomLength } = detectEncoding(head, true, head.length < input.length);
  const body = head.subarray(bomLength);
  if (encoding === 'windows-1252') return iconv.decode(Buffer.from(body), 'win1252');
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

export const encodeText = (text: string): Uint8Array => new TextEncoder().encode(text);
