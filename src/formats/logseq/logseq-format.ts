/** Logseq pages with `#card` blocks, read only. */
import type { CardSetReader } from '../card-set-format.js';
import { sniffText } from '../text-input.js';
import { readLogseqCards } from './read-logseq-cards.js';

const CARD_BLOCK = /^[ \t]*- .*(?:#card|\[\[card\]\])(?![\w/-])/im;

export const logseqFormat: CardSetReader = {
  id: 'logseq',
  label: 'Logseq flashcards (#card blocks)',
  extension: '.md',
  detect: (input) => CARD_BLOCK.test(sniffText(input)),
  read: (input, options) => readLogseqCards(input, options),
};
