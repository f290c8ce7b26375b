/** Markdown documents of a set, behind the CardSetFormat interface. */
import type { CardSetFormat } from '../card-set-format.js';
import { FORMAT_LIMITS, maxCardsOf } from '../format-limits.js';
import { decodeTextInput, encodeText, sniffText } from '../text-input.js';
import { readMarkdownDocument } from './read-markdown-document.js';
import { writeMarkdownDocument } from './write-markdown-document.js';

export const markdownFormat: CardSetFormat = {
  id: 'markdown',
  label: 'Markdown document',
  extension: '.md',
  mediaType: 'text/markdown; charset=utf-8',
  detect(input) {
    // A "# Title" first, then "## " sections.
    const lines = sniffText(input).split(/\r\n|\r|\n/);
    const first = lines.find((line) => line.trim() !== '');
    return first !== undefined && /^# \S/.test(first) && lines.some((line) => /^## \S/.test(line));
  },
  read(input, options) {
    const text = decodeTextInput(input, {
      maxLineLength: FORMAT_LIMITS.termListLineLength,
      expected: 'Markdown',
    });
    return [readMarkdownDocument(text, maxCardsOf(options))];
  },
  write: (document) => encodeText(writeMarkdownDocument(document)),
};
