/**
 * Reads an Obsidian note with the Spaced Repetition plugin's flashcards (its documentation's syntax, default
 * settings):
 * - `Question::Answer` (one line), `Question:::Answer` (both ways: a reversible card);
 * - multi-line cards: the lines before a line `?` are the front, the lines after it the back, up to a blank
 *   line; `??` makes them both ways;
 * - cloze cards: a paragraph with `==highlights==` or `{{curly braces}}`, each deletion a card of its own
 *   (`==answer==^[hint]` gives a hint, `==answer==[^2]` a group number), as Recall's `{{c1::answer::hint}}`;
 * - decks: a `#flashcards/Subject/Topic` tag applies to the cards after it (or to its card alone when it opens
 *   the card's line); other tags on tag-only lines are the set's tags;
 * - scheduling comments (`<!--SR:!2024-01-01,3,250-->`), front matter and fenced code are not cards.
 * Each deck is a set (subject and topic from the deck path); cards outside any deck are the note's own set.
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

export const DECK_TAG = /^#flashcards(?:\/([^\s#]{1,300}))?$/i;
const SCHEDULING = /<!--SR:[^>\n]{0,1000}-->/g;
/** `==answer==` with an optional `^[hint]` and `[^group]`, or `{{answer}}`. */
const DELETION =
  /==([^=\n]{1,1000})==(?:\^\[([^\]\n]{1,300})\])?(?:\[\^(\d{1,3})\])?|\{\{(?!c\d+::)([^{}\n]{1,1000})\}\}/g;

interface Line {
  text: string;
  number: number;
}

export function readObsidianFlashcards(
  input: Uint8Array,
  options: ReadOptions = {},
  defaultTitle = 'Imported cards',
): CardSetDocument[] {
  const text = decodeNote(input, options, 'Obsidian flashcards');
  const lines = noteLines(text);
  const setTags: string[] = [];
  const collector = new DeckCollector(options.title ?? defaultTitle, options, setTags);
  let deck = '';
  let paragraph: Line[] = [];

  const flush = () => {
    if (paragraph.length > 0) readParagraph(paragraph, deck, collector);
    paragraph = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') {
      flush();
      continue;
    }
    const words = line.text.trim().split(/\s+/);
    if (words.every((word) => word.startsWith('#') && word.length > 1 && !/^#{1,6}$/.test(word))) {
      // A line of tags: decks for what follows, the rest the set's.
      flush();
      const decks = words.map((word) => DECK_TAG.exec(word)).filter((match) => match !== null);
      if (decks.length > 0) deck = deckPath(decks[0]![1]);
      setTags.push(...words.filter((word) => !DECK_TAG.test(word)).map((word) => word.slice(1)));
      continue;
    }
    if (/^#{1,6}\s/.test(line.text)) {
      flush();
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return collector.result();
}

/** The note's lines without front matter, fenced code or scheduling comments. */
function noteLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: Line[] = [];
  let index = 0;
  if (raw[0]?.trim() === '---') {
    const end = raw.findIndex((line, at) => at > 0 && line.trim() === '---');
    if (end !== -1) index = end + 1;
  }
  let fenced = false;
  for (; index < raw.length; index++) {
    const line = raw[index]!;
    if (/^\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      lines.push({ text: '', number: index + 1 });
      continue;
    }
    lines.push({ text: fenced ? '' : mediaAsText(line.replace(SCHEDULING, '')), number: index + 1 });
  }
  return lines;
}

/** "Biology/Cells" → "Biology::Cells". */
const deckPath = (path: string | undefined): string =>
  path === undefined
    ? ''
    : path
        .split('/')
        .filter((part) => part !== '')
        .join('::');

/** A question-specific deck tag opening the card's first line. */
function ownDeck(text: string): { deck: string | null; rest: string } {
  const match = /^(#flashcards(?:\/[^\s#]{1,300})?)\s+/i.exec(text);
  if (match === null) return { deck: null, rest: text };
  return { deck: deckPath(DECK_TAG.exec(match[1]!)?.[1]), rest: text.slice(match[0].length) };
}

/** One paragraph (lines up to a blank line): single-line cards, a multi-line card, or a cloze card. */
function readParagraph(paragraph: readonly Line[], deck: string, collector: DeckCollector): void {
  const separator = paragraph.findIndex((line) => line.text.trim() === '?' || line.text.trim() === '??');
  if (separator > 0) {
    const first = ownDeck(paragraph[0]!.text);
    const frontLines = [first.rest, ...paragraph.slice(1, separator).map((line) => line.text)];
    const backLines = paragraph.slice(separator + 1).map((line) => line.text);
    const reversible = paragraph[separator]!.text.trim() === '??';
    const card = cardOf(frontLines.join('\n'), bodyFromLines(backLines), reversible ? { reversible } : {});
    collector.add(first.deck ?? deck, card, paragraph[0]!.number);
    return;
  }
  let singles = 0;
  for (const line of paragraph) {
    const single = singleLineCard(line.text);
    if (single === null) continue;
    singles++;
    collector.add(single.deck ?? deck, single.card, line.number);
  }
  if (singles > 0) return;
  const { deck: own, rest } = ownDeck(paragraph.map((line) => line.text).join('\n'));
  const cloze = clozeOf(rest);
  if (cloze !== null) collector.add(own ?? deck, cloze, paragraph[0]!.number);
}

function singleLineCard(text: string): { deck: string | null; card: CardDraft | null } | null {
  const { deck, rest } = ownDeck(text.trim());
  const line = rest.replace(/^(?:[-*+]|\d+[.)])\s+/, '');
  for (const [marker, reversible] of [
    [':::', true],
    ['::', false],
  ] as const) {
    const at = line.indexOf(marker);
    if (at <= 0) continue;
    const front = line.slice(0, at).trim();
    const back = line.slice(at + marker.length).trim();
    if (front === '' || back === '' || back.startsWith(':')) continue;
    return { deck, card: cardOf(front, back, reversible ? { reversible } : {}) };
  }
  return null;
}

function clozeOf(text: string): CardDraft | null {
  const { text: body, deletions } = toRecallCloze(text, DELETION, (match) =>
    match[1] === undefined
      ? { answer: match[4]! }
      : { answer: match[1], hint: match[2], group: match[3] === undefined ? undefined : Number(match[3]) },
  );
  return deletions === 0 ? null : clozeCard(bodyFromLines(body.split('\n')));
}
