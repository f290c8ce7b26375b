/**
 * How Recall compares answers, choices and prompts: the same normalisation everywhere, so that "a prompt
 * never contains its answer", "no two choices are the same" and tolerant grading agree with each other.
 *
 * comparisonKey: Unicode-compatibility decomposition (NFKD) without accents, lower case, numbers written
 * one way ("7,000,000" = "7 million" = "7000000", "per cent" = "%"), possessive 's dropped, punctuation
 * as spaces, the articles "the", "a", "an" dropped, single spaces.
 */

const MAGNITUDES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const ARTICLES = new Set(['the', 'a', 'an']);

export const collapseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();
export const stripAccents = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');

// A run of digit groups ("7,000,000", "7 000 000" with a no-break or thin space). Whether it stands as a
// number is decided by what follows it (see normaliseNumbers), not by a lookahead that would rescan the
// rest of the run from every group (quadratic on "1,000,000,…,00").
const DIGIT_GROUPS = /(?<![\d.,])\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+/g;
const MORE_DIGITS = /[\d,]*\d/y;

/** "7,000,000" → "7000000", "1.8 million" → "1800000", "90 per cent" → "90%". Other text unchanged. */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/(\d)\s*per\s*cent\b/gi, '$1%')
    .replace(DIGIT_GROUPS, (group: string, offset: number, whole: string) => {
      // "1,000,00" is not a grouped number: digits (after commas) that go on past the last full group.
      MORE_DIGITS.lastIndex = offset + group.length;
      return MORE_DIGITS.test(whole) ? group : group.replace(/[,\u00a0\u202f\u2009]/g, '');
    })
    .replace(
      /(?<![\d.])(\d+(?:\.\d+)?)\s*(thousand|million|billion)\b/gi,
      (_all, digits: string, word: string) => {
        const value = Number(digits) * (MAGNITUDES[word.toLowerCase()] ?? 1);
        return Number.isSafeInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
      },
    );
}

/**
 * Keys are memoised (answers, names and prompts recur): a pure function of its argument, bounded by the
 * characters held, not by entries, so that a few long texts cannot hold megabytes. Texts longer than
 * KEY_CACHE_TEXT_LIMIT are not kept at all.
 */
const KEY_CACHE_CHARACTERS = 2_000_000;
const KEY_CACHE_TEXT_LIMIT = 2_000;
const keyCache = new Map<string, string>();
let keyCacheCharacters = 0;

/** The key two texts are compared by; equal keys mean "the same answer". */
export function comparisonKey(text: string): string {
  const cached = keyCache.get(text);
  if (cached !== undefined) return cached;
  const key = computeKey(text);
  if (text.length <= KEY_CACHE_TEXT_LIMIT) {
    if (keyCacheCharacters + text.length + key.length > KEY_CACHE_CHARACTERS) {
      keyCache.clear();
      keyCacheCharacters = 0;
    }
    keyCache.set(text, key);
    keyCacheCharacters += text.length + key.length;
  }
  return key;
}

function computeKey(text: string): string {
  // eslint-disable-next-line no-control-regex
  let folded = /[^\u0000-\u007f]/.test(text) ? stripAccents(text) : text;
  folded = folded.toLowerCase();
  if (/\d/.test(folded)) folded = normaliseNumbers(folded).replace(/(\d)\.(\d)/g, '$1\uE000$2');
  folded = folded
    .replace(/(\p{L})['’]s\b/gu, '$1')
    .replace(/[^\p{L}\p{N}\uE000]+/gu, ' ')
    .replace(/\uE000/g, '.');
  return folded
    .split(' ')
    .filter((word) => word !== '' && !ARTICLES.has(word))
    .join(' ');
}

export const comparisonTokens = (text: string): string[] => {
  const key = comparisonKey(text);
  return key === '' ? [] : key.split(' ');
};

/** True when the needle's words occur, in order and as whole words, in the haystack (normalised). */
export function containsPhrase(haystack: string, needle: string): boolean {
  const key = comparisonKey(needle);
  if (key === '') return false;
  return ` ${comparisonKey(haystack)} `.includes(` ${key} `);
}

/** containsPhrase with the haystack normalised once, for checking many needles against one text. */
export function phraseFinder(haystack: string): (needle: string) => boolean {
  const padded = ` ${comparisonKey(haystack)} `;
  return (needle) => {
    const key = comparisonKey(needle);
    return key !== '' && padded.includes(` ${key} `);
  };
}

/**
 * A looser key for telling choices apart: also folds a plural "s", so "Old Bolshevik" and "Old Bolsheviks"
 * never appear side by side as two different choices.
 */
export function choiceKey(text: string): string {
  return comparisonTokens(text)
    .map((word) => (word.length > 3 && /^\p{L}+s$/u.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}

/** True when one choice's words contain the other's (e.g. "Army" and "Red Army"): too close to offer both. */
export function overlappingChoices(a: string, b: string): boolean {
  const ka = ` ${choiceKey(a)} `;
  const kb = ` ${choiceKey(b)} `;
  if (ka.trim() === '' || kb.trim() === '') return false;
  return ka.includes(kb) || kb.includes(ka);
}
