/**
 * Reads the card sets out of an Anki collection (the SQLite database inside a package): schema 11
 * (collection.anki2 / .anki21: decks and note types as JSON in `col`) or schema 18 (collection.anki21b:
 * `decks`, `notetypes`, `fields`, `templates` tables with protobuf configs), whatever its journal mode
 * (Anki leaves schema-18 collections in WAL mode; the copy read here is switched to a rollback journal in
 * its header, since a database in memory or opened read-only cannot be in WAL mode).
 *
 * Before any query: every schema object is checked by its SQL (anki-schema-check.ts), then the tables and
 * columns read here, then each table's row count against the limits. Only then are rows read.
 *
 * One set per deck that has notes, in the order of their first note. A note's deck is that of its first
 * card (for a card in a filtered deck, its home deck). Notes become cards as their note type's templates
 * say (anki-note-card.ts); Image Occlusion notes are refused by name (Recall has no image cards yet). The
 * deck path gives subject, topic and title (anki-deck-name.ts; a top-level deck with sub-decks is the
 * subject of its own notes too), the deck's description the subtitle, note tags the cards' tags and the tags
 * every note of a deck shares the set's. The review log, when the collection has one, comes as each set's
 * `reviewHistory`.
 */
import { openSync, readSync, writeSync, closeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LIMITS, type CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument, ImportedReview } from '../card-set-document.js';
import { FORMAT_LIMITS, tooManyCards } from '../format-limits.js';
import { HtmlBudget, HtmlTooComplexError, htmlToPlainText } from '../html/html-to-markdown.js';
import { ParseError } from '../parse-error.js';
import { placeOfDeckName } from './anki-deck-name.js';
import { parentDeckNames, readDecksJson, readDecksTable, type Deck } from './anki-decks.js';
import { cardOfNote, tagsOfNote } from './anki-note-card.js';
import { noteTypesFromJson, noteTypesFromTables, shapeOf, type NoteType } from './anki-note-types.js';
import { readReviewHistory, type CardPlace, type LandedNotes } from './anki-review-history.js';
import { assertPlainAnkiSchema } from './anki-schema-check.js';
import { RECALL_NOTE_TYPE_ID } from './anki-schema11.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
const FIELD_SEPARATOR = '\u001f';
/** Bytes 18 and 19 of the header: the file format's write and read versions, 2 in WAL mode. */
const JOURNAL_VERSION_OFFSET = 18;

const REQUIRED = {
  col: ['ver', 'decks'],
  notes: ['id', 'mid', 'flds', 'tags'],
  cards: ['id', 'nid', 'did', 'ord'],
} as const;
const REQUIRED_SCHEMA_18 = {
  decks: ['id', 'name', 'kind'],
  notetypes: ['id', 'name', 'config'],
  fields: ['ntid', 'ord', 'name'],
  templates: ['ntid', 'ord', 'config'],
} as const;
const REQUIRED_REVLOG = ['id', 'cid', 'ease', 'time'] as const;

export type CollectionSource = { bytes: Uint8Array } | { path: string };

export interface CollectionOptions {
  maxCards: number;
}

