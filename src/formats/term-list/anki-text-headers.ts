/**
 * Anki's plain-text file headers (https://docs.ankiweb.net/importing/text-files.html#file-headers):
 * `#key:value` lines at the top of the file, optionally after a legacy `tags:…` line. Recognised keys:
 * separator, html, tags, columns, deck, notetype, and the `… column` keys naming special columns
 * (tags, deck, notetype, guid). Any other line starting with `#` is a comment.
 */
import { ParseError } from '../parse-error.js';

export interface AnkiTextHeaders {
  separator: string | null;
  html: boolean | null;
  tags: string[];
  /** Column names, still joined by the separator (it may be declared after them). */
  columns: string | null;
  deck: string | null;
  notetype: string | null;
  /** 1-based numbers of columns that hold no card text. */
  specialColumns: { tags: number | null; deck: number | null; notetype: number | null; guid: number | null };
  /** How many lines at the top are headers or comments. */
  lineCount: number;
}

const SEPARATOR_NAMES: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  space: ' ',
  pipe: '|',
  colon: ':',
};

/** A separator as Anki names it ("Tab", "comma"), as an escape ("\t"), or as the literal text. */
export function separatorFromName(value: string): string | null {
  const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  if (value === '\\t') return '\t';
  if (value === '') return null;
  // `#separator: ` (a space) is the space separator; otherwise surrounding spaces are layout.
  return value.trim() === '' ? value : value.trim();
}

const DIRECTIVE = /^#([a-z]+(?: column)?):(.*)$/i;

export function readAnkiTextHeaders(lines: readonly string[]): AnkiTextHeaders {
  const headers: AnkiTextHeaders = {
    separator: null,
    html: null,
    tags: [],
    columns: null,
    deck: null,
    notetype: null,
    specialColumns: { tags: null, deck: null, notetype: null, guid: null },
    lineCount: 0,
  };
  let index = 0;
  const legacyTags = /^tags:(.*)$/i.exec(lines[0] ?? '');
  if (legacyTags) {
    headers.tags.push(...splitTags(legacyTags[1]!));
    index = 1;
  }
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.startsWith('#')) break;
    const directive = DIRECTIVE.exec(line);
    if (directive) applyDirective(headers, directive[1]!.toLowerCase(), directive[2]!, index + 1);
  }
  headers.lineCount = index;
  return headers;
}

function applyDirective(headers: AnkiTextHeaders, key: string, value: string, line: number): void {
  switch (key) {
    case 'separator': {
      const separator = separatorFromName(value);
      if (separator === null)
        throw new ParseError('"#separator:" names no separator (try #separator:tab)', line);
      headers.separator = separator;
      return;
    }
    case 'html': {
      const flag = value.trim().toLowerCase();
      if (flag !== 'true' && flag !== 'false') {
        throw new ParseError(`expected "#html:true" or "#html:false", found "#html:${value}"`, line);
      }
      headers.html = flag === 'true';
      return;
    }
    case 'tags':
      headers.tags.push(...splitTags(value));
      return;
    case 'columns':
      headers.columns = value;
      return;
    case 'deck':
      headers.deck = value.trim() === '' ? null : value.trim();
      return;
    case 'notetype':
      headers.notetype = value.trim() === '' ? null : value.trim();
      return;
    case 'tags column':
    case 'deck column':
    case 'notetype column':
    case 'guid column': {
      const column = Number(value.trim());
      if (!Number.isInteger(column) || column < 1 || column > 1000) {
        throw new ParseError(`"#${key}:" needs a column number (1, 2, …), found "${value}"`, line);
      }
      headers.specialColumns[key.slice(0, -' column'.length) as keyof AnkiTextHeaders['specialColumns']] =
        column;
      return;
    }
    default:
      // Unknown keys are comments, as older Anki clients treat every header.
      return;
  }
}

const splitTags = (value: string): string[] => value.split(/\s+/).filter((tag) => tag !== '');
