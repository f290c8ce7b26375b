/**
 * Reads term–definition lists: Quizlet's exports (any separators), spreadsheets' CSV/TSV in any encoding,
 * typed lists, and Anki's "Notes in Plain Text" with its headers (`#separator:`, `#html:`, `#tags:`,
 * `#columns:`, `#deck:`, `#notetype:`, `#… column:`). Each row is a card: the term its title, the
 * definition its body. How the list is laid out is detected (term-list-layout.ts) unless chosen.
 *
 * Anki's special columns: the deck column places each note in a set of its own deck (subject and topic from
 * the deck path, as `#deck:` does); the tags column gives each card its tags; the note type column makes
 * Cloze notes cloze cards (their text keeps `{{c1::…}}`, "Back Extra" follows it) and "… reversed" notes
 * reversible cards. A term holding `{{c1::…}}` is a cloze note too.
 *
 * Definitions are plain text unless `#html:true` (or the html option) says HTML: plain lines become Markdown
 * by revision text's rules; HTML is converted safely. A row with more columns than term and definition has
 * the rest joined back on with the separator (unnamed columns are the definition's own words) or as more
 * lines (named columns). Rows are read one at a time and reading stops at the first card too many.
 */
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
import { decodeText, type TextEncoding } from '../text-input.js';
import { readAnkiTextHeaders, type AnkiTextHeaders } from './anki-text-headers.js';
import { unguardCell } from './spreadsheet-cells.js';
import {
  LINE_END,
  detectLayout,
  rowSeparatorFromName,
  separatorFromName,
  type LayoutChoices,
  type TermListLayout,
} from './term-list-layout.js';
import { firstRow, readRows, type RowSource } from './term-list-rows.js';

export const DEFAULT_TITLE = 'Imported cards';
const TERM_NAMES =
  /^(?:front|term|question|word|prompt|text|begriff|wort|frage|vorderseite|terme|mot|recto)$/i;
const DEFINITION_NAMES =
  /^(?:back|definition|answer|meaning|description|back extra|extra|bedeutung|antwort|rückseite|définition|réponse|verso)$/i;
