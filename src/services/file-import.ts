/**
 * Importing card files, for the command line and the web Import page alike: detect the format (or take the
 * one chosen), read the sets, split long lists into parts Recall can store, apply the importer's choices
 * (subject, topic, level, exam board, visibility), and store them through `importCardSets`.
 *
 * Long lists: a set holds at most LIMITS.cardsPerSet (500) cards, but a Quizlet export or an Anki deck may
 * hold thousands. Files are read with a cap of MAX_CARDS_PER_FILE cards per set instead, and any set over
 * 500 cards is split into balanced parts of at most 500, titled "Title (part 2 of 200)", in order.
 */
import {
  LIMITS,
  type CardSetDraft,
  type ExamBoard,
  type Level,
  type Visibility,
} from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import type { CardSetDocument } from '../formats/card-set-document.js';
import type { CardSetReader, ImportFormatId, ReadOptions } from '../formats/card-set-format.js';
import { readRecallJson, jsonFormat } from '../formats/json/json-format.js';
import { ParseError } from '../formats/parse-error.js';
import {
  FORMAT_EXPECTATIONS,
  READERS,
  detectFormat,
  formatOfFileName,
  readerById,
} from '../formats/registry.js';
import type { TermListReading } from '../formats/term-list/read-term-list.js';
import type { ServiceContext } from './context.js';
import {
  draftFromImport,
  importCardSets,
  type ImportCardSetInput,
  type ImportedCardSet,
} from './import-card-set.js';
import { consumeRateLimit } from './rate-limits.js';
import type { SystemUser } from './system-users.js';

/** The most cards one set in a file may have before it is split (Anki's own files stop at 200,000 notes). */
export const MAX_CARDS_PER_FILE = 200_000;

/** The content is in none of the formats Recall reads (and no format was chosen). */
export class UnrecognisedFormatError extends AppError {
  override name = 'UnrecognisedFormatError';
  constructor(what: string) {
    super(
      'validation',
      `Recall cannot tell which format ${what} is in: it reads ${READERS.map((format) => format.label).join('; ')}. Choose the format if it is one of these.`,
      [{ field: 'format', message: 'Choose the format of the file.' }],
    );
  }
}

/**
 * A file that could not be read in the format it was taken for: says which format that was, how it was
 * chosen, what that format looks like, and where the reader stopped (line, entry …). Each way in adds how to
 * choose another format (`--format` on the command line, the Format choice on the web).
 */
export class CardFileReadError extends ParseError {
  override name = 'CardFileReadError';
  constructor(
    readonly original: ParseError,
    readonly format: CardSetReader,
    readonly decidedBy: 'content' | 'extension' | 'choice',
  ) {
    const how = { content: 'from its content', extension: 'from its extension', choice: 'as chosen' }[
      decidedBy
    ];
    super(
      `${original.reason} (read as ${format.label}, ${how}; expected ${FORMAT_EXPECTATIONS[format.id]}).`,
      original.line,
      original.column,
      { entry: original.entry, path: original.path, offset: original.offset },
    );
  }
}

/** How the file is laid out, when the person importing says so (term lists; `encoding`: any text format). */
export type LayoutOptions = Pick<
  ReadOptions,
  'separator' | 'rowSeparator' | 'quotes' | 'header' | 'encoding'
>;

export interface CardFileOptions extends LayoutOptions {
  /** Helps detection (the extension breaks ties) and titles lists that name none. */
  fileName?: string | undefined;
  /** Skips detection. */
  format?: ImportFormatId | undefined;
  /** The title of a set whose file names none (term lists without `#deck:`). */
  title?: string | undefined;
  /** The most cards the whole file may hold (the web's limit is lower than the command line's). */
  maxCards?: number | undefined;
  /** Also say how a term list was read (the preview shows it). */
  describeLayout?: boolean | undefined;
}

export interface CardFile {
  format: CardSetReader;
  /** Term lists: how the text was read (layout, encoding, what was detected). */
  reading: TermListReading | null;
  /** Every set of the file, long ones already split into parts. */
  documents: CardSetDocument[];
}

/** Reads a card file; throws CardFileReadError (a ParseError naming the line), or UnrecognisedFormatError. */
export function readCardFile(input: Uint8Array, options: CardFileOptions = {}): CardFile {
  const byName = options.fileName === undefined ? null : formatOfFileName(options.fileName);
  const format =
    options.format === undefined ? detectFormat(input, options.fileName) : readerById(options.format);
  if (format === null) {
    throw new UnrecognisedFormatError(options.fileName === undefined ? 'this text' : 'this file');
  }
  const blank = (value: string | undefined) => (value === '' ? undefined : value);
  const readOptions: ReadOptions = {
    separator: blank(options.separator),
    rowSeparator: blank(options.rowSeparator),
    quotes: options.quotes,
    header: options.header,
    encoding: options.encoding,
    title: options.title,
    maxCards: options.maxCards ?? MAX_CARDS_PER_FILE,
  };
  try {
    const documents = format.read(input, readOptions);
    return {
      format,
      reading: options.describeLayout === true ? (format.inspect?.(input, readOptions) ?? null) : null,
      documents: documents.flatMap((document) => splitIntoParts(document)),
    };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const decidedBy = options.format !== undefined ? 'choice' : format === byName ? 'extension' : 'content';
    throw new CardFileReadError(error, format, decidedBy);
  }
}

/** "Title (part 2 of 3)", shortening the title (with "…") where the whole would be too long. */
export function partTitle(title: string, part: number, parts: number): string {
  const suffix = ` (part ${part} of ${parts})`;
  const room = LIMITS.titleLength - suffix.length;
  const base = title.length <= room ? title : `${title.slice(0, room - 1).trimEnd()}…`;
  return `${base}${suffix}`;
}

/** A set of more than `max` cards as balanced parts of at most `max` cards each, in order. */
export function splitIntoParts(
  document: CardSetDocument,
  max: number = LIMITS.cardsPerSet,
): CardSetDocument[] {
  const total = document.cards.length;
  if (total <= max) return [document];
  const parts = Math.ceil(total / max);
  const size = Math.ceil(total / parts);
  return Array.from({ length: parts }, (_, index) => {
    const { reviewHistory, ...rest } = document;
    const start = index * size;
    // Each part keeps the reviews of its own cards, numbered from its first card.
    const history = reviewHistory
      ?.filter((review) => review.cardIndex >= start && review.cardIndex < start + size)
      .map((review) => ({ ...review, cardIndex: review.cardIndex - start }));
    return {
      ...rest,
      title: partTitle(document.title, index + 1, parts),
      cards: document.cards.slice(start, start + size),
      ...(history === undefined || history.length === 0 ? {} : { reviewHistory: history }),
    };
  });
}

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
  }));
}

/** The drafts the inputs would store, checked; a problem names the set at fault when there are several. */
export function checkImportInputs(inputs: readonly ImportCardSetInput[]): CardSetDraft[] {
  return inputs.map((input, index) => {
    try {
      return draftFromImport(input);
    } catch (error) {
      if (error instanceof AppError && inputs.length > 1) {
        throw new AppError(
          error.code,
          `Set ${index + 1} ("${input.parsed.title}"): ${error.message}`,
          error.details,
        );
      }
      throw error;
    }
  });
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
  checkImportInputs(
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
