/**
 * Importing card files, for the command line and the web Import page alike, once they are read
 * (`card-file-reading/`): apply the importer's choices (subject, topic, level, exam board, visibility),
 * check the sets, carry them from the preview to the confirmation, and store them through `importCardSets`.
 */
import { LIMITS, type ExamBoard, type Level, type Visibility } from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import type { CardSetDocument, ImportedReview } from '../formats/card-set-document.js';
import { readRecallJson, jsonFormat } from '../formats/json/json-format.js';
import { ParseError } from '../formats/parse-error.js';
import type { ServiceContext } from './context.js';
import {
  checkedDrafts,
  importCardSets,
  type ImportCardSetInput,
  type ImportedCardSet,
} from './import-card-set.js';
import { consumeRateLimit } from './rate-limits.js';
import { answersToItems, assertValidHistory } from './study/import-progress.js';
import type { SystemUser } from './system-users.js';

/**
 * What the person importing chooses. A subject or topic fills only what a set's file lacks (an Anki deck's
 * sub-decks keep the subjects their paths give), unless `override` says it replaces what the files say.
 */
export interface ImportChoices {
  subject?: string | undefined;
  topic?: string | undefined;
  /** The subject and topic given replace those the files name. */
  override?: boolean | undefined;
  level?: Level | undefined;
  examBoard?: ExamBoard | undefined;
  visibility: Visibility;
  /**
   * The learner whose progress the files' review histories become (Anki's revlog): absent, the sets come
   * without it.
   */
  progressFor?: number | undefined;
}

/** Each set as the input `importCardSets` takes: the file's metadata with the choices over it. */
export function importInputsOf(
  documents: readonly CardSetDocument[],
  choices: ImportChoices,
  author: SystemUser,
): ImportCardSetInput[] {
  const given = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? undefined : value;
  return documents.map((document) => ({
    parsed: {
      title: document.title,
      subtitle: document.subtitle,
      subject: document.subject,
      topic: document.topic,
      language: document.language ?? null,
      tags: document.tags,
      cards: document.cards,
    },
    subject: choices.override === true || document.subject === null ? given(choices.subject) : undefined,
    topic: choices.override === true || document.topic === null ? given(choices.topic) : undefined,
    level: choices.level ?? document.level,
    examBoard: choices.examBoard ?? document.examBoard,
    visibility: choices.visibility,
    author,
    progress:
      choices.progressFor === undefined || (document.reviewHistory?.length ?? 0) === 0
        ? undefined
        : { userId: choices.progressFor, history: document.reviewHistory ?? [] },
  }));
}

/**
 * The author of sets imported by a member: `importCardSets` finds its author by handle (creating system
 * users such as "imported" on first use), so the member's own handle makes the sets theirs.
 */
export const authorOfAccount = (user: { handle: string; displayName: string }): SystemUser => ({
  handle: user.handle,
  displayName: user.displayName,
});

/**
 * Checks sets before a preview: everything `importCardSets` will check but the subject, which the
 * person importing may still choose. Throws a validation error naming the set at fault.
 */
export function checkDocumentsBeforeChoices(documents: readonly CardSetDocument[]): void {
  const inputs = importInputsOf(documents, { visibility: 'private' }, { handle: '-', displayName: '-' });
  checkedDrafts(
    inputs.map((input) => ({ ...input, subject: input.parsed.subject ?? 'A subject to be chosen' })),
  );
}

/** Sets that name no subject, when no subject is chosen for all. */
export const setsWithoutSubject = (documents: readonly CardSetDocument[], choices: ImportChoices): number =>
  choices.subject !== undefined && choices.subject.trim() !== ''
    ? 0
    : documents.filter((document) => document.subject === null || document.subject.trim() === '').length;

/** Imports through the web: a few dozen an hour per member, each up to CARRY_LIMITS.sets sets. */
export const MEMBER_IMPORT_RATE = { limit: 30, windowMs: 60 * 60 * 1000 } as const;

/** A member's import from the Import page: rate-limited, stored in one transaction, owned by them. */
export async function importDocumentsForMember(
  ctx: ServiceContext,
  member: { userId: number; handle: string; displayName: string },
  documents: readonly CardSetDocument[],
  choices: ImportChoices,
): Promise<ImportedCardSet[]> {
  await consumeRateLimit(ctx, `import:${member.userId}`, MEMBER_IMPORT_RATE);
  return importDocuments(ctx, authorOfAccount(member), documents, choices);
}

/** Stores the sets in one transaction (all or none), owned by `author`. */
export function importDocuments(
  ctx: ServiceContext,
  author: SystemUser,
  documents: readonly CardSetDocument[],
  choices: ImportChoices,
): Promise<ImportedCardSet[]> {
  return importCardSets(ctx, importInputsOf(documents, choices, author));
}

