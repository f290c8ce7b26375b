/** RemNote documents in Markdown with flashcard delimiters, read only. */
import type { CardSetReader } from '../card-set-format.js';
import { sniffText } from '../text-input.js';
import { readRemNoteCards } from './read-remnote-cards.js';

/** A bullet holding one of RemNote's delimiters (spaced, as the editor writes them), or ending `>>>`. */
const REM_CARD = /^[ \t]*[-*] .*(?: (?:>>|<<|<>|;;|::) \S|>>>[ \t]*$)/m;

export const remnoteFormat: CardSetReader = {
  id: 'remnote',
  label: 'RemNote flashcards (>>, ::, <<, <> …)',
  extension: '.md',
  detect: (input) => REM_CARD.test(sniffText(input)),
  read: (input, options) => readRemNoteCards(input, options),
};
