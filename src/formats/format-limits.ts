/**
 * The bounds every reader keeps to, so that no upload, however made, costs more than a fixed amount of memory
 * and time. Each is checked before the work it bounds: sizes before decoding, declared sizes and compression
 * ratios before inflating, and actual sizes while inflating.
 */
import { LIMITS } from '../domain/card-set.js';
import { TAG_LIMITS } from '../domain/tags.js';
import { ParseError, type ParseLocation } from './parse-error.js';
import { MAX_LINE_LENGTH } from './revision-text/parse-revision-text.js';

const MIB = 1024 * 1024;

export const FORMAT_LIMITS = {
  /** Any text format, before decoding. */
  textBytes: 20 * MIB,
  /** Revision text and Markdown lines; the revision-text parser's own cap. */
  lineLength: MAX_LINE_LENGTH,
  /** Term-list lines hold a term and a definition, each of which may be a long card. */
  termListLineLength: 2 * MAX_LINE_LENGTH,
  /** An .apkg / .colpkg, before unzipping, when the whole file is given (uploads, the API). */
  packageBytes: 50 * MIB,
  /**
   * A package read from a file (`recall import`): only its end record, its directory and its collection are
   * read, so its media (never read) may make it this large without costing memory.
   */
  packageFileBytes: 500 * MIB,
  /** A zip's central directory, read whole. */
  zipDirectoryBytes: 32 * MIB,
  /** Entries listed in a zip's central directory. */
  zipEntries: 100_000,
  /** One inflated zip entry, and one zstd-decompressed collection. */
  entryBytes: 100 * MIB,
  /** Everything inflated from one package together (the collection, then its zstd layer). */
  totalInflatedBytes: 200 * MIB,
  /** Above this size, an entry may not claim to be more than `compressionRatio` times its compressed size. */
  ratioCheckFloorBytes: 1 * MIB,
  compressionRatio: 100,
  /** zstd's window is allocated up front; Anki's level-0 frames use 8 MiB at most. */
  zstdWindowBytes: 64 * MIB,
  /** Rows read from one Anki table (notes, cards, decks, note types, fields, templates), checked by count first. */
  ankiRows: 200_000,
  /** Answers read from an Anki review log (`revlog`): ten years of 250 reviews a day. */
  ankiReviews: 1_000_000,
  /** One Anki note field, in characters of HTML. */
  ankiFieldLength: 100_000,
  cardsPerSet: LIMITS.cardsPerSet,
  tagsPerSet: TAG_LIMITS.perSet,
  tagLength: TAG_LIMITS.length,
} as const;

export const megabytes = (bytes: number): string => `${Math.round((bytes / MIB) * 10) / 10} MB`;

/** "the file is 51.2 MB; at most 50 MB can be imported", never "is 50 MB; at most 50 MB" when just over. */
export function tooBig(what: string, bytes: number, max: number): string {
  const size = megabytes(bytes) === megabytes(max) ? `more than ${megabytes(max)}` : megabytes(bytes);
  return `the ${what} is ${size}; at most ${megabytes(max)} can be imported`;
}

/** Refuses input larger than `max` bytes before any of it is looked at. */
export function assertInputSize(
  input: Uint8Array,
  max: number,
  what: string,
  location?: ParseLocation,
): void {
  if (input.length > max) {
    const reason = tooBig(what, input.length, max);
    throw location === undefined ? new ParseError(reason, 1) : ParseError.inBinary(reason, location);
  }
}

/** The cap on cards per set, from the options or Recall's limit. */
export const maxCardsOf = (options: { maxCards?: number } | undefined): number =>
  options?.maxCards ?? FORMAT_LIMITS.cardsPerSet;

export const tooManyCards = (max: number): string =>
  `a card set may have at most ${max} cards; split the file into smaller sets`;
