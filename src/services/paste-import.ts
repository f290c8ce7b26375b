/** Cards pasted into the editor: revision-card text like the seed, or term/definition lines. */
import type { CardDraft } from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import { parseRevisionText } from '../formats/revision-text/parse-revision-text.js';
import { tsvFormat } from '../formats/term-list/term-list-format.js';

export type PasteFormat = 'auto' | 'revision-text' | 'tab' | 'comma' | 'semicolon' | 'custom';

export interface PastedCards {
  title: string | null;
  subtitle: string | null;
  subject: string | null;
  topic: string | null;
  cards: CardDraft[];
}

const REVISION_MARKER = /^[ \t]*\d{1,6} of \d{1,6}[ \t\r]*$/m;

/** Reads pasted text; throws ParseError naming the line at fault, or a validation error. */
export function readPastedCards(
  text: string,
  options: { format: PasteFormat; separator: string },
): PastedCards {
  if (text.trim() === '') {
    throw new AppError('validation', 'Paste some text first.', [
      { field: 'paste', message: 'Paste some text first.' },
    ]);
  }
  const format =
    options.format === 'auto'
      ? REVISION_MARKER.test(text)
        ? 'revision-text'
        : guessSeparator(text)
      : options.format;
  if (format === 'revision-text') return parseRevisionText(text);
  const separator = { tab: '\t', comma: ',', semicolon: ';', custom: options.separator }[format];
  if (separator === '') {
    throw new AppError('validation', 'Say which separator your lines use.', [
      {
        field: 'pasteSeparator',
        message: 'Type the separator between term and definition, e.g. " - " or ":".',
      },
    ]);
  }
  const [document] = tsvFormat.read(new TextEncoder().encode(text), { separator, title: '' });
  return {
    title: null,
    subtitle: null,
    subject: document?.subject ?? null,
    topic: document?.topic ?? null,
    cards: document?.cards ?? [],
  };
}

/** Tab if any line has one, else comma, else semicolon. */
function guessSeparator(text: string): 'tab' | 'comma' | 'semicolon' {
  if (text.includes('\t')) return 'tab';
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.every((line) => line.includes(','))) return 'comma';
  if (lines.every((line) => line.includes(';'))) return 'semicolon';
  return 'tab';
}
