/**
 * A set's language (a BCP 47 tag such as "en", "fr", "de-CH", or none) picks how typed answers are
 * compared:
 *
 * - English ("en", "en-GB", …): accents are not significant (café = cafe, naïve = naive), and a typo must
 *   not turn the answer into another English word (checked against a dictionary);
 * - no language set: accents are significant (never folded away), but a long word with one accent wrong
 *   still counts as a typo ("Petain" for "Pétain" in a history set); the English dictionary applies, since
 *   most sets without a language are English;
 * - any other language: accents are significant and never forgiven as a typo ("pêche" is not "péché",
 *   "mère" is not "mer"), and there is no dictionary (only the set's own words).
 */

export interface AnswerLanguage {
  /** Answers differing only in accents are the same answer. */
  foldsAccents: boolean;
  /** A typo may add, drop or change an accent (only where accents are not folded). */
  accentTypos: boolean;
  /** A typo must not make an English dictionary word. */
  englishDictionary: boolean;
}

export function answerLanguage(language: string | null | undefined): AnswerLanguage {
  const primary = language?.split('-')[0]?.toLowerCase() ?? null;
  if (primary === null || primary === '') {
    return { foldsAccents: false, accentTypos: true, englishDictionary: true };
  }
  if (primary === 'en') return { foldsAccents: true, accentTypos: false, englishDictionary: true };
  return { foldsAccents: false, accentTypos: false, englishDictionary: false };
}
