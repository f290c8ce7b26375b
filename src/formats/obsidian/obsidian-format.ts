/** Obsidian notes with Spaced Repetition flashcards, read only. */
import type { CardSetReader } from '../card-set-format.js';
import { sniffText } from '../text-input.js';
import { readObsidianFlashcards } from './read-obsidian-flashcards.js';

const DECK_TAG = /(?:^|\s)#flashcards(?:[/\s]|$)/im;

/** `Question::Answer` with words on both sides: not a `key:: value` property (one word before `::`). */
function isSingleLineCard(line: string): boolean {
  const at = line.indexOf('::');
  if (at <= 0 || line.includes('\t')) return false;
  const front = line.slice(0, at);
  const back = line.slice(at).replace(/^:{2,3}/, '');
  return /[\s?]/.test(front.trim()) && !front.includes(':') && back.trim() !== '' && !back.startsWith(':');
}

/** A line `?` or `??` with words right above and below it. */
const isMultiLineCard = (lines: readonly string[]): boolean =>
  lines.some(
    (line, at) =>
      /^\?\??\s*$/.test(line) && (lines[at - 1] ?? '').trim() !== '' && (lines[at + 1] ?? '').trim() !== '',
  );

export const obsidianFormat: CardSetReader = {
  id: 'obsidian',
  label: 'Obsidian flashcards (Spaced Repetition plugin)',
  extension: '.md',
  detect(input) {
    const text = sniffText(input);
    if (/^#(?:separator|html|columns|notetype|deck|tags)(?: column)?:/im.test(text)) return false;
    if (DECK_TAG.test(text) || text.includes('<!--SR:')) return true;
    const lines = text.split(/\r\n|\r|\n/);
    return isMultiLineCard(lines) || lines.filter(isSingleLineCard).length >= 2;
  },
  read: (input, options) => readObsidianFlashcards(input, options),
};
