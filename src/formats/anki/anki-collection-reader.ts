/**
 * Reads the card sets out of an Anki collection (the SQLite database inside a package): schema 11
 * (collection.anki2 / .anki21: decks as JSON in `col`) or schema 18 (collection.anki21b: a `decks` table).
 * The database is opened in memory, read-only, and checked for the tables and columns read here before any
 * query, so a wrong schema is refused by name rather than failing midway.
 *
 * One set per deck that has notes, in the order of their first note. A note's deck is that of its first
 * card. Its first field is the card's title, the second its body, further non-empty fields more paragraphs
 * of the body. Fields are HTML, converted to Markdown safely; cloze deletions are shown filled in; media
 * stays a text reference ("[image: cell.jpg]", "[sound:a.mp3]"). A front too long for a title (over 200
 * characters) opens the body instead. The deck path gives subject, topic and title (see anki-deck-name.ts),
 * the deck's description the subtitle (schema 11 only; schema 18 keeps it in a protobuf blob).
 */
import Database from 'better-sqlite3';
import { LIMITS, type CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument } from '../card-set-document.js';
import { FORMAT_LIMITS, tooManyCards } from '../format-limits.js';
import {
  HtmlBudget,
  HtmlTooComplexError,
  htmlToMarkdown,
  htmlToPlainText,
} from '../html/html-to-markdown.js';
import { ParseError } from '../parse-error.js';
import { placeOfDeckName } from './anki-deck-name.js';
import { RECALL_NOTE_TYPE_ID } from './anki-schema11.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
const FIELD_SEPARATOR = '\u001f';
const CLOZE = /\{\{c\d+::((?:(?!::|\}\})[\s\S])*)(?:::(?:(?!\}\})[\s\S])*)?\}\}/g;

const REQUIRED = {
  col: ['ver', 'decks'],
  notes: ['id', 'mid', 'flds', 'tags'],
  cards: ['nid', 'did', 'ord'],
} as const;
const REQUIRED_DECKS_TABLE = ['id', 'name'] as const;

interface Deck {
  name: string;
  description: string | null;
}

export function readAnkiCollection(sqlite: Uint8Array, entry: string, maxCards: number): CardSetDocument[] {
  const refuse = (reason: string) => ParseError.inBinary(reason, { entry });
  if (new TextDecoder('latin1').decode(sqlite.subarray(0, 16)) !== SQLITE_HEADER) {
    throw refuse('is not an SQLite database, so not an Anki collection');
  }
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(sqlite.buffer, sqlite.byteOffset, sqlite.byteLength), { readonly: true });
  } catch (error) {
    throw refuse(`cannot be opened as an SQLite database (${(error as Error).message})`);
  }
  try {
    return readCollection(db, entry, maxCards);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (error instanceof Database.SqliteError) {
      throw refuse(`is a damaged SQLite database (${error.message})`);
    }
    throw error;
  } finally {
    db.close();
  }
}

