/**
 * Reads RemNote's Markdown (an exported or copied document: an outline of Rems) with its flashcard
 * delimiters, as RemNote's help describes them:
 * - `Front >> Back` a forward card, `Back << Front` a backward one (asked from the right), `A <> B` both ways;
 * - `Concept :: Definition` a concept card (both ways, RemNote's default), `Descriptor ;; Value` forward;
 * - `Front >>>` a multi-line card whose child Rems are the answer;
 * - `{{text}}` a cloze: all deletions of one Rem are asked together, as RemNote does (Recall's `{{c1::…}}`).
 * Other Rems are not cards; their children still may be.
 */
import type { CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument } from '../card-set-document.js';
import type { ReadOptions } from '../card-set-format.js';
import {
  DeckCollector,
  bodyFromLines,
  cardOf,
  clozeCard,
  decodeNote,
  mediaAsText,
  toRecallCloze,
} from '../flashcard-notes.js';
import { outlineMarkdown, readOutline, type OutlineBlock } from '../outline-blocks.js';

/** Delimiters in the order RemNote's longer ones must be tried. */
const DELIMITERS = [
  { marker: '<>', direction: 'both' },
  { marker: '>>', direction: 'forward' },
  { marker: '<<', direction: 'backward' },
  { marker: '::', direction: 'both' },
  { marker: ';;', direction: 'forward' },
] as const;
export const REMNOTE_DELIMITER = / (?:>>|<<|<>|;;|::) |>>>$/m;
const CLOZE = /\{\{(?!c\d+::)([^{}\n]{1,1000})\}\}/g;

export function readRemNoteCards(input: Uint8Array, options: ReadOptions = {}): CardSetDocument[] {
  const text = decodeNote(input, options, 'RemNote Markdown');
  const { blocks } = readOutline(text);
  const collector = new DeckCollector(options.title ?? 'Imported cards', options);
  const todo = [...blocks].reverse();
  while (todo.length > 0) {
    const block = todo.pop()!;
    const { card, answeredByChildren } = cardOfRem(block);
    collector.add('', card, block.line);
    if (!answeredByChildren) for (const child of [...block.children].reverse()) todo.push(child);
  }
  return collector.result();
}

function cardOfRem(block: OutlineBlock): { card: CardDraft | null; answeredByChildren: boolean } {
  const text = mediaAsText(block.lines.join('\n')).trim();
  const cloze = toRecallCloze(text, CLOZE, (match) => ({ answer: match[1]! }), true);
  if (cloze.deletions > 0) {
    return { card: clozeCard(bodyFromLines(cloze.text.split('\n'))), answeredByChildren: false };
  }
  if (text.endsWith('>>>')) {
    const front = text.slice(0, -3).trim();
    return { card: cardOf(front, outlineMarkdown(block.children, mediaAsText)), answeredByChildren: true };
  }
  for (const { marker, direction } of DELIMITERS) {
    const spaced = text.indexOf(` ${marker} `);
    const at = spaced === -1 ? text.indexOf(marker) : spaced;
    if (at <= 0) continue;
    const left = text.slice(0, at).trim();
    const right = text.slice(at + marker.length + (spaced === -1 ? 0 : 2)).trim();
    if (left === '' || right === '') continue;
    const [front, back] = direction === 'backward' ? [right, left] : [left, right];
    const card = cardOf(
      front,
      bodyFromLines(back.split('\n')),
      direction === 'both' ? { reversible: true } : {},
    );
    return { card, answeredByChildren: false };
  }
  return { card: null, answeredByChildren: false };
}
