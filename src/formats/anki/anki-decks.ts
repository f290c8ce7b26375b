/**
 * The decks of an Anki collection: their names (levels joined by "::") and descriptions. Schema 11 keeps them
 * as JSON in `col.decks`; schema 18 in the `decks` table, names with \x1f between levels and a normal deck's
 * description in its `kind` blob (Deck.KindContainer { normal = 1 } → Deck.Normal { description = 4 }).
 */
import type Database from 'better-sqlite3';
import { FORMAT_LIMITS } from '../format-limits.js';
import type { ParseError } from '../parse-error.js';
import { protobufFields, protobufMessage, protobufString } from './protobuf-fields.js';

const LEVEL_SEPARATOR = '\u001f';

export interface Deck {
  name: string;
  description: string | null;
}

/** Top-level deck names that have sub-decks: the subject of their own notes and of their sub-decks'. */
export function parentDeckNames(decks: Map<number, Deck>): Set<string> {
  const parents = new Set<string>();
  for (const { name } of decks.values()) {
    const [top, ...below] = name.split('::');
    if (below.length > 0 && top !== undefined) parents.add(top.replace(/\s+/g, ' ').trim());
  }
  return parents;
}

export function readDecksJson(json: unknown, refuse: (reason: string) => ParseError): Map<number, Deck> {
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

/** Schema 18 keeps deck names with \x1f between levels, and a normal deck's description in its `kind` blob. */
export function readDecksTable(db: Database.Database): Map<number, Deck> {
  const decks = new Map<number, Deck>();
  for (const [id, name, kind] of db
    .prepare('select id, name, kind from decks not indexed')
    .raw()
    .iterate() as Iterable<[unknown, unknown, unknown]>) {
    if (typeof name !== 'string') continue;
    // Deck.KindContainer { normal = 1 } → Deck.Normal { description = 4 }.
    const normal = kind instanceof Uint8Array ? protobufMessage(protobufFields(kind), 1) : null;
    const description = protobufString(normal, 4);
    decks.set(Number(id), {
      name: name.replaceAll(LEVEL_SEPARATOR, '::'),
      description: description === '' ? null : description,
    });
  }
  return decks;
}
