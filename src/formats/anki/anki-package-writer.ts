/**
 * Writes a set as a legacy Anki package (.apkg): a zip holding `collection.anki2` (an SQLite database in
 * Anki's schema 11) and `media` (the JSON map of media files, `{}` since Recall exports none). This is the
 * package that Anki, AnkiDroid, AnkiMobile and other flashcard apps all import.
 *
 * One note per card, of the note type "Recall Basic" (Front, Back), in one deck named
 * "Subject::Topic::Title" (its parent decks are written too). Front is the card's title (an untitled card's
 * front is "Card n"); Back is its Markdown body as HTML (markdown-it, raw HTML off). Every card is new.
 * Ids and timestamps come from `now`; the output is the same for the same set and `now`.
 */
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import type { CardSetDocument } from '../card-set-document.js';
import { markdownToHtml } from '../markdown-syntax.js';
import { deckNameOf } from './anki-deck-name.js';
import { escapeHtml, fieldChecksum, stableGuid, stripHtmlKeepingMedia } from './anki-note-fields.js';
import {
  DEFAULT_DECK_ID,
  RECALL_NOTE_TYPE_ID,
  SCHEMA_11_SQL,
  collectionConfig,
  deck,
  defaultDeckConfig,
  recallNoteType,
} from './anki-schema11.js';

export function writeAnkiPackage(document: CardSetDocument, now: Date): Uint8Array {
  const collection = writeAnkiCollection(document, now);
  return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6, mtime: now });
}

/** The SQLite bytes of a schema-11 collection holding the set. */
export function writeAnkiCollection(document: CardSetDocument, now: Date): Uint8Array {
  const ms = now.getTime();
  const seconds = Math.floor(ms / 1000);
  const deckName = deckNameOf(document);
  // Ids are creation times in milliseconds, as Anki makes them; the deck's follows the notes' range.
  const deckId = ms;
  const decks: Record<string, ReturnType<typeof deck>> = {
    [DEFAULT_DECK_ID]: deck(DEFAULT_DECK_ID, 'Default', '', seconds),
  };
  const parts = deckName.split('::');
  parts.forEach((_, index) => {
    const isSet = index === parts.length - 1;
    const id = isSet ? deckId : ms - parts.length + index;
    decks[id] = deck(
      id,
      parts.slice(0, index + 1).join('::'),
      isSet ? escapeHtml(document.subtitle ?? '') : '',
      seconds,
    );
  });
  const tags = document.tags.map((tag) => tag.replace(/\s+/g, '_')).filter((tag) => tag !== '');

  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA_11_SQL);
    db.prepare(
      'insert into col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags) values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)',
    ).run(
      dayStart(now),
      ms,
      ms,
      JSON.stringify(collectionConfig(deckId, document.cards.length + 1)),
      JSON.stringify({ [RECALL_NOTE_TYPE_ID]: recallNoteType(deckId, seconds) }),
      JSON.stringify(decks),
      JSON.stringify({ 1: defaultDeckConfig(seconds) }),
      JSON.stringify(Object.fromEntries(tags.map((tag) => [tag, 0]))),
    );
    const insertNote = db.prepare(
      'insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)',
    );
    const insertCard = db.prepare(
      'insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) values (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)',
    );
    const noteTags = tags.length === 0 ? '' : ` ${tags.join(' ')} `;
    db.transaction(() => {
      document.cards.forEach((card, index) => {
        const position = index + 1;
        const front = escapeHtml(card.title ?? `Card ${position}`);
        const back = markdownToHtml(card.body);
        const sortField = stripHtmlKeepingMedia(front);
        const id = ms + index;
        insertNote.run(
          id,
          // Anki matches notes by GUID: sets of the same title in different subjects or topics must not meet.
          stableGuid('recall', deckName, String(position)),
          RECALL_NOTE_TYPE_ID,
          seconds,
          noteTags,
          `${front}\u001f${back}`,
          sortField,
          fieldChecksum(sortField),
          '',
        );
        insertCard.run(id, id, deckId, seconds, position, '');
      });
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

/** Anki's `crt`: the collection's creation, as the start of that day (UTC here) in seconds. */
const dayStart = (now: Date): number =>
  Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 1000);
