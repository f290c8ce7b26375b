/**
 * A set's place as an Anki deck path, "Subject::Topic::Title": Anki shows it as nested decks, and reading
 * it back recovers subject, topic and title. Used by the .apkg format and by term lists' `#deck:` header.
 */

export interface DeckPlace {
  title: string;
  subject: string | null;
  topic: string | null;
}

const SEPARATOR = '::';

/** "::" inside a name would nest a deck; it is written as ":". */
const component = (name: string): string => name.replace(/:{2,}/g, ':').replace(/\s+/g, ' ').trim();

export function deckNameOf(place: DeckPlace): string {
  const subject = place.subject === null ? '' : component(place.subject);
  const topic = place.topic === null || subject === '' ? '' : component(place.topic);
  return [subject, topic, component(place.title)].filter((part) => part !== '').join(SEPARATOR);
}

/** "A" → title A; "A::B" → subject A, title B; "A::B::…::Z" → subject A, topic "B / …", title Z. */
export function placeOfDeckName(name: string): DeckPlace | null {
  const parts = name
    .split(SEPARATOR)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
  const title = parts[parts.length - 1];
  if (title === undefined) return null;
  if (parts.length === 1) return { title, subject: null, topic: null };
  const topic = parts.slice(1, -1).join(' / ');
  return { title, subject: parts[0]!, topic: topic === '' ? null : topic };
}
