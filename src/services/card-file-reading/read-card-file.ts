/**
 * Reading a card file, the same for every way in: detect the format (or take the one chosen), read the
 * sets, and split long lists into parts Recall can store. No database, no network (it runs in the import
 * worker, `read-card-file-in-worker.ts`); `readCardFileAt` reads a file from disk.
 *
 * Long lists: a set holds at most LIMITS.cardsPerSet (500) cards, but a Quizlet export or an Anki deck may
 * hold thousands. Files are read with a cap of MAX_CARDS_PER_FILE cards per set instead, and any set over
 * 500 cards is split into balanced parts of at most 500, titled "Title (part 2 of 200)", in order.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIMITS } from '../../domain/card-set.js';
import { AppError } from '../../domain/errors.js';
import type { CardSetDocument } from '../../formats/card-set-document.js';
import type { CardSetReader, ImportFormatId, ReadOptions } from '../../formats/card-set-format.js';
import { apkgFormat } from '../../formats/anki/apkg-format.js';
import { readAnkiPackage } from '../../formats/anki/anki-package-reader.js';
import { isZip, type ByteSource } from '../../formats/anki/zip-archive.js';
import { FORMAT_LIMITS, megabytes, tooBig } from '../../formats/format-limits.js';
import { ParseError } from '../../formats/parse-error.js';
import {
  FORMAT_EXPECTATIONS,
  READERS,
  detectFormat,
  formatOfFileName,
  readerById,
} from '../../formats/registry.js';
import type { TermListReading } from '../../formats/term-list/read-term-list.js';

/** The most cards one set in a file may have before it is split (Anki's own files stop at 200,000 notes). */
export const MAX_CARDS_PER_FILE = 200_000;

/** The content is in none of the formats Recall reads (and no format was chosen). */
export class UnrecognisedFormatError extends AppError {
  override name = 'UnrecognisedFormatError';
  constructor(readonly what: string) {
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
  const format =
    options.format === undefined ? detectFormat(input, options.fileName) : readerById(options.format);
  if (format === null) {
    throw new UnrecognisedFormatError(options.fileName === undefined ? 'this text' : 'this file');
  }
  return readAs(format, options, (readOptions) => ({
    documents: format.read(input, readOptions),
    reading: options.describeLayout === true ? (format.inspect?.(input, readOptions) ?? null) : null,
  }));
}

/** The first bytes of a file, enough to tell a package from anything else. */
const HEAD_BYTES = 4096;

/**
 * Reads a card file from disk. A file over FORMAT_LIMITS.packageBytes may only be an Anki package, and is
 * read where needed (its directory and collection; media never), so that a deck of hundreds of megabytes of
 * pictures costs what its notes do; any other file is read whole, as `readCardFile` reads it.
 */
export function readCardFileAt(path: string, options: CardFileOptions = {}): CardFile {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    const source: ByteSource = {
      size,
      read: (offset, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const read = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, offset);
        return buffer.subarray(0, read);
      },
    };
    if (size <= FORMAT_LIMITS.packageBytes) return readCardFile(source.read(0, size), options);
    const isPackage =
      (options.format === undefined || options.format === 'apkg') && isZip(source.read(0, HEAD_BYTES));
    if (!isPackage) {
      throw new AppError(
        'too_large',
        `${tooBig('file', size, FORMAT_LIMITS.packageBytes)} (only an Anki package may be larger, up to ${megabytes(FORMAT_LIMITS.packageFileBytes)})`,
      );
    }
    return readAs(apkgFormat, options, (readOptions) => ({
      documents: readAnkiPackage(source, readOptions),
      reading: null,
    }));
  } finally {
    closeSync(fd);
  }
}

/** Reads the file as `format` with the options given, splitting long sets, naming the format on a failure. */
function readAs(
  format: CardSetReader,
  options: CardFileOptions,
  read: (readOptions: ReadOptions) => { documents: CardSetDocument[]; reading: TermListReading | null },
): CardFile {
  const byName = options.fileName === undefined ? null : formatOfFileName(options.fileName);
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
    const { documents, reading } = read(readOptions);
    return { format, reading, documents: documents.flatMap((document) => splitIntoParts(document)) };
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