/** Reads a collection from bytes (copied if its header needs changing) or from a file Recall may change. */
export function readAnkiCollection(
  source: CollectionSource,
  entry: string,
  options: CollectionOptions,
): CardSetDocument[] {
  const refuse = (reason: string) => ParseError.inBinary(reason, { entry });
  let db: Database.Database;
  try {
    db = 'bytes' in source ? openBytes(source.bytes, refuse) : openFile(source.path, refuse);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw refuse(`cannot be opened as an SQLite database (${(error as Error).message})`);
  }
  try {
    return readCollection(db, refuse, options);
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

function checkHeader(header: Uint8Array, refuse: (reason: string) => ParseError): void {
  if (new TextDecoder('latin1').decode(header.subarray(0, 16)) !== SQLITE_HEADER) {
    throw refuse('is not an SQLite database, so not an Anki collection');
  }
}

const inWalMode = (header: Uint8Array) =>
  header[JOURNAL_VERSION_OFFSET] === 2 || header[JOURNAL_VERSION_OFFSET + 1] === 2;

function openBytes(bytes: Uint8Array, refuse: (reason: string) => ParseError): Database.Database {
  checkHeader(bytes, refuse);
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (inWalMode(bytes)) {
    buffer = Buffer.from(buffer);
    buffer[JOURNAL_VERSION_OFFSET] = 1;
    buffer[JOURNAL_VERSION_OFFSET + 1] = 1;
  }
  // Writable, as a private copy: see withNocaseForUnicase.
  return new Database(buffer);
}

/** A file of Recall's own (a collection extracted to a temporary file): its header is changed in place. */
function openFile(path: string, refuse: (reason: string) => ParseError): Database.Database {
  const fd = openSync(path, 'r+');
  try {
    const header = new Uint8Array(100);
    readSync(fd, header, 0, header.length, 0);
    checkHeader(header, refuse);
    if (inWalMode(header)) writeSync(fd, new Uint8Array([1, 1]), 0, 2, JOURNAL_VERSION_OFFSET);
  } finally {
    closeSync(fd);
  }
  return new Database(path, { fileMustExist: true });
}

/**
 * Anki declares names `collate unicase`, a collation of its own that SQLite here lacks, and without it SQLite
 * cannot read tables such as `fields` at all ("no query solution"). In Recall's private copy, once the schema
 * has been checked, those declarations become `nocase`: only the order of their indexes differs, and Recall
 * scans tables whole rather than looking names up.
 */
function withNocaseForUnicase(db: Database.Database): void {
  const { count } = db
    .prepare("select count(*) as count from sqlite_master where sql like '%collate unicase%'")
    .get() as { count: number };
  if (count === 0) return;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(
      "update sqlite_master set sql = replace(replace(sql, 'collate unicase', 'collate nocase'), 'COLLATE unicase', 'COLLATE nocase') where sql like '%collate unicase%'",
    ).run();
    db.pragma('writable_schema = RESET');
  } finally {
    db.unsafeMode(false);
  }
}

function readCollection(
  db: Database.Database,
  refuse: (reason: string) => ParseError,
  options: CollectionOptions,
): CardSetDocument[] {
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  assertPlainAnkiSchema(db, refuse);
  withNocaseForUnicase(db);
  db.pragma('query_only = ON');
  const tables = new Set(
    (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
      (row) => row.name,
    ),
  );
  const columnsOf = (table: string) =>
    new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
  const requireColumns = (table: string, columns: readonly string[]) => {
    if (!tables.has(table)) throw refuse(`is not an Anki collection: it has no table "${table}"`);
    const present = columnsOf(table);
    const missing = columns.filter((column) => !present.has(column));
    if (missing.length > 0) {
      throw refuse(
        `is not an Anki collection: table "${table}" has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
      );
    }
  };
  for (const [table, columns] of Object.entries(REQUIRED)) requireColumns(table, columns);
  const schema18 = tables.has('decks');
  if (schema18)
    for (const [table, columns] of Object.entries(REQUIRED_SCHEMA_18)) requireColumns(table, columns);
  const withHistory =
    tables.has('revlog') && REQUIRED_REVLOG.every((column) => columnsOf('revlog').has(column));

  // Row counts before rows: a table of a million rows is refused by its count, not by reading it.
  const counted = ['notes', 'cards', ...(schema18 ? Object.keys(REQUIRED_SCHEMA_18) : [])];
  for (const table of counted) {
    const { rows } = db.prepare(`select count(*) as rows from ${table} not indexed`).get() as {
      rows: number;
    };
    if (rows > FORMAT_LIMITS.ankiRows) {
      throw refuse(
        `has ${rows.toLocaleString('en-GB')} rows in "${table}"; at most ${FORMAT_LIMITS.ankiRows.toLocaleString('en-GB')} are read`,
      );
    }
  }
  if (withHistory) {
    const { rows } = db.prepare('select count(*) as rows from revlog not indexed').get() as { rows: number };
    if (rows > FORMAT_LIMITS.ankiReviews) {
      throw refuse(
        `has ${rows.toLocaleString('en-GB')} reviews; at most ${FORMAT_LIMITS.ankiReviews.toLocaleString('en-GB')} are read`,
      );
    }
  }
  const longest = db.prepare('select max(length(flds)) as longest from notes not indexed').get() as {
    longest: number | null;
  };
  if ((longest.longest ?? 0) > FORMAT_LIMITS.ankiFieldLength * 4) {
    throw refuse(
      `has a note ${longest.longest!.toLocaleString('en-GB')} characters long; at most ${(FORMAT_LIMITS.ankiFieldLength * 4).toLocaleString('en-GB')} are read`,
    );
  }

  const col = db
    .prepare(
      `select ver, decks, ${columnsOf('col').has('models') ? 'models' : "'' as models"} from col limit 1`,
    )
    .get() as { ver: unknown; decks: unknown; models: unknown } | undefined;
  if (col === undefined) throw refuse('is not an Anki collection: its "col" table is empty');
  const decks = schema18 ? readDecksTable(db) : readDecksJson(col.decks, refuse);
  const noteTypes = schema18 ? noteTypesFromTables(db) : noteTypesFromJson(col.models);

  // Each note's cards: its deck is that of its first card (a filtered deck's card counts in its home deck).
  const hasOdid = columnsOf('cards').has('odid');
  const cardPlaces = new Map<number, CardPlace>();
  const firstCard = new Map<number, { deckId: number; ord: number }>();
  const ordsOfNote = new Map<number, number[]>();
  const cardsQuery = `select id, nid, ${hasOdid ? 'case when odid != 0 then odid else did end' : 'did'}, ord from cards not indexed`;
  for (const row of db.prepare(cardsQuery).raw().iterate() as Iterable<unknown[]>) {
    const [id, nid, did, ord] = row.map(Number) as [number, number, number, number];
    cardPlaces.set(id, { noteId: nid, ord });
    const known = firstCard.get(nid);
    if (known === undefined || ord < known.ord) firstCard.set(nid, { deckId: did, ord });
    const ords = ordsOfNote.get(nid);
    if (ords === undefined) ordsOfNote.set(nid, [ord]);
    else ords.push(ord);
  }

  const budget = new HtmlBudget();
  const parents = parentDeckNames(decks);
  const sets = new Map<number, CardSetDocument & { noteTags: string[][] }>();
  const landed: LandedNotes = new Map();
  const occlusions = new Map<string, number>();
  for (const row of db
    .prepare('select id, mid, flds, tags from notes not indexed order by id')
    .raw()
    .iterate() as Iterable<unknown[]>) {
    const [id, mid, flds, tags] = row as [unknown, unknown, unknown, unknown];
    const noteId = Number(id);
    const place = firstCard.get(noteId);
    if (place === undefined) continue; // a note without cards is invisible in Anki too
    if (typeof flds !== 'string') throw refuse(`note ${noteId} has fields that are not text`);
    const type: NoteType | undefined = noteTypes.get(Number(mid));
    const fields = flds.split(FIELD_SEPARATOR);
    const shape = shapeOf(type, fields.length);
    if (shape.kind === 'image-occlusion') {
      const name = type?.name ?? 'Image Occlusion';
      occlusions.set(name, (occlusions.get(name) ?? 0) + 1);
      continue;
    }
    let set = sets.get(place.deckId);
    if (set === undefined) {
      set = newSet(decks.get(place.deckId), place.deckId, parents, budget);
      sets.set(place.deckId, set);
    }
    const noteTags = tagsOfNote(tags);
    const hasReverse = shape.reverseOrd !== null && ordsOfNote.get(noteId)!.includes(shape.reverseOrd);
    let card;
    try {
      card = cardOfNote(fields, shape, hasReverse, noteTags, budget);
    } catch (error) {
      if (error instanceof HtmlTooComplexError) throw refuse(`note ${noteId}: ${error.message}`);
      throw error;
    }
    if (card === null) continue;
    // Recall writes an untitled card's front as "Card n"; in its own note type that means "no title".
    if (Number(mid) === RECALL_NOTE_TYPE_ID && card.title === `Card ${set.cards.length + 1}`) {
      card.title = null;
      delete card.reversible;
    }
    if (set.cards.length === options.maxCards) {
      throw refuse(
        `deck "${decks.get(place.deckId)?.name ?? place.deckId}" has more than ${options.maxCards} notes: ${tooManyCards(options.maxCards)}`,
      );
    }
    landed.set(noteId, { deckId: place.deckId, cardIndex: set.cards.length, shape });
    set.cards.push(card);
    set.noteTags.push(noteTags);
  }
  if (occlusions.size > 0) {
    const described = [...occlusions].map(([name, count]) => `${count} of the note type "${name}"`);
    throw refuse(
      `holds Image Occlusion notes (${described.join(', ')}), which Recall cannot import yet: it has no image cards. Delete or move them in Anki and export again to import the rest.`,
    );
  }
  const histories = withHistory
    ? readReviewHistory(db, cardPlaces, landed)
    : new Map<number, ImportedReview[]>();
  return [...sets.entries()]
    .filter(([, set]) => set.cards.length > 0)
    .map(([deckId, { noteTags, ...set }]) => {
      const history = histories.get(deckId);
      // The tags every note shares are the set's; each card keeps the rest of its note's.
      const tags = commonTags(noteTags);
      const cards = tags.length === 0 ? set.cards : set.cards.map((card) => withoutTags(card, tags));
      return {
        ...set,
        cards,
        tags,
        ...(history === undefined || history.length === 0 ? {} : { reviewHistory: history }),
      };
    });
}

function withoutTags(card: CardDraft, tags: string[]): CardDraft {
  const { tags: own = [], ...rest } = card;
  const kept = own.filter((tag) => !tags.includes(tag));
  return kept.length === 0 ? rest : { ...rest, tags: kept };
}

/** The tags every note of a set has: the set's own tags. */
function commonTags(noteTags: string[][]): string[] {
  const [first = [], ...rest] = noteTags;
  return first.filter((tag) => rest.every((tags) => tags.includes(tag)));
}

function newSet(
  deck: Deck | undefined,
  deckId: number,
  parents: Set<string>,
  budget: HtmlBudget,
): CardSetDocument & { noteTags: string[][] } {
  const place = placeOfDeckName(deck?.name ?? '') ?? { title: `Deck ${deckId}`, subject: null, topic: null };
  const subject = place.subject ?? (parents.has(place.title) ? place.title : null);
  const description = deck?.description == null ? '' : htmlToPlainTextOrEmpty(deck.description, budget);
  return {
    ...place,
    subject,
    subtitle: description === '' || description.length > LIMITS.subtitleLength ? null : description,
    level: null,
    examBoard: null,
    tags: [],
    cards: [],
    noteTags: [],
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
