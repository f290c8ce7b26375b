/**
 * What the Markdown flashcard apps' readers (Obsidian, Logseq, RemNote, Mochi) share: decoding a note,
 * turning a front and a back into a Recall card, their cloze syntaxes into Recall's `{{c1::…}}`, and
 * collecting cards into one set per deck within the card limits.
 */
import { LIMITS, type CardDraft } from '../domain/card-set.js';
import { placeOfDeckName } from './anki/anki-deck-name.js';
import { emptyDocument, type CardSetDocument } from './card-set-document.js';
import type { ReadOptions } from './card-set-format.js';
import { FORMAT_LIMITS, maxCardsOf, tooManyCards } from './format-limits.js';
import { inlinePlainText, parseMarkdown, singleLine } from './markdown-syntax.js';
import { ParseError } from './parse-error.js';
import { decodeText } from './text-input.js';

/** A note's text, decoded and checked as every text format is. */
export const decodeNote = (input: Uint8Array, options: ReadOptions | undefined, expected: string): string =>
  decodeText(input, {
    maxLineLength: FORMAT_LIMITS.termListLineLength,
    expected,
    encoding: options?.encoding,
  }).text;

/** Markdown lines as a body: list items stay together, other lines become paragraphs of their own. */
export function bodyFromLines(lines: readonly string[]): string {
  const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
  let body = '';
  let previous: string | null = null;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    if (previous !== null) {
      const together = LIST_ITEM.test(line) && (LIST_ITEM.test(previous) || /^\s/.test(line));
      body += together ? '\n' : '\n\n';
    }
    body += line;
    previous = line;
  }
  return body;
}

/** Inline Markdown as plain words (a card title is plain text). */
export function plainText(markdown: string): string {
  const tokens = parseMarkdown(markdown);
  const words = tokens
    .filter((token) => token.type === 'inline')
    .map(inlinePlainText)
    .join(' ');
  return singleLine(words);
}

/**
 * A card from a front and a back (both Markdown). A short one-line front is the title; a longer or
 * richer one opens the body instead, so nothing is cut.
 */
export function cardOf(front: string, back: string, extra: Partial<CardDraft> = {}): CardDraft | null {
  const title = plainText(front);
  const frontFits = title.length <= LIMITS.cardTitleLength && !front.includes('\n');
  if (title === '' && back.trim() === '') return null;
  if (frontFits) return { title: title === '' ? null : title, body: back.trim(), ...extra };
  return {
    title: null,
    body: [front.trim(), back.trim()].filter((part) => part !== '').join('\n\n'),
    ...extra,
  };
}

/** A cloze card: the text with Recall's deletions, and what follows it. */
export function clozeCard(text: string, extra = ''): CardDraft {
  return {
    title: null,
    body: [text.trim(), extra.trim()].filter((part) => part !== '').join('\n\n'),
    kind: 'cloze',
  };
}

export interface Deletion {
  answer: string;
  hint?: string | undefined;
  /** Anki-style group number; deletions without one are numbered in order (or all 1). */
  group?: number | undefined;
}

/**
 * Replaces each match of `pattern` (global) with `{{cN::answer::hint}}`; `read` gives the deletion of a
 * match. `together`: every ungrouped deletion is one card (c1), as RemNote asks; otherwise c1, c2, ….
 */
export function toRecallCloze(
  text: string,
  pattern: RegExp,
  read: (match: RegExpExecArray) => Deletion,
  together = false,
): { text: string; deletions: number } {
  let next = 1;
  let deletions = 0;
  const replaced = text.replace(pattern, (...args) => {
    const match = args.slice(0, -2) as unknown as RegExpExecArray;
    const deletion = read(match);
    const group = deletion.group ?? (together ? 1 : next++);
    deletions++;
    const answer = deletion.answer.replace(/\}\}/g, '} }');
    return deletion.hint === undefined || deletion.hint === ''
      ? `{{c${group}::${answer}}}`
      : `{{c${group}::${answer}::${deletion.hint}}}`;
  });
  return { text: replaced, deletions };
}

/** Media written as the apps embed it, kept as words as the Anki reader keeps them. */
export const mediaAsText = (text: string): string =>
  text
    .replace(/!\[\[([^\]\n]{1,300})\]\]/g, '[image: $1]')
    .replace(/\[\[[^\]|\n]{1,300}\|([^\]\n]{1,300})\]\]/g, '$1')
    .replace(/\[\[([^\]\n]{1,300})\]\]/g, '$1');

/** Collects cards into one set per deck, in order, refusing the first card past the limit. */
export class DeckCollector {
  private readonly documents = new Map<string, CardSetDocument>();
  private total = 0;
  private readonly max: number;

  constructor(
    private readonly defaultTitle: string,
    options: ReadOptions | undefined,
    private readonly tags: string[] = [],
  ) {
    this.max = maxCardsOf(options);
  }

  /** `deck`: an Anki-style path "Subject::Topic::Title", or '' for the note's own set. */
  add(deck: string, card: CardDraft | null, line: number): void {
    if (card === null) return;
    if (this.total === this.max) throw new ParseError(tooManyCards(this.max), line);
    this.total++;
    this.documentOf(deck).cards.push(card);
  }

  private documentOf(deck: string): CardSetDocument {
    let document = this.documents.get(deck);
    if (document === undefined) {
      document = emptyDocument(this.defaultTitle);
      const place = deck === '' ? null : placeOfDeckName(deck);
      if (place !== null) Object.assign(document, place);
      document.tags = [...new Set(this.tags)]
        .filter((tag) => tag !== '' && tag.length <= FORMAT_LIMITS.tagLength)
        .slice(0, FORMAT_LIMITS.tagsPerSet);
      this.documents.set(deck, document);
    }
    return document;
  }

  /** The sets; a note without cards gives one empty set (the importer says there are no cards). */
  result(): CardSetDocument[] {
    if (this.documents.size === 0) this.documentOf('');
    return [...this.documents.values()];
  }
}

/** Tags as the apps write them (`#tag`, `#nested/tag`), for a card's or a set's tags. */
export function hashtagsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_/-]{0,99})/gu)].map((match) => match[1]!);
}
