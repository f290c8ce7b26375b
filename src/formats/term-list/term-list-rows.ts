/**
 * The rows of a term list, handed one at a time to a visitor, so that a large list is never held as an
 * array of lines or records and reading can stop at the first row too many.
 *
 * Quotes as text (Quizlet's raw export and typed lists): rows are split at the row separator and fields at
 * the separator, nothing else is special. When rows are lines, a line without the separator continues the
 * definition before it (Quizlet writes line breaks inside definitions raw), blank lines included.
 * CSV quoting (spreadsheets, Anki's text files): RFC 4180 through csv-parse.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { FORMAT_LIMITS } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { LINE_END, type TermListLayout } from './term-list-layout.js';

export interface Row {
  fields: string[];
  /** The 1-based line the row starts on. */
  line: number;
}

/** Return false to stop reading. */
export type RowVisitor = (row: Row) => boolean | void;

/** A record (a row, line breaks and all) longer than this is refused; a card's body is at most 10,000. */
export const MAX_RECORD_CHARACTERS = 5 * FORMAT_LIMITS.termListLineLength;

export interface RowSource {
  text: string;
  /** Where the rows start (after any Anki headers), and the line that is. */
  start: number;
  firstLine: number;
  /** Lines starting with `#` are comments (Anki's files). */
  comments: boolean;
}

export function readRows(source: RowSource, layout: TermListLayout, visit: RowVisitor): void {
  if (layout.quotes === 'csv') readCsvRows(source, layout, visit);
  else if (layout.rowSeparator === LINE_END) readLineRows(source, layout.separator, visit);
  else readSeparatedRows(source, layout, visit);
}

const tooLong = (line: number) =>
  new ParseError(`a row is longer than ${MAX_RECORD_CHARACTERS} characters`, line);

/** Rows are lines; lines without the separator continue the row before. */
function readLineRows(source: RowSource, separator: string, visit: RowVisitor): void {
  const { text } = source;
  let pending: Row | null = null;
  let blanks = 0;
  let line = source.firstLine;
  let at = source.start;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const content = text.slice(at, end);
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (content.trim() === '') {
      blanks++;
    } else if (source.comments && content.startsWith('#')) {
      // An Anki comment line.
    } else if (content.includes(separator) || pending === null) {
      if (pending !== null && visit(pending) === false) return;
      pending = { fields: splitFields(content, separator), line };
      blanks = 0;
    } else {
      const fields: string[] = pending.fields;
      const last = fields.length - 1;
      fields[last] = `${fields[last]}${'\n'.repeat(blanks + 1)}${content}`;
      if (fields[last].length > MAX_RECORD_CHARACTERS) throw tooLong(pending.line);
      blanks = 0;
    }
    line++;
    at = next;
  }
  if (pending !== null) visit(pending);
}

/** Rows split at a row separator of the user's choosing (Quizlet's `;`); line breaks belong to fields. */
function readSeparatedRows(source: RowSource, layout: TermListLayout, visit: RowVisitor): void {
  const { text } = source;
  const { rowSeparator, separator } = layout;
  let at = source.start;
  let line = source.firstLine;
  while (at < text.length) {
    const found = text.indexOf(rowSeparator, at);
    const end = found === -1 ? text.length : found;
    if (end - at > MAX_RECORD_CHARACTERS) throw tooLong(line);
    const raw = text.slice(at, end);
    // Line breaks right after a row separator are layout, not the next term's.
    const leading = /^[\r\n]*/.exec(raw)![0];
    const row = raw.slice(leading.length);
    const rowLine = line + lineBreaksIn(leading);
    if (row.trim() !== '' && visit({ fields: splitFields(row, separator), line: rowLine }) === false) return;
    line += lineBreaksIn(raw);
    at = end + rowSeparator.length;
  }
}

/**
 * A row's fields when quotes are text. A term that opens with a quote closed right before the separator
 * runs to that quote, separators and all (`"Out, damned spot!",Lady Macbeth`): the quotes stay words.
 */
export function splitFields(row: string, separator: string): string[] {
  if (row.startsWith('"')) {
    const close = row.indexOf(`"${separator}`, 1);
    if (close !== -1) {
      const termEnd = close + 1;
      return [row.slice(0, termEnd), ...row.slice(termEnd + separator.length).split(separator)];
    }
  }
  return row.split(separator);
}

function lineBreaksIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** Stops csv-parse from inside its record callback. */
class StopReading extends Error {}

function readCsvRows(source: RowSource, layout: TermListLayout, visit: RowVisitor): void {
  let lastLine = source.firstLine - 1;
  const lineOffset = source.firstLine - 1;
  try {
    parse(source.text.slice(source.start), {
      delimiter: layout.separator,
      ...(layout.rowSeparator === LINE_END ? {} : { record_delimiter: layout.rowSeparator }),
      quote: '"',
      escape: '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(source.comments ? { comment: '#', comment_no_infix: true } : {}),
      max_record_size: MAX_RECORD_CHARACTERS,
      on_record: (record: string[], context) => {
        const end = lineOffset + context.lines;
        const breaks = record.join('').match(/\r\n|\r|\n/g)?.length ?? 0;
        lastLine = end;
        if (record.some((field) => field.trim() !== '')) {
          if (visit({ fields: record, line: end - breaks }) === false) throw new StopReading();
        }
        return null;
      },
    });
  } catch (error) {
    if (error instanceof StopReading) return;
    if (error instanceof ParseError) throw error;
    if (error instanceof CsvError) throw csvProblem(error, lineOffset, lastLine);
    throw error;
  }
}

function csvProblem(error: CsvError, lineOffset: number, lastLine: number): ParseError {
  const line = lineOffset + (typeof error.lines === 'number' ? error.lines : 1);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ParseError(
      'a quoted field is never closed: a field that starts with " runs to the end of the file (if the quote belongs to the words, read quotes as text)',
      lastLine + 1,
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') return tooLong(line);
  return new ParseError(`not a readable term list: ${error.message.replace(/ at line \d.*$/, '')}`, line);
}

/** The first row alone, under a layout (for detecting a header row); never throws. */
export function firstRow(
  source: RowSource,
  layout: Omit<TermListLayout, 'header'>,
  maxCharacters = 64 * 1024,
): string[] {
  let fields: string[] = [];
  const sample = { ...source, text: source.text.slice(0, source.start + maxCharacters) };
  try {
    readRows(sample, { ...layout, header: false }, (row) => {
      fields = row.fields;
      return false;
    });
  } catch {
    return [];
  }
  return fields;
}
