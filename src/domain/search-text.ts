/**
 * Search results name the card that matched and show a highlighted fragment of it; "similar sets" need
 * a set's distinctive words. Both work on words stemmed as the search index stems them (Porter).
 */
import { stemmer } from 'stemmer';
import type { Card } from './card-set.js';

/** The fields of a card that search reads. */
type CardText = Pick<Card, 'position' | 'title' | 'body'>;
import { foldText, words, type SearchQuery } from './search-query.js';

const stems = new Map<string, string>();

/** Porter stems, remembered: search results stem the same few thousand words again and again. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = stemmer(word);
    if (stems.size >= 50_000) stems.clear();
    stems.set(word, result);
  }
  return result;
}

/** Marks around highlighted words, replaced by <mark> after the text is escaped. */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';

/** Markdown source → the words a reader sees (escapes, list markers and emphasis removed). */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/^[ \t]{0,3}(?:#{1,6}|[-*+]|\d+[.)])[ \t]+/gm, '')
      // A link's text, without brackets inside it: a run of "[" is then read once, not from every "[".
      .replace(/(?<!\\)\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/(?<!\\)[*_`~]+/g, '')
      .replace(/\\([\\`*_[\]{}()#+\-.!<>~|&])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

interface Matcher {
  stems: Set<string>;
  /** A Porter stem less its last letter begins the word it came from ("poni" from "ponies"). */
  stemStarts: string[];
  prefix: string | null;
}

function matcherFor(query: SearchQuery): Matcher {
  const queryStems = new Set([...query.terms, ...query.phrases.flat()].map(stem));
  return {
    stems: queryStems,
    stemStarts: [...queryStems].map((s) => s.slice(0, Math.max(1, s.length - 1))),
    prefix: query.prefix,
  };
}

function matches(matcher: Matcher, word: string): boolean {
  if (matcher.prefix !== null && word.startsWith(matcher.prefix)) return true;
  // Stemming is the costly part: only for words that could share a query word's stem.
  return matcher.stemStarts.some((start) => word.startsWith(start)) && matcher.stems.has(stem(word));
}

/** The card with most matching words (a match in its title counts three times); the first card on a tie. */
export function bestMatchingCard<C extends CardText>(cards: readonly C[], query: SearchQuery): C | undefined {
  const matcher = matcherFor(query);
  const needles = matcher.prefix === null ? matcher.stemStarts : [...matcher.stemStarts, matcher.prefix];
  let best: { card: C; score: number } | undefined;
  for (const card of cards) {
    // Tokenising is the costly part: skip cards that cannot contain a match at all.
    const haystack = foldText(`${card.title ?? ''} ${card.body}`);
    if (!needles.some((needle) => haystack.includes(needle))) continue;
    const score =
      3 * words(card.title ?? '').filter((word) => matches(matcher, word)).length +
      words(card.body).filter((word) => matches(matcher, word)).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { card, score };
  }
  return best?.card;
}

/**
 * A fragment of `text` of about `length` characters around its first match, with matching words marked by
 * HIGHLIGHT_START / HIGHLIGHT_END. Without a match, the start of the text.
 */
export function highlight(text: string, query: SearchQuery, length = 180): string {
  const matcher = matcherFor(query);
  const pieces = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const hits = pieces.filter((piece) => matches(matcher, words(piece[0])[0] ?? ''));
  const first = hits[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > first ? start : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  let out = '';
  let cursor = start;
  for (const hit of hits) {
    const at = hit.index;
    const word = hit[0];
    if (at < start || at + word.length > end) continue;
    out += text.slice(cursor, at) + HIGHLIGHT_START + word + HIGHLIGHT_END;
    cursor = at + word.length;
  }
  out += text.slice(cursor, end);
  return `${start > 0 ? '… ' : ''}${out}${end < text.length ? ' …' : ''}`;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have he her his in is it its of on or that the their they this to was were which who will with not but had been also did do does into than then there these those what when where why how all any can more most other some such only own same so too very just'.split(
    ' ',
  ),
);

export interface TermWeight {
  /** The stem, as the index stores it. */
  stem: string;
  /** The most frequent way the set writes it, for querying the engine (which stems it again). */
  word: string;
  /** Occurrences, title words counting three times. */
  count: number;
}

/** A set's words by stem, stop words and numbers left out. */
export function termCounts(set: {
  title: string;
  subtitle: string | null;
  cards: readonly CardText[];
}): TermWeight[] {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  const add = (text: string, weight: number) => {
    for (const word of words(text)) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      const key = stem(word);
      const entry = counts.get(key) ?? { count: 0, forms: new Map<string, number>() };
      entry.count += weight;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      counts.set(key, entry);
    }
  };
  add(set.title, 3);
  add(set.subtitle ?? '', 2);
  for (const card of set.cards) {
    add(card.title ?? '', 2);
    add(card.body, 1);
  }
  return [...counts].map(([key, entry]) => ({
    stem: key,
    word: [...entry.forms].sort((a, b) => b[1] - a[1])[0]![0],
    count: entry.count,
  }));
}

/**
 * The most distinctive terms of a set by TF-IDF, leaving out terms so common that they say nothing
 * (in more than one set in fifty) and terms no other set has.
 */
export function distinctiveTerms(
  terms: readonly TermWeight[],
  stats: { total: number; frequencies: ReadonlyMap<string, number> },
  limit = 8,
): TermWeight[] {
  if (stats.total === 0) return [...terms].sort((a, b) => b.count - a.count).slice(0, limit);
  return terms
    .map((term) => ({ term, df: stats.frequencies.get(term.stem) ?? 0 }))
    .filter(({ df }) => df >= 2 && df <= Math.max(2, stats.total / 50))
    .map(({ term, df }) => ({ term, score: term.count * Math.log(stats.total / df) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ term }) => term);
}