// ---------------------------------------------------------------------------------------------------
// Carrying parsed sets from the preview to the confirmation (hidden form fields, in Recall JSON)

export const CARRY_LIMITS = {
  /** Sets in one web import. */
  sets: 50,
  /** All the carried JSON together, in UTF-16 code units (≈ bytes for most text). */
  characters: 6 * 1024 * 1024,
  /** Cards read from one file for the Import page and the API (50 sets of 500): reading stops at the next. */
  cards: 50 * LIMITS.cardsPerSet,
  /** Answers of the review histories carried with them (about 40 characters each). */
  answers: 100_000,
  /** All the carried histories together, in characters. */
  historyCharacters: 5 * 1024 * 1024,
} as const;

/** Each set as compact Recall JSON (the lossless format), for a hidden field; refuses imports too large to carry. */
export function carryDocuments(documents: readonly CardSetDocument[], now: Date): string[] {
  if (documents.length > CARRY_LIMITS.sets) {
    throw new AppError(
      'too_large',
      `This file holds ${documents.length} card sets; the Import page takes at most ${CARRY_LIMITS.sets} at once. Split the file, or use the command line (recall import).`,
    );
  }
  const carried = documents.map((document) =>
    JSON.stringify(JSON.parse(new TextDecoder().decode(jsonFormat.write(document, { now })))),
  );
  if (carried.reduce((sum, text) => sum + text.length, 0) > CARRY_LIMITS.characters) {
    throw new AppError(
      'too_large',
      'These cards are too many to import through the web page at once. Split the file, or use the command line (recall import).',
    );
  }
  return carried;
}

/** The sets back from hidden fields, read and checked again as Recall JSON: never trusted. */
export function documentsFromCarried(values: readonly string[]): CardSetDocument[] {
  const total = values.reduce((sum, text) => sum + text.length, 0);
  if (values.length === 0 || values.length > CARRY_LIMITS.sets || total > CARRY_LIMITS.characters) {
    throw new AppError('validation', 'The previewed cards did not come back whole. Start the import again.');
  }
  return values.map((value, index) => {
    try {
      return readRecallJson(new TextEncoder().encode(value), { maxCards: LIMITS.cardsPerSet });
    } catch (error) {
      if (error instanceof ParseError) {
        throw new AppError(
          'validation',
          `The previewed set ${index + 1} could not be read back (${error.message}). Start the import again.`,
        );
      }
      throw error;
    }
  });
}

/**
 * Each set's review history for a hidden field (compact JSON: `[cardIndex, variant, reviewedAt, rating,
 * durationMs]` per answer; empty when it has none), or null when the histories are too long to carry (the
 * preview then says to bring them with the command line).
 */
export function carryHistories(documents: readonly CardSetDocument[], now: Date): string[] | null {
  const total = documents.reduce((sum, document) => sum + (document.reviewHistory?.length ?? 0), 0);
  if (total > CARRY_LIMITS.answers) return null;
  return documents.map((document) => {
    const history = answersToItems(document.reviewHistory ?? [], document.cards, now);
    return history.length === 0
      ? ''
      : JSON.stringify(
          history.map((answer) => [
            answer.cardIndex,
            answer.variant,
            answer.reviewedAt,
            answer.rating,
            answer.durationMs,
          ]),
        );
  });
}

/**
 * The sets with the histories that came back from hidden fields, read and checked against their cards
 * (never trusted); the sets unchanged when none came back.
 */
export function withCarriedHistories(
  documents: readonly CardSetDocument[],
  values: readonly string[],
  now: Date,
): CardSetDocument[] {
  if (values.length === 0) return [...documents];
  const total = values.reduce((sum, text) => sum + text.length, 0);
  const broken = () =>
    new AppError('validation', 'The review history did not come back whole. Start the import again.');
  if (values.length !== documents.length || total > CARRY_LIMITS.historyCharacters) throw broken();
  let answers = 0;
  return documents.map((document, index) => {
    const value = values[index]!;
    if (value === '') return { ...document, reviewHistory: [] };
    let rows: unknown;
    try {
      rows = JSON.parse(value);
    } catch {
      throw broken();
    }
    if (!Array.isArray(rows)) throw broken();
    answers += rows.length;
    if (answers > CARRY_LIMITS.answers) throw broken();
    const history = rows.map((row: unknown): ImportedReview => {
      if (!Array.isArray(row) || row.length !== 5 || !row.every((field) => typeof field === 'number')) {
        throw broken();
      }
      const [cardIndex, variant, reviewedAt, rating, durationMs] = row;
      return {
        cardIndex: cardIndex!,
        variant: variant!,
        reviewedAt: reviewedAt!,
        rating: rating as ImportedReview['rating'],
        durationMs: durationMs!,
      };
    });
    assertValidHistory(history, document.cards, now);
    return { ...document, reviewHistory: history };
  });
}
