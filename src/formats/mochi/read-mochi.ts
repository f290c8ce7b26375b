/**
 * Reads Mochi's cards, as Mochi's format reference describes them:
 * - `.mochi` archives: a zip holding `data.edn` (EDN, read by edn-data) or `data.json` (Transit JSON, read
 *   by transit-js), with `:decks` (`:id`, `:name`, `:parent-id`, `:cards`) and cards (`:content`,
 *   `:name`, `:deck-id`, `:tags`, `:fields`, `:trashed?`). Nested decks give the set's subject and topic.
 * - Mochi Markdown: a card's sides are separated by a line `---`. In a text of several cards, the paragraph
 *   right before a `---` is that card's front, so cards are separated by a blank line before their front.
 * A card's first side is its front (the title when short), the other sides its back; `{{answer}}` and
 * `{{1::answer}}` deletions become Recall's cloze; media (`@media/x.png`) is kept as words.
 */
import { parseEDNString } from 'edn-data';
import transit from 'transit-js';
import type { CardDraft } from '../../domain/card-set.js';
import { isZip, readZipDirectory, readZipEntry } from '../anki/zip-archive.js';
import type { CardSetDocument } from '../card-set-document.js';
import type { ReadOptions } from '../card-set-format.js';
import {
  DeckCollector,
  bodyFromLines,
  cardOf,
  clozeCard,
  decodeNote,
  toRecallCloze,
} from '../flashcard-notes.js';
import { FORMAT_LIMITS, assertInputSize } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { decodeText } from '../text-input.js';

export const MOCHI_DATA_ENTRIES = ['data.edn', 'data.json'] as const;
const SIDE = /^-{3}\s*$/;
const CLOZE = /\{\{(?:(\d{1,3})::)?([^{}\n]{1,1000}?)(?:::([^{}\n]{1,300}))?\}\}/g;

type Value = unknown;
type Entity = Record<string, Value>;

export function readMochi(input: Uint8Array, options: ReadOptions = {}): CardSetDocument[] {
  return isZip(input) ? readMochiArchive(input, options) : readMochiMarkdown(input, options);
}

function readMochiArchive(input: Uint8Array, options: ReadOptions): CardSetDocument[] {
  assertInputSize(input, FORMAT_LIMITS.packageBytes, 'archive', { offset: 0 });
  const entries = readZipDirectory(input);
  const entry = MOCHI_DATA_ENTRIES.map((name) => entries.find((found) => found.name === name)).find(
    (found) => found !== undefined,
  );
  if (entry === undefined) {
    throw ParseError.inBinary(
      'the archive holds neither data.edn nor data.json, so it is not a Mochi export',
      {
        offset: 0,
      },
    );
  }
  if (entry.uncompressedSize > FORMAT_LIMITS.textBytes) {
    throw ParseError.inBinary(`is larger than ${FORMAT_LIMITS.textBytes / 1024 / 1024} MB`, {
      entry: entry.name,
    });
  }
  const bytes = readZipEntry(input, entry, { used: 0 });
  const text = decodeText(bytes, {
    maxLineLength: null,
    expected: 'Mochi data',
    legacyEncodings: false,
  }).text;
  const data = entry.name === 'data.edn' ? parseEdn(text) : parseTransit(text);
  return documentsOf(data, options, entry.name);
}

function parseEdn(text: string): Value {
  try {
    return parseEDNString(text, { mapAs: 'object', keywordAs: 'string', listAs: 'array', setAs: 'array' });
  } catch (error) {
    throw ParseError.inBinary(`is not readable EDN (${describe(error)})`, { entry: 'data.edn' });
  }
}

function parseTransit(text: string): Value {
  try {
    const reader = transit.reader('json', {
      mapBuilder: {
        init: () => ({}),
        add: (map: Entity, key: Value, value: Value) => {
          map[String(key)] = value;
          return map;
        },
        finalize: (map: Entity) => map,
      },
      arrayBuilder: {
        init: () => [],
        add: (array: Value[], value: Value) => {
          array.push(value);
          return array;
        },
        finalize: (array: Value[]) => array,
      },
      handlers: {
        ':': (rep: string) => rep,
        $: (rep: string) => rep,
        list: (rep: Value) => rep,
        set: (rep: Value) => rep,
      },
    } as unknown as transit.ReaderOptions);
    return reader.read(text);
  } catch (error) {
    throw ParseError.inBinary(`is not readable Transit JSON (${describe(error)})`, { entry: 'data.json' });
  }
}

const describe = (error: unknown): string =>
  error instanceof RangeError
    ? 'nested too deeply'
    : error instanceof Error
      ? error.message.slice(0, 200)
      : 'unknown';

const isEntity = (value: Value): value is Entity =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const stringOf = (value: Value): string | null => (typeof value === 'string' ? value : null);
const listOf = (value: Value): Value[] => (Array.isArray(value) ? value : []);
/** Keys as EDN keywords read (`name`) or as Transit writes them (`:name`, `~:name`). */
const field = (entity: Entity, key: string): Value => entity[key] ?? entity[`:${key}`] ?? entity[`~:${key}`];

