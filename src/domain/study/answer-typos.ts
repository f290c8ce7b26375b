/**
 * When a typed answer that is not the answer may still be accepted as a typo of it, word by word:
 *
 * - a word of 3 letters or fewer (typed or expected) must be exact ("le" is not "la", "mer" is not "mère"); 4–7 letters allow one
 *   edit, 8 or more two (insertions, deletions, substitutions, swaps of neighbours), and the whole answer no
 *   more than its own allowance; nothing with digits (a typo in a year is a wrong year);
 * - the typed word must not be a word in its own right: another word of the set, or of the dictionary
 *   ("biotic" for "abiotic", "form" for "from"), a plural of the answer aside;
 * - it must not drop or add a negating prefix ("biotic", "unbiotic") or swap a prefix for its opposite
 *   ("hypotonic" for "hypertonic");
 * - where the language's accents are significant, no edit may touch an accented letter.
 * Words differing only in the spaces between them ("RedArmy") count as one typo.
 */
import type { AnswerLanguage } from './answer-language.js';
import { stripAccents } from './answer-text.js';

export type TypoRefusal = 'different-word' | 'meaning-prefix' | 'accent' | 'too-many';

export interface TypoWords {
  /** The set's own words, normalised as answers are (see answerWords). */
  vocabulary?: ReadonlySet<string>;
  /** Lower-case ASCII dictionary words (English), consulted where the language says so. */
  dictionary?: ReadonlySet<string>;
}

/** Prefixes that negate the rest of the word. */
const NEGATING_PREFIXES = ['non', 'un', 'in', 'im', 'il', 'ir', 'dis', 'anti', 'an', 'a'];
/** Prefixes with an opposite: one must not be typed for the other. */
const OPPOSITE_PREFIXES: readonly (readonly [string, string])[] = [
  ['hyper', 'hypo'],
  ['over', 'under'],
  ['super', 'sub'],
  ['pre', 'post'],
  ['inter', 'intra'],
  ['endo', 'exo'],
  ['homo', 'hetero'],
  ['micro', 'macro'],
  ['in', 'ex'],
  ['im', 'ex'],
  ['up', 'down'],
  ['max', 'min'],
];

/** Typos allowed in an answer (or word) of this many letters. */
export function allowanceForLetters(letters: number): number {
  if (letters <= 3) return 0;
  return letters <= 7 ? 1 : 2;
}

const letterCount = (text: string) => text.replace(/\P{L}/gu, '').length;

/** How many typos an answer of this (normalised) form tolerates in all. */
export function typoAllowance(normalisedAnswer: string): number {
  if (/\d/.test(normalisedAnswer)) return 0;
  return allowanceForLetters(letterCount(normalisedAnswer));
}

/**
 * The optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours) when it
 * is at most `max`, else null. Only the band |i − j| ≤ max is computed: O(length × max), not the square.
 */
export function editDistanceWithin(a: string, b: string, max: number): number | null {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return null;
  const width = y.length + 1;
  const far = max + 1;
  let before = new Array<number>(width).fill(far);
  let previous = Array.from({ length: width }, (_, j) => (j <= max ? j : far));
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(width).fill(far);
    if (i <= max) current[0] = i;
    let rowBest = current[0]!;
    const from = Math.max(1, i - max);
    const to = Math.min(y.length, i + max);
    for (let j = from; j <= to; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = Math.min(best, far);
      rowBest = Math.min(rowBest, current[j]!);
    }
    if (rowBest > max) return null;
    before = previous;
    previous = current;
  }
  const distance = previous[y.length]!;
  return distance <= max ? distance : null;
}

const accentedLetters = (word: string) =>
  [...word.normalize('NFC')].filter((c) => stripAccents(c) !== c).join('');

function changesMeaningByPrefix(given: string, expected: string): boolean {
  for (const prefix of NEGATING_PREFIXES) {
    if (expected === prefix + given || given === prefix + expected) return true;
  }
  for (const [one, other] of OPPOSITE_PREFIXES) {
    for (const [p, q] of [
      [one, other],
      [other, one],
    ] as const) {
      if (
        expected.startsWith(p) &&
        given.startsWith(q) &&
        expected.slice(p.length) === given.slice(q.length)
      ) {
        return true;
      }
    }
  }
  return false;
}

/** "bolshevik" / "bolsheviks", "church" / "churches": the same word, as far as a typo goes. */
const isPluralPair = (a: string, b: string) =>
  a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;

function isOtherWord(given: string, expected: string, language: AnswerLanguage, words: TypoWords): boolean {
  if (isPluralPair(given, expected) && language.englishDictionary) return false;
  if (words.vocabulary?.has(given) === true) return true;
  return language.englishDictionary && words.dictionary?.has(stripAccents(given)) === true;
}

/** Null when `given` (normalised) is an acceptable typo of `expected` (normalised), else why not. */
export function typoRefusal(
  given: string,
  expected: string,
  language: AnswerLanguage,
  words: TypoWords,
): TypoRefusal | null {
  const total = typoAllowance(expected);
  if (total === 0 || given === '') return 'too-many';
  const givenWords = given.split(' ');
  const expectedWords = expected.split(' ');
  if (givenWords.length !== expectedWords.length) {
    return givenWords.join('') === expectedWords.join('') ? null : 'too-many';
  }
  let used = 0;
  for (let i = 0; i < expectedWords.length; i++) {
    const g = givenWords[i]!;
    const e = expectedWords[i]!;
    if (g === e) continue;
    // The shorter of the two decides: a typo never makes a short word, nor is made from one.
    const distance = editDistanceWithin(g, e, allowanceForLetters(Math.min(letterCount(g), letterCount(e))));
    if (distance === null) return 'too-many';
    used += distance;
    if (used > total) return 'too-many';
    if (!language.foldsAccents && !language.accentTypos && accentedLetters(g) !== accentedLetters(e)) {
      return 'accent';
    }
    if (changesMeaningByPrefix(g, e)) return 'meaning-prefix';
    if (isOtherWord(g, e, language, words)) return 'different-word';
  }
  return null;
}
