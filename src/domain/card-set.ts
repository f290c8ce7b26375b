/** Card sets and cards as the rest of Recall sees them, with the limits every way in must respect. */
import { AppError, nulProblem, type FieldProblem } from './errors.js';
import { canonicalLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from './language-tag.js';
import { clozeProblems } from './study/cloze.js';
import { TAG_LIMITS, tagProblems } from './tags.js';

export const LEVELS = ['GCSE', 'AS', 'A-level', 'University', 'Other'] as const;
export type Level = (typeof LEVELS)[number];

export const EXAM_BOARDS = ['AQA', 'Edexcel', 'OCR', 'WJEC/Eduqas', 'CCEA', 'SQA', 'IB', 'Other'] as const;
export type ExamBoard = (typeof EXAM_BOARDS)[number];

export const VISIBILITIES = ['public', 'unlisted', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LIMITS = {
  titleLength: 200,
  subtitleLength: 300,
  nameLength: 100,
  cardTitleLength: 200,
  cardBodyLength: 10_000,
  cardsPerSet: 500,
} as const;

/**
 * What a card is studied as. `basic`: the title (or a prompt made from the body) on the front, the body on
 * the back. `cloze`: the body holds Anki-style deletions `{{c1::answer}}` / `{{c1::answer::hint}}`, and each
 * deletion number is studied as a card of its own, its front hiding that deletion (hint shown).
 */
export const CARD_KINDS = ['basic', 'cloze'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const isCardKind = (value: string): value is CardKind =>
  (CARD_KINDS as readonly string[]).includes(value);

export interface CardDraft {
  /** Optional: the seed's first card has none. */
  title: string | null;
  /** Markdown. */
  body: string;
  /** Absent means `basic`. */
  kind?: CardKind;
  /** A basic card also studied the other way round (body → title), as Anki's "Basic (and reversed card)". */
  reversible?: boolean;
  /** The card's own tags (the set has tags of its own too). */
  tags?: string[];
}

/** A card set before it is stored: what an importer or an editor produces. */
export interface CardSetDraft {
  title: string;
  subtitle: string | null;
  subject: string;
  topic: string | null;
  level: Level | null;
  examBoard: ExamBoard | null;
  visibility: Visibility;
  /** The set's language, a BCP 47 tag ("en", "fr"); absent or null when not said. */
  language?: string | null;
  /** The set's own tags (absent: none). */
  tags?: string[];
  cards: CardDraft[];
}

export interface Card {
  position: number;
  title: string | null;
  body: string;
  kind: CardKind;
  reversible: boolean;
  tags: string[];
}

export interface NamedLink {
  name: string;
  slug: string;
}

/** A stored card set's metadata, as pages and the API present it. */
export interface CardSetSummary {
  id: number;
  title: string;
  subtitle: string | null;
  slug: string;
  subject: NamedLink;
  topic: NamedLink | null;
  level: Level | null;
  examBoard: ExamBoard | null;
  visibility: Visibility;
  /** A BCP 47 tag, or null when the author has not said. */
  language: string | null;
  author: { handle: string; displayName: string };
  cardCount: number;
  viewCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CardSet extends CardSetSummary {
  tags: string[];
  cards: Card[];
}

export const isLevel = (value: string): value is Level => (LEVELS as readonly string[]).includes(value);
export const isExamBoard = (value: string): value is ExamBoard =>
  (EXAM_BOARDS as readonly string[]).includes(value);
export const isVisibility = (value: string): value is Visibility =>
  (VISIBILITIES as readonly string[]).includes(value);

/** Checks a draft against Recall's limits; throws one validation error listing every problem. */
export function assertValidCardSetDraft(draft: CardSetDraft): void {
  const problems: FieldProblem[] = [];
  const text = (field: string, value: string | null, max: number, required: boolean) => {
    const nul = nulProblem(field, value);
    if (nul !== undefined) {
      problems.push(nul);
      return;
    }
    if (value === null || value.trim() === '') {
      if (required) problems.push({ field, message: 'This is required.' });
      return;
    }
    if (value.length > max) {
      problems.push({ field, message: `At most ${max} characters (this has ${value.length}).` });
    }
  };
  text('title', draft.title, LIMITS.titleLength, true);
  text('subtitle', draft.subtitle, LIMITS.subtitleLength, false);
  text('subject', draft.subject, LIMITS.nameLength, true);
  text('topic', draft.topic, LIMITS.nameLength, false);
  if (
    draft.language !== undefined &&
    draft.language !== null &&
    canonicalLanguageTag(draft.language) === null
  ) {
    problems.push({
      field: 'language',
      message: `A language code such as en, fr or pt-BR (at most ${MAX_LANGUAGE_TAG_LENGTH} characters).`,
    });
  }
  if (draft.cards.length === 0)
    problems.push({ field: 'cards', message: 'A card set needs at least one card.' });
  if (draft.cards.length > LIMITS.cardsPerSet) {
    problems.push({
      field: 'cards',
      message: `At most ${LIMITS.cardsPerSet} cards per set (this has ${draft.cards.length}).`,
    });
  }
  problems.push(...tagProblems('tags', draft.tags ?? [], TAG_LIMITS.perSet));
  draft.cards.forEach((card, index) => {
    const field = `cards[${index}]`;
    const before = problems.length;
    text(`${field}.title`, card.title, LIMITS.cardTitleLength, false);
    text(`${field}.body`, card.body, LIMITS.cardBodyLength, card.title === null);
    problems.push(...tagProblems(`${field}.tags`, card.tags ?? [], TAG_LIMITS.perCard));
    if (problems.length > before) return;
    if (card.kind === 'cloze') {
      const [cloze] = clozeProblems(card.body);
      if (cloze !== undefined) problems.push({ field: `${field}.body`, message: cloze });
    } else if (card.reversible === true && (card.title ?? '').trim() === '') {
      problems.push({
        field: `${field}.title`,
        message: 'A card studied both ways needs a title: it is the answer when the card is reversed.',
      });
    }
  });
  if (problems.length > 0) {
    throw new AppError('validation', 'The card set is not valid.', problems);
  }
}