function documentsOf(data: Value, options: ReadOptions, entry: string): CardSetDocument[] {
  if (!isEntity(data)) throw ParseError.inBinary('does not hold a map of decks', { entry });
  const decks = listOf(field(data, 'decks')).filter(isEntity);
  const byId = new Map(decks.map((deck) => [stringOf(field(deck, 'id')) ?? '', deck]));
  const path = (deck: Entity): string => {
    const names: string[] = [];
    let current: Entity | undefined = deck;
    for (let depth = 0; current !== undefined && depth < 20; depth++) {
      names.unshift((stringOf(field(current, 'name')) ?? 'Deck').replace(/::/g, ':'));
      current = byId.get(stringOf(field(current, 'parent-id')) ?? '');
    }
    return names.join('::');
  };
  const collector = new DeckCollector(options.title ?? 'Imported cards', options);
  const add = (deck: string, card: Value, index: number) => {
    if (!isEntity(card) || field(card, 'trashed?') === true) return;
    collector.add(deck, cardOfMochi(card), index + 1);
  };
  let index = 0;
  for (const deck of decks) {
    if (field(deck, 'trashed?') === true) continue;
    for (const card of listOf(field(deck, 'cards'))) add(path(deck), card, index++);
  }
  for (const card of listOf(field(data, 'cards'))) {
    const deck = isEntity(card) ? byId.get(stringOf(field(card, 'deck-id')) ?? '') : undefined;
    add(deck === undefined ? '' : path(deck), card, index++);
  }
  return collector.result();
}

function cardOfMochi(card: Entity): CardDraft | null {
  let content = stringOf(field(card, 'content')) ?? '';
  if (content.trim() === '') content = fieldsContent(field(card, 'fields'));
  const result = cardOfSides(sidesOf(content.split(/\r\n|\r|\n/)));
  const tags = listOf(field(card, 'tags')).filter((tag): tag is string => typeof tag === 'string');
  if (result !== null && tags.length > 0) result.tags = tags;
  return result;
}

/** A template card's fields (`{field-id {:id … :value "…"}}`) as sides: the name field first. */
function fieldsContent(fields: Value): string {
  if (!isEntity(fields)) return '';
  const values = Object.values(fields)
    .filter(isEntity)
    .map((entry) => ({
      id: stringOf(field(entry, 'id')) ?? '',
      value: stringOf(field(entry, 'value')) ?? '',
    }))
    .filter((entry) => entry.value.trim() !== '');
  values.sort((a, b) => Number(b.id === 'name') - Number(a.id === 'name'));
  return values.map((entry) => entry.value).join('\n---\n');
}

function sidesOf(lines: readonly string[]): string[][] {
  const sides: string[][] = [[]];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && SIDE.test(line)) sides.push([]);
    else sides[sides.length - 1]!.push(line);
  }
  return sides;
}

const mochiMedia = (text: string): string => text.replace(/\(@media\/([^)\s]{1,300})\)/g, '(<media/$1>)');

function cardOfSides(sides: readonly string[][]): CardDraft | null {
  const [frontText = '', ...rest] = sides.map((side) => mochiMedia(bodyFromLines(side)));
  const back = rest.filter((side) => side !== '').join('\n\n---\n\n');
  const all = [frontText, back].filter((part) => part !== '').join('\n\n');
  const cloze = toRecallCloze(all, CLOZE, (match) => ({
    answer: match[2]!,
    group: match[1] === undefined ? undefined : Number(match[1]),
    hint: match[3],
  }));
  if (cloze.deletions > 0) return clozeCard(cloze.text);
  return cardOf(frontText, back);
}

/** Mochi Markdown: see the module comment. */
function readMochiMarkdown(input: Uint8Array, options: ReadOptions): CardSetDocument[] {
  const text = decodeNote(input, options, 'Mochi Markdown');
  const lines = text.split(/\r\n|\r|\n/);
  const collector = new DeckCollector(options.title ?? 'Imported cards', options);
  let card: { sides: string[][]; line: number } | null = null;
  let side: string[] = [];
  let sideStart = 1;
  lines.forEach((line, index) => {
    if (!SIDE.test(line)) {
      side.push(line);
      return;
    }
    // A new card starts at this side's last paragraph when the side has a blank line before it.
    const lastBlank = findLastBlank(side);
    if (card === null || lastBlank !== -1) {
      const front = lastBlank === -1 ? side : side.slice(lastBlank + 1);
      if (card !== null) {
        card.sides.push(side.slice(0, lastBlank));
        collector.add('', cardOfSides(card.sides), card.line);
      }
      card = { sides: [front], line: sideStart + (lastBlank === -1 ? 0 : lastBlank + 1) };
    } else {
      card.sides.push(side);
    }
    side = [];
    sideStart = index + 2;
  });
  const last = card as { sides: string[][]; line: number } | null;
  if (last !== null) {
    last.sides.push(side);
    collector.add('', cardOfSides(last.sides), last.line);
  }
  return collector.result();
}

function findLastBlank(lines: readonly string[]): number {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  for (let i = end - 1; i >= 0; i--) if (lines[i]!.trim() === '') return i;
  return -1;
}