const CLOZE = /\{\{c\d+::/;

/** What a term list was read as: its layout, encoding, and which of them were detected. */
export interface TermListReading {
  layout: TermListLayout;
  encoding: TextEncoding;
  detected: Record<keyof TermListLayout | 'encoding', boolean>;
  /** The file carries Anki's `#…:` headers. */
  ankiHeaders: boolean;
}

interface Prepared {
  source: RowSource;
  headers: AnkiTextHeaders;
  reading: TermListReading;
  html: boolean;
}

/** Decodes the text, reads Anki's headers and settles the layout (detected where not chosen). */
function prepare(input: Uint8Array, defaultSeparator: string, options: ReadOptions): Prepared {
  const decoded = decodeText(input, {
    maxLineLength: FORMAT_LIMITS.termListLineLength,
    expected: 'a term list',
    encoding: options.encoding,
  });
  const { text } = decoded;
  const head = text.slice(0, 64 * 1024).split(/\r\n|\r|\n/, 1000);
  const headers = readAnkiTextHeaders(head);
  const start = offsetOfLine(text, headers.lineCount);
  const ankiHeaders = headers.lineCount > 0;
  const given: LayoutChoices = {
    separator: optional(options.separator, separatorFromName) ?? headers.separator ?? undefined,
    rowSeparator:
      optional(options.rowSeparator, rowSeparatorFromName) ?? (ankiHeaders ? LINE_END : undefined),
    quotes: options.quotes ?? (ankiHeaders ? 'csv' : undefined),
    header: options.header ?? (headers.columns !== null ? false : undefined),
  };
  const source: RowSource = { text, start, firstLine: headers.lineCount + 1, comments: ankiHeaders };
  const { layout, detected } = detectLayout(text.slice(start), given, defaultSeparator, (partial) =>
    firstRow(source, partial),
  );
  return {
    source,
    headers,
    html: options.html ?? headers.html ?? false,
    reading: {
      layout,
      encoding: decoded.encoding,
      detected: {
        ...detected,
        separator: detected.separator && headers.separator === null,
        encoding: decoded.detected,
      },
      ankiHeaders,
    },
  };
}

/** How the list would be read, without reading its cards (for the import preview). */
export function inspectTermList(
  input: Uint8Array,
  defaultSeparator: string,
  options: ReadOptions = {},
): TermListReading {
  return prepare(input, defaultSeparator, options).reading;
}

export function readTermList(
  input: Uint8Array,
  defaultSeparator: string,
  options: ReadOptions = {},
): CardSetDocument[] {
  const { source, headers, reading, html } = prepare(input, defaultSeparator, options);
  const { layout } = reading;
  const max = maxCardsOf(options);

  let columnNames = headers.columns === null ? null : headers.columns.split(layout.separator);
  const special = new Set(
    Object.values(headers.specialColumns)
      .filter((column): column is number => column !== null)
      .map((column) => column - 1),
  );
  const at = (column: number | null, fields: readonly string[]) =>
    column === null ? '' : (fields[column - 1] ?? '').trim();

  const base = emptyDocument(options.title ?? DEFAULT_TITLE);
  const place = headers.deck === null ? null : placeOfDeckName(headers.deck);
  if (place !== null) Object.assign(base, place);
  base.tags = [...new Set(headers.tags)].filter(fitsTag).slice(0, FORMAT_LIMITS.tagsPerSet);
  const documents = new Map<string, CardSetDocument>();
  const documentOf = (deck: string): CardSetDocument => {
    let document = documents.get(deck);
    if (document === undefined) {
      const deckPlace = deck === '' ? null : placeOfDeckName(deck);
      document = { ...base, ...(deckPlace ?? {}), tags: [...base.tags], cards: [] };
      documents.set(deck, document);
    }
    return document;
  };

  const budget = new HtmlBudget();
  let total = 0;
  let skipHeader = layout.header;
  readRows(source, layout, ({ fields: raw, line }) => {
    // Spreadsheets' cells (CSV quoting, or a header row) may carry a formula guard: see spreadsheet-cells.ts.
    const fields = layout.quotes === 'csv' || layout.header ? raw.map(unguardCell) : raw;
    if (skipHeader) {
      skipHeader = false;
      columnNames ??= fields;
      return;
    }
    const { term, definition } = termAndDefinition(fields, columnNames, special, layout.separator, html);
    const noteType = at(headers.specialColumns.notetype, fields) || (headers.notetype ?? '');
    const card = readCard(term, definition, noteType, html ? budget : null, line);
    if (card === null) return;
    const tags = at(headers.specialColumns.tags, fields).split(/\s+/).filter(fitsTag);
    if (tags.length > 0) card.tags = [...new Set(tags)];
    if (total === max) throw new ParseError(tooManyCards(max), line);
    total++;
    documentOf(at(headers.specialColumns.deck, fields)).cards.push(card);
  });
  return documents.size === 0 ? [base] : [...documents.values()];
}

const fitsTag = (tag: string): boolean => tag !== '' && tag.length <= FORMAT_LIMITS.tagLength;

/** The term and the definition of a row, from its columns (see the module comment). */
function termAndDefinition(
  fields: readonly string[],
  columnNames: readonly string[] | null,
  special: ReadonlySet<number>,
  separator: string,
  html: boolean,
): { term: string; definition: string } {
  const columns = fields.map((_, index) => index).filter((index) => !special.has(index));
  const named = (pattern: RegExp) => {
    const index =
      columnNames?.findIndex((name, column) => pattern.test(name.trim()) && !special.has(column)) ?? -1;
    return index === -1 ? null : index;
  };
  const termAt = named(TERM_NAMES) ?? columns[0];
  const definitionAt = named(DEFINITION_NAMES) ?? columns.find((column) => column !== termAt);
  const term = termAt === undefined ? '' : (fields[termAt] ?? '');
  const extra = columns
    .filter((column) => column !== termAt && column !== definitionAt)
    .map((column) => fields[column] ?? '');
  if (definitionAt === undefined) return { term, definition: '' };
  const first = fields[definitionAt] ?? '';
  const definition =
    columnNames !== null
      ? [first, ...extra.filter((field) => field.trim() !== '')].join(html ? '<br>' : '\n')
      : [first, ...extra].join(separator);
  return { term, definition };
}

/** A row as a card; `html` is the import's budget when fields are HTML, null when they are plain text. */
function readCard(
  term: string,
  definition: string,
  noteType: string,
  html: HtmlBudget | null,
  line: number,
): CardDraft | null {
  try {
    const toMarkdown = (text: string) =>
      html
        ? htmlToMarkdown(text, html)
        : markdownFromTextBlocks(textBlocksFromPlainLines(text.split(/\r\n|\r|\n/)));
    if (/cloze/i.test(noteType) || (noteType === '' && CLOZE.test(term))) {
      // A cloze note: its text (with the deletions) is the body; "Back Extra" follows it.
      const body = [toMarkdown(term), toMarkdown(definition)].filter((part) => part !== '').join('\n\n');
      return body === '' ? null : { title: null, body, kind: 'cloze' };
    }
    const title = html ? htmlToPlainText(term, html) : normaliseSpace(term);
    const body = toMarkdown(definition);
    if (title === '' && body === '') return null;
    const card: CardDraft = { title: title === '' ? null : title, body };
    if (/revers/i.test(noteType)) card.reversible = true;
    return card;
  } catch (error) {
    if (error instanceof HtmlTooComplexError) throw new ParseError(error.message, line);
    throw error;
  }
}

function optional(value: string | undefined, parse: (value: string) => string | null): string | undefined {
  if (value === undefined) return undefined;
  return parse(value) ?? undefined;
}

/** The offset in `text` where its line number `lines + 1` starts. */
function offsetOfLine(text: string, lines: number): number {
  let offset = 0;
  for (let line = 0; line < lines; line++) {
    const found = text.slice(offset).search(/\r\n|\r|\n/);
    if (found === -1) return text.length;
    offset += found + (text.startsWith('\r\n', offset + found) ? 2 : 1);
  }
  return offset;
}
