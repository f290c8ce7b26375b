/**
 * Reads term–definition lists: Quizlet's export (tab or comma between term and definition, newline or
 * semicolon between rows, or separators of the user's choosing), spreadsheets' CSV/TSV with RFC 4180
 * quoting, and Anki's plain-text files with their `#separator:`/`#html:`/`#tags:`/`#columns:`/`#deck:`
 * headers. Each row is a card: the term its title, the definition its body.
 *
 * Definitions are plain text unless `#html:true` (or the html option) says HTML: plain lines become Markdown
 * by revision text's rules (`•` bullets, sub-headings, paragraphs, escaped words); HTML is converted safely.
 * A row with more columns than term and definition (Quizlet's unquoted commas) has the rest joined back on
 * with the separator, so no words are lost. Special columns named by `#tags column:` etc. are not text.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { CardDraft } from '../../domain/card-set.js';
import { placeOfDeckName } from '../anki/anki-deck-name.js';
import { emptyDocument, type CardSetDocument } from '../card-set-document.js';
import type { ReadOptions } from '../card-set-format.js';
import { FORMAT_LIMITS, maxCardsOf, tooManyCards } from '../format-limits.js';
import {
  HtmlBudget,
  HtmlTooComplexError,
  htmlToMarkdown,
  htmlToPlainText,
} from '../html/html-to-markdown.js';
import { ParseError } from '../parse-error.js';
import { normaliseSpace } from '../revision-text/parse-revision-text.js';
import { markdownFromTextBlocks } from '../text-block-markdown.js';
import { textBlocksFromPlainLines } from '../text-blocks.js';
import { decodeTextInput } from '../text-input.js';
import { readAnkiTextHeaders, separatorFromName } from './anki-text-headers.js';

export const DEFAULT_TITLE = 'Imported cards';
/** A record (a row, quoted line breaks and all) longer than this is refused; a card's body is at most 10,000. */
const MAX_RECORD_CHARACTERS = 5 * FORMAT_LIMITS.termListLineLength;
const TERM_NAMES = /^(?:front|term|question|word|prompt)$/i;
const DEFINITION_NAMES = /^(?:back|definition|answer|meaning|description)$/i;
/** A first row naming the columns, as spreadsheets write it; it is not a card. */
const HEADER_ROWS = [
  ['term', 'definition'],
  ['front', 'back'],
  ['question', 'answer'],
];

interface Row {
  fields: string[];
  line: number;
}

