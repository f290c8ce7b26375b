/** A card set's language: a BCP 47 tag ("en", "fr", "de-CH"), or none. It picks how answers are graded. */

export const MAX_LANGUAGE_TAG_LENGTH = 35;

/** A well-formed BCP 47 language tag in its canonical form ("EN-gb" → "en-GB"), or null. */
export function canonicalLanguageTag(value: string): string | null {
  const text = value.trim();
  if (text === '' || text.length > MAX_LANGUAGE_TAG_LENGTH || !/^[a-z\d-]+$/i.test(text)) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}
