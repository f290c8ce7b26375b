/**
 * Writes a set as a legacy Anki package (.apkg): a zip holding `collection.anki2` (an SQLite database in
 * Anki's schema 11) and `media` (the JSON map of media files, `{}` since Recall exports none). This is the
 * package that Anki, AnkiDroid, AnkiMobile and other flashcard apps all import.
 *
 * One note per card, in one deck named "Subject::Topic::Title" (its parent decks are written too), of one
 * of three note types shaped as Anki's stock ones: "Recall Basic" (Front, Back; one card), "Recall Basic (and
 * reversed card)" for reversible cards (two cards: Card 2 asks the back), and "Recall Cloze" (Text, Back
 * Extra; of the cloze kind, one card per deletion number) for cloze cards, whose body keeps its
 * `{{c1::answer::hint}}` deletions. Front is the card's title (an untitled card's front is "Card n"); Back and
 * Text are the Markdown body as HTML (markdown-it, raw HTML off). A note's tags are the set's and the card's.
 * Every card is new. Ids and timestamps come from `now`; the output is the same for the same set and `now`.
 */
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import type { CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument } from '../card-set-document.js';
import { markdownToHtml } from '../markdown-syntax.js';
import { deckNameOf } from './anki-deck-name.js';
import { escapeHtml, fieldChecksum, stableGuid, stripHtmlKeepingMedia } from './anki-note-fields.js';
import { clozeNumbers } from './anki-note-card.js';
import {
  DEFAULT_DECK_ID,
  RECALL_CLOZE_NOTE_TYPE_ID,
  RECALL_NOTE_TYPE_ID,
  RECALL_REVERSED_NOTE_TYPE_ID,
  SCHEMA_11_SQL,
  collectionConfig,
  deck,
  defaultDeckConfig,
  recallClozeNoteType,
  recallNoteType,
  recallReversedNoteType,
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
  const ankiTags = (tags: readonly string[]) =>
    tags.map((tag) => tag.replace(/\s+/g, '_')).filter((tag) => tag !== '');
  const tags = ankiTags(document.tags);
  const allTags = new Set([...tags, ...document.cards.flatMap((card) => ankiTags(card.tags ?? []))]);

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
      JSON.stringify({
        [RECALL_NOTE_TYPE_ID]: recallNoteType(deckId, seconds),
        [RECALL_REVERSED_NOTE_TYPE_ID]: recallReversedNoteType(deckId, seconds),
        [RECALL_CLOZE_NOTE_TYPE_ID]: recallClozeNoteType(deckId, seconds),
      }),
      JSON.stringify(decks),
      JSON.stringify({ 1: defaultDeckConfig(seconds) }),
      JSON.stringify(Object.fromEntries([...allTags].map((tag) => [tag, 0]))),
    );
    const insertNote = db.prepare(
      'insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)',
    );
    const insertCard = db.prepare(
      'insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)',
    );
    // Ids are milliseconds from `now`, as Anki makes them: notes' one per note, cards' one per card.
    let cardId = ms;
    db.transaction(() => {
      document.cards.forEach((card, index) => {
        const position = index + 1;
        const note = noteOf(card, position);
        const sortField = stripHtmlKeepingMedia(note.fields[0]!);
        const id = ms + index;
        const noteTags = [...new Set([...tags, ...ankiTags(card.tags ?? [])])];
        insertNote.run(
          id,
          // Anki matches notes by GUID: sets of the same title in different subjects or topics must not meet.
          stableGuid('recall', deckName, String(position)),
          note.type,
          seconds,
          noteTags.length === 0 ? '' : ` ${noteTags.join(' ')} `,
          note.fields.join('\u001f'),
          sortField,
          fieldChecksum(sortField),
          '',
        );
        for (const ord of note.ords) insertCard.run(cardId++, id, deckId, ord, seconds, position, '');
      });
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

/** A card as an Anki note: its note type, fields and the ords of the cards Anki would make of it. */
function noteOf(card: CardDraft, position: number): { type: number; fields: string[]; ords: number[] } {
  if (card.kind === 'cloze') {
    const numbers = clozeNumbers(card.body);
    if (numbers.length > 0) {
      const text = markdownToHtml(card.body);
      const extra = card.title === null ? '' : escapeHtml(card.title);
      return { type: RECALL_CLOZE_NOTE_TYPE_ID, fields: [text, extra], ords: numbers.map((n) => n - 1) };
    }
  }
  const front = escapeHtml(card.title ?? `Card ${position}`);
  const back = markdownToHtml(card.body);
  if (card.reversible === true && card.title !== null && card.body.trim() !== '') {
    return { type: RECALL_REVERSED_NOTE_TYPE_ID, fields: [front, back], ords: [0, 1] };
  }
  return { type: RECALL_NOTE_TYPE_ID, fields: [front, back], ords: [0] };
}

/** Anki's `crt`: the collection's creation, as the start of that day (UTC here) in seconds. */
const dayStart = (now: Date): number =>
  Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 1000);
