/** Term–definition lists, tab- and comma-separated, behind the CardSetFormat interface. */
import type { CardSetFormat } from '../card-set-format.js';
import { encodeText, sniffText } from '../text-input.js';
import { readAnkiTextHeaders } from './anki-text-headers.js';
import { readTermList } from './read-term-list.js';
import { writeCsv, writeTsv } from './write-term-list.js';

/** The first few data lines (after Anki's headers), for telling tabs from commas. */
function sniff(input: Uint8Array): { separator: string | null; lines: string[] } {
  const lines = sniffText(input).split(/\r\n|\r|\n/);
  const headers = readHeadersQuietly(lines);
  const data = lines
    .slice(headers?.lineCount ?? 0)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(0, 20);
  return { separator: headers?.separator ?? null, lines: data };
}

function readHeadersQuietly(lines: string[]) {
  try {
    return readAnkiTextHeaders(lines);
  } catch {
    return null;
  }
}

const mostLinesHave = (lines: readonly string[], separator: string): boolean =>
  lines.length > 0 &&
  lines.filter((line) => line.includes(separator)).length >= Math.ceil(lines.length * 0.8);

export const tsvFormat: CardSetFormat = {
  id: 'tsv',
  label: 'Term list (tab-separated, for Anki and Quizlet)',
  extension: '.tsv',
  mediaType: 'text/tab-separated-values; charset=utf-8',
  detect(input) {
    const { separator, lines } = sniff(input);
    if (separator !== null) return separator === '\t';
    return mostLinesHave(lines, '\t');
  },
  read(input, options) {
    return [readTermList(input, '\t', options)];
  },
  write(document) {
    return encodeText(writeTsv(document));
  },
};

export const csvFormat: CardSetFormat = {
  id: 'csv',
  label: 'Term list (comma-separated, for spreadsheets)',
  extension: '.csv',
  mediaType: 'text/csv; charset=utf-8',
  detect(input) {
    const { separator, lines } = sniff(input);
    if (separator !== null) return separator !== '\t';
    // Quoted fields may span lines, so only the first line is sure to be a whole row, as Anki also assumes.
    const first = lines[0] ?? '';
    return !first.includes('\t') && (first.includes(',') || first.includes(';'));
  },
  read(input, options) {
    return [readTermList(input, guessSeparator(input), options)];
  },
  write(document) {
    return encodeText(writeCsv(document));
  },
};

/** Without a header or an option, the first row decides, as in Anki: semicolons but no commas mean semicolons. */
function guessSeparator(input: Uint8Array): string {
  const first = sniff(input).lines[0] ?? '';
  return !first.includes(',') && first.includes(';') ? ';' : ',';
}