function readCollection(db: Database.Database, entry: string, maxCards: number): CardSetDocument[] {
  const refuse = (reason: string) => ParseError.inBinary(reason, { entry });
  db.pragma('query_only = ON');
  db.pragma('trusted_schema = OFF');
  const tables = new Map(
    (
      db.prepare("select name, type from sqlite_master where type in ('table', 'view')").all() as {
        name: string;
        type: string;
      }[]
    ).map((row) => [row.name, row.type]),
  );
  const requireColumns = (table: string, columns: readonly string[]) => {
    if (tables.get(table) !== 'table') throw refuse(`is not an Anki collection: it has no table "${table}"`);
    const present = new Set(
      (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name),
    );
    const missing = columns.filter((column) => !present.has(column));
    if (missing.length > 0) {
      throw refuse(
        `is not an Anki collection: table "${table}" has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
      );
    }
  };
  for (const [table, columns] of Object.entries(REQUIRED)) requireColumns(table, columns);

  const col = db.prepare('select ver, decks from col limit 1').get() as
    { ver: unknown; decks: unknown } | undefined;
  if (col === undefined) throw refuse('is not an Anki collection: its "col" table is empty');
  const schema18 = tables.has('decks');
  if (schema18) requireColumns('decks', REQUIRED_DECKS_TABLE);
  const decks = schema18 ? readDecksTable(db, refuse) : readDecksJson(col.decks, refuse);

  // A note's deck is its first card's; cards are read once into a map rather than joined per note.
  const deckOfNote = new Map<number, { did: number; ord: number }>();
  let cardRows = 0;
  for (const row of db.prepare('select nid, did, ord from cards').raw().iterate() as Iterable<unknown[]>) {
    if (++cardRows > FORMAT_LIMITS.ankiRows) throw refuse(`has more than ${FORMAT_LIMITS.ankiRows} cards`);
    const [nid, did, ord] = row.map(Number) as [number, number, number];
    const known = deckOfNote.get(nid);
    if (known === undefined || ord < known.ord) deckOfNote.set(nid, { did, ord });
  }

  const budget = new HtmlBudget();
  const sets = new Map<number, CardSetDocument & { tagSet: Set<string> }>();
  let noteRows = 0;
  for (const row of db
    .prepare('select id, mid, flds, tags from notes order by id')
    .raw()
    .iterate() as Iterable<unknown[]>) {
    if (++noteRows > FORMAT_LIMITS.ankiRows) throw refuse(`has more than ${FORMAT_LIMITS.ankiRows} notes`);
    const [id, mid, flds, tags] = row as [unknown, unknown, unknown, unknown];
    const noteId = Number(id);
    const place = deckOfNote.get(noteId);
    if (place === undefined) continue; // a note without cards is invisible in Anki too
    if (typeof flds !== 'string') throw refuse(`note ${noteId} has fields that are not text`);
    let set = sets.get(place.did);
    if (set === undefined) {
      set = newSet(decks.get(place.did), place.did, budget);
      sets.set(place.did, set);
    }
    const card = readNote(flds, noteId, entry, budget);
    if (card === null) continue;
    // Recall writes an untitled card's front as "Card n"; in its own note type that means "no title".
    if (Number(mid) === RECALL_NOTE_TYPE_ID && card.title === `Card ${set.cards.length + 1}`)
      card.title = null;
    if (set.cards.length === maxCards) {
      throw refuse(
        `deck "${decks.get(place.did)?.name ?? place.did}" has more than ${maxCards} notes: ${tooManyCards(maxCards)}`,
      );
    }
    set.cards.push(card);
    if (typeof tags === 'string') {
      for (const tag of tags.split(/\s+/)) {
        if (tag !== '' && tag.length <= FORMAT_LIMITS.tagLength && set.tagSet.size < FORMAT_LIMITS.tagsPerSet)
          set.tagSet.add(tag);
      }
    }
  }
  return [...sets.values()]
    .filter((set) => set.cards.length > 0)
    .map(({ tagSet, ...set }) => ({ ...set, tags: [...tagSet] }));
}

function newSet(
  deck: Deck | undefined,
  deckId: number,
  budget: HtmlBudget,
): CardSetDocument & { tagSet: Set<string> } {
  const place = placeOfDeckName(deck?.name ?? '') ?? { title: `Deck ${deckId}`, subject: null, topic: null };
  const description = deck?.description == null ? '' : htmlToPlainTextOrEmpty(deck.description, budget);
  return {
    ...place,
    subtitle: description === '' || description.length > LIMITS.subtitleLength ? null : description,
    level: null,
    examBoard: null,
    tags: [],
    cards: [],
    tagSet: new Set(),
  };
}

/** A deck description is a nicety: one that cannot be read is left out rather than failing the import. */
function htmlToPlainTextOrEmpty(html: string, budget: HtmlBudget): string {
  try {
    return htmlToPlainText(html.slice(0, FORMAT_LIMITS.ankiFieldLength), budget);
  } catch (error) {
    if (error instanceof HtmlTooComplexError) return '';
    throw error;
  }
}

function readNote(flds: string, noteId: number, entry: string, budget: HtmlBudget): CardDraft | null {
  if (flds.length > FORMAT_LIMITS.ankiFieldLength * 4) {
    throw ParseError.inBinary(
      `note ${noteId} is ${flds.length} characters long; at most ${FORMAT_LIMITS.ankiFieldLength * 4} are read`,
      { entry },
    );
  }
  const fields = flds.split(FIELD_SEPARATOR).map((field) => field.replace(CLOZE, '$1'));
  try {
    const [front = '', back = '', ...more] = fields;
    const title = htmlToPlainText(front, budget);
    const bodyParts = [back, ...more]
      .map((field) => htmlToMarkdown(field, budget))
      .filter((part) => part !== '');
    if (title.length > LIMITS.cardTitleLength) bodyParts.unshift(htmlToMarkdown(front, budget));
    const body = bodyParts.join('\n\n');
    if (title === '' && body === '') return null;
    return { title: title === '' || title.length > LIMITS.cardTitleLength ? null : title, body };
  } catch (error) {
    if (error instanceof HtmlTooComplexError) {
      throw ParseError.inBinary(`note ${noteId}: ${error.message}`, { entry });
    }
    throw error;
  }
}

function readDecksJson(json: unknown, refuse: (reason: string) => ParseError): Map<number, Deck> {
  let parsed: unknown;
  try {
    parsed = typeof json === 'string' ? JSON.parse(json) : null;
  } catch {
    throw refuse('is not an Anki collection: col.decks is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw refuse('is not an Anki collection: col.decks is not a JSON object of decks');
  }
  const decks = new Map<number, Deck>();
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (decks.size >= FORMAT_LIMITS.ankiRows) throw refuse(`has more than ${FORMAT_LIMITS.ankiRows} decks`);
    if (value === null || typeof value !== 'object') continue;
    const { name, desc, id } = value as { name?: unknown; desc?: unknown; id?: unknown };
    if (typeof name !== 'string') continue;
    decks.set(Number(id ?? key), { name, description: typeof desc === 'string' ? desc : null });
  }
  return decks;
}

function readDecksTable(db: Database.Database, refuse: (reason: string) => ParseError): Map<number, Deck> {
  const decks = new Map<number, Deck>();
  for (const row of db.prepare('select id, name from decks').raw().iterate() as Iterable<unknown[]>) {
    if (decks.size >= FORMAT_LIMITS.ankiRows) throw refuse(`has more than ${FORMAT_LIMITS.ankiRows} decks`);
    const [id, name] = row;
    // Schema 18 keeps deck names with \x1f between levels where schema 11 has "::".
    if (typeof name === 'string')
      decks.set(Number(id), { name: name.replaceAll(FIELD_SEPARATOR, '::'), description: null });
  }
  return decks;
}