export function readTermList(
  input: Uint8Array,
  defaultSeparator: string,
  options: ReadOptions = {},
): CardSetDocument {
  const text = decodeTextInput(input, {
    maxLineLength: FORMAT_LIMITS.termListLineLength,
    expected: 'a term list',
  });
  const lines = text.split(/\r\n|\r|\n/);
  const headers = readAnkiTextHeaders(lines);
  const separator = optionSeparator(options.separator) ?? headers.separator ?? defaultSeparator;
  const html = options.html ?? headers.html ?? false;
  const max = maxCardsOf(options);

  const rows = readRows(
    lines.slice(headers.lineCount).join('\n'),
    headers.lineCount,
    separator,
    options.rowSeparator,
  );
  const first = rows[0];
  let columnNames =
    headers.columns === null ? null : headers.columns.split(separator).map((name) => name.trim());
  if (first !== undefined && columnNames === null && isHeaderRow(first.fields)) {
    columnNames = first.fields.map((name) => name.trim());
    rows.shift();
  }
  const special = new Set(
    Object.values(headers.specialColumns)
      .filter((column): column is number => column !== null)
      .map((column) => column - 1),
  );
  const regular = (fields: readonly string[]) =>
    fields.map((_, index) => index).filter((index) => !special.has(index));
  const named = (pattern: RegExp) => {
    const index = columnNames?.findIndex((name, column) => pattern.test(name) && !special.has(column)) ?? -1;
    return index === -1 ? null : index;
  };
  const termColumn = named(TERM_NAMES);
  const definitionColumn = named(DEFINITION_NAMES);

  const document = emptyDocument(options.title ?? DEFAULT_TITLE);
  const place = headers.deck === null ? null : placeOfDeckName(headers.deck);
  if (place !== null) Object.assign(document, place);
  const tags = new Set(headers.tags);

  const budget = new HtmlBudget();
  for (const row of rows) {
    const columns = regular(row.fields);
    const termAt = termColumn ?? columns[0];
    const definitionAt = definitionColumn ?? columns.find((column) => column !== termAt);
    const term = termAt === undefined ? '' : (row.fields[termAt] ?? '');
    const extra = columns
      .filter((column) => column !== termAt && column !== definitionAt)
      .map((column) => row.fields[column] ?? '');
    // Named columns beyond term and definition are more of the card (new lines); unnamed ones are the
    // definition's own words that an unquoted separator split (Quizlet), so they are joined back with it.
    const definition =
      definitionAt === undefined
        ? ''
        : columnNames !== null
          ? [row.fields[definitionAt] ?? '', ...extra.filter((field) => field.trim() !== '')].join(
              html ? '<br>' : '\n',
            )
          : [row.fields[definitionAt] ?? '', ...extra].join(separator);
    const card = readCard(term, definition, html ? budget : null, row.line);
    if (card === null) continue;
    if (document.cards.length === max) throw new ParseError(tooManyCards(max), row.line);
    document.cards.push(card);
    const tagsAt = headers.specialColumns.tags;
    if (tagsAt !== null)
      for (const tag of (row.fields[tagsAt - 1] ?? '').split(/\s+/)) if (tag !== '') tags.add(tag);
  }
  document.tags = [...tags]
    .filter((tag) => tag.length <= FORMAT_LIMITS.tagLength)
    .slice(0, FORMAT_LIMITS.tagsPerSet);
  return document;
}

/** A row as a card; `html` is the import's budget when fields are HTML, null when they are plain text. */
function readCard(term: string, definition: string, html: HtmlBudget | null, line: number): CardDraft | null {
  try {
    const title = html ? htmlToPlainText(term, html) : normaliseSpace(term);
    const body = html
      ? htmlToMarkdown(definition, html)
      : markdownFromTextBlocks(textBlocksFromPlainLines(definition.split(/\r\n|\r|\n/)));
    if (title === '' && body === '') return null;
    return { title: title === '' ? null : title, body };
  } catch (error) {
    if (error instanceof HtmlTooComplexError) throw new ParseError(error.message, line);
    throw error;
  }
}

function readRows(
  text: string,
  lineOffset: number,
  delimiter: string,
  rowSeparator: string | undefined,
): Row[] {
  const rows: Row[] = [];
  let lastLine = lineOffset;
  try {
    parse(Buffer.from(text), {
      delimiter,
      ...(rowSeparator === undefined ? {} : { record_delimiter: rowSeparator }),
      quote: '"',
      escape: '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      max_record_size: MAX_RECORD_CHARACTERS,
      on_record: (record, context) => {
        const end = lineOffset + context.lines;
        const breaks = record.join('').match(/\r\n|\r|\n/g)?.length ?? 0;
        lastLine = end;
        if (record.some((field) => field.trim() !== '')) rows.push({ fields: record, line: end - breaks });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (error instanceof CsvError) throw csvProblem(error, lineOffset, lastLine);
    throw error;
  }
  return rows;
}

function csvProblem(error: CsvError, lineOffset: number, lastLine: number): ParseError {
  const line = lineOffset + (typeof error.lines === 'number' ? error.lines : 1);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ParseError(
      'a quoted field is never closed: a field that starts with " runs to the end of the file',
      lastLine + 1,
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new ParseError(`a row is longer than ${MAX_RECORD_CHARACTERS} characters`, line);
  }
  return new ParseError(`not a readable term list: ${error.message.replace(/ at line \d.*$/, '')}`, line);
}

function optionSeparator(value: string | undefined): string | null {
  if (value === undefined) return null;
  return separatorFromName(value);
}

const isHeaderRow = (fields: readonly string[]): boolean =>
  HEADER_ROWS.some(
    (names) =>
      fields.length >= names.length &&
      names.every((name, index) => fields[index]?.trim().toLowerCase() === name),
  );
