/** Term–definition lists, tab- and comma-separated, behind the CardSetFormat interface. */
import type { CardSetFormat } from '../card-set-format.js';
import { encodeText, sniffText } from '../text-input.js';
import { readAnkiTextHeaders } from './anki-text-headers.js';
import { inspectTermList, readTermList } from './read-term-list.js';
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

/** The first line and at least half the lines (Quizlet writes line breaks in definitions raw). */
const linesHave = (lines: readonly string[], separator: string): boolean =>
  lines.length > 0 &&
  lines[0]!.includes(separator) &&
  lines.filter((line) => line.includes(separator)).length >= Math.ceil(lines.length * 0.5);

export const tsvFormat: CardSetFormat = {
  id: 'tsv',
  label: 'Term list (tab-separated, for Anki and Quizlet)',
  extension: '.tsv',
  mediaType: 'text/tab-separated-values; charset=utf-8',
  detect(input) {
    const { separator, lines } = sniff(input);
    if (separator !== null) return separator === '\t';
    return linesHave(lines, '\t');
  },
  read: (input, options) => readTermList(input, '\t', options),
  inspect: (input, options) => inspectTermList(input, '\t', options),
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
    if (first.includes('\t')) return false;
    return first.includes(',') || first.includes(';') || linesHave(lines, ' - ');
  },
  read: (input, options) => readTermList(input, ',', options),
  inspect: (input, options) => inspectTermList(input, ',', options),
  write(document) {
    return encodeText(writeCsv(document));
  },
};
