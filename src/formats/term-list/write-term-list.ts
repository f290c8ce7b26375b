/**
 * Writes a set as a term list.
 *
 * TSV is for Anki and Quizlet: Anki's headers first (`#separator:tab`, `#html:false`, `#columns:Front<TAB>Back`,
 * `#deck:Subject::Topic::Title`, `#tags:` when there are tags), then one row per card. CSV is for
 * spreadsheets: a `term,definition` header row, RFC 4180 quoting, CRLF line ends, and nothing else, so
 * the title, subject and topic are not in it; a cell a spreadsheet would run as a formula is guarded
 * (spreadsheet-cells.ts), which Recall's reader undoes. Both quote a field only when they must (a
 * separator, a quote or a line break in it, and in TSV a leading `#` that Anki would take for a comment):
 * the reader takes quotes that were not needed for words.
 *
 * Titles are plain text; bodies are written as plain lines (`• bullet`, sub-heading and paragraph lines),
 * which the reader turns back into the same Markdown for bodies made of bullets, sub-headings and paragraphs.
 */
import { stringify } from 'csv-stringify/sync';
import { deckNameOf } from '../anki/anki-deck-name.js';
import type { CardSetDocument } from '../card-set-document.js';
import type { TextBlock } from '../text-block-markdown.js';
import { textBlocksFromMarkdown } from '../text-blocks.js';
import { guardCell } from './spreadsheet-cells.js';

const plainLines = (blocks: readonly TextBlock[]): string =>
  blocks.map((block) => (block.kind === 'bullet' ? `• ${block.text}` : block.text)).join('\n');

/** Quote a field with a line break (csv-stringify only quotes the record delimiter itself), in TSV a leading `#`. */
const LINE_BREAK = /[\r\n]/;
const MUST_QUOTE_TSV = [/^#/, LINE_BREAK];

const rowsOf = (document: CardSetDocument): string[][] =>
  document.cards.map((card) => [card.title ?? '', plainLines(textBlocksFromMarkdown(card.body))]);

export function writeTsv(document: CardSetDocument): string {
  const headers = [
    '#separator:tab',
    '#html:false',
    '#columns:Front\tBack',
    `#deck:${deckNameOf(document)}`,
    ...(document.tags.length === 0
      ? []
      : [`#tags:${document.tags.map((tag) => tag.replace(/\s+/g, '_')).join(' ')}`]),
  ];
  const rows = stringify(rowsOf(document), {
    delimiter: '\t',
    record_delimiter: 'unix',
    quoted_match: MUST_QUOTE_TSV,
  });
  return `${headers.join('\n')}\n${rows}`;
}

export function writeCsv(document: CardSetDocument): string {
  const rows = rowsOf(document).map((row) => row.map(guardCell));
  return stringify([['term', 'definition'], ...rows], {
    delimiter: ',',
    record_delimiter: 'windows',
    quoted_match: LINE_BREAK,
  });
}
