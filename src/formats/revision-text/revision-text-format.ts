/** Revision-card text (the seed's format) behind the CardSetFormat interface. */
import type { CardSetDocument } from '../card-set-document.js';
import type { CardSetFormat, ReadOptions } from '../card-set-format.js';
import { clozeKindOf } from '../cloze-kind.js';
import { FORMAT_LIMITS, maxCardsOf, tooManyCards } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { decodeTextInput, encodeText, sniffText } from '../text-input.js';
import { MARKER, normaliseSpace, parseRevisionText } from './parse-revision-text.js';
import { writeRevisionText } from './write-revision-text.js';

export const revisionTextFormat: CardSetFormat = {
  id: 'revision-text',
  label: 'Revision-card text',
  extension: '.txt',
  mediaType: 'text/plain; charset=utf-8',

  detect(input) {
    // A "1 of N" line is what no other format has.
    return sniffText(input)
      .split(/\r\n|\r|\n/)
      .some((line) => {
        const match = MARKER.exec(normaliseSpace(line));
        return match !== null && match[1] === '1';
      });
  },

  read(input: Uint8Array, options?: ReadOptions): CardSetDocument[] {
    const text = decodeTextInput(input, {
      maxLineLength: FORMAT_LIMITS.lineLength,
      expected: 'revision-card text',
    });
    const set = parseRevisionText(text);
    const max = maxCardsOf(options);
    if (set.cards.length > max) {
      const line = text
        .split(/\r\n|\r|\n/)
        .findIndex((l) => normaliseSpace(l) === `${max + 1} of ${set.cards.length}`);
      throw new ParseError(tooManyCards(max), line + 1);
    }
    const cards = set.cards.map((card) => ({ ...card, ...clozeKindOf(card.body) }));
    return [{ ...set, cards, level: null, examBoard: null, tags: [] }];
  },

  write(document) {
    return encodeText(writeRevisionText(document));
  },
};
