/**
 * What a student types in the search box, understood the same way on every database: words,
 * "quoted phrases", -excluded words, and (search as you type) the last word as a prefix.
 */

export interface SearchQuery {
  /** Words that must all appear (lower-cased, letters and digits only). */
  terms: string[];
  /** Phrases that must appear as written, each a list of words. */
  phrases: string[][];
  /** Words that must not appear. */
  excluded: string[];
  /** The last word typed, matched as a prefix ("kir" finds "Kirov"); null when the query ends in a space or quote. */
  prefix: string | null;
}

export const MAX_QUERY_LENGTH = 200;
export const MIN_PREFIX_LENGTH = 3;
const MAX_WORDS = 12;

/** Text as the engines compare it: lower case, accents folded (plain ASCII, most text, needs no folding). */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters and digits in any script; everything else separates words (as the engines' tokenizers do). */
export function words(text: string): string[] {
  // Plain ASCII, most text, has a simpler pattern.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function parseSearchQuery(input: string): SearchQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const query: SearchQuery = { terms: [], phrases: [], excluded: [], prefix: null };
  let count = 0;
  const pattern = /(-?)"([^"]*)("?)|([^\s"]+)/g;
  let lastWasOpenWord = false;
  for (const match of text.matchAll(pattern)) {
    if (count >= MAX_WORDS) break;
    const [, phraseNot, phrase, closed, token] = match;
    // "-word" excludes it (a lone "-" is no word at all).
    const wordNot = token !== undefined && token.length > 1 && token.startsWith('-') ? '-' : '';
    const word = wordNot === '-' ? token!.slice(1) : token;
    if (phrase !== undefined) {
      const phraseWords = words(phrase);
      lastWasOpenWord = false;
      if (phraseWords.length === 0) continue;
      count += phraseWords.length;
      if (phraseNot === '-') query.excluded.push(...phraseWords);
      else if (phraseWords.length === 1) query.terms.push(phraseWords[0]!);
      else query.phrases.push(phraseWords);
      void closed;
    } else if (word !== undefined) {
      const tokens = words(word);
      if (tokens.length === 0) continue;
      count += tokens.length;
      if (wordNot === '-') {
        query.excluded.push(...tokens);
        lastWasOpenWord = false;
      } else {
        // "Kirov's" is the words kirov and s; a hyphenated or dotted word is a phrase of its parts.
        if (tokens.length === 1) query.terms.push(tokens[0]!);
        else query.phrases.push(tokens);
        lastWasOpenWord = tokens.length === 1 && match.index + match[0].length === text.length;
      }
    }
  }
  // Search as you type: the last word, still being typed, is a prefix (from 3 letters: "ki" would match
  // too much to be useful; a shorter last word is taken as a whole word).
  if (lastWasOpenWord && !/\s$/.test(input) && (query.terms.at(-1)?.length ?? 0) >= MIN_PREFIX_LENGTH) {
    query.prefix = query.terms.pop() ?? null;
  }
  query.terms = [...new Set(query.terms)];
  query.excluded = [...new Set(query.excluded)];
  return query;
}

export const isEmptyQuery = (query: SearchQuery): boolean =>
  query.terms.length === 0 && query.phrases.length === 0 && query.prefix === null;
