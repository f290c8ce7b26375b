/** The one interface every file format implements, so import and export never switch on the format. */
import type { CardSetDocument } from './card-set-document.js';
import type { QuoteMode } from './term-list/term-list-layout.js';
import type { TermListReading } from './term-list/read-term-list.js';
import type { TextEncoding } from './text-input.js';

/** Recall's own formats: read and written (export offers these). */
export const FORMAT_IDS = ['revision-text', 'tsv', 'csv', 'apkg', 'json', 'markdown'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const isFormatId = (value: string): value is FormatId =>
  (FORMAT_IDS as readonly string[]).includes(value);

/** Every format Recall reads: its own, and other flashcard apps' (read only). */
export const IMPORT_FORMAT_IDS = [...FORMAT_IDS, 'obsidian', 'logseq', 'remnote', 'mochi'] as const;
export type ImportFormatId = (typeof IMPORT_FORMAT_IDS)[number];

export const isImportFormatId = (value: string): value is ImportFormatId =>
  (IMPORT_FORMAT_IDS as readonly string[]).includes(value);

export interface ReadOptions {
  /**
   * Term lists: the separator between term and definition, as a character or string (`\t`, `,`, ` - `)
   * or an Anki name (`tab`, `comma`, `semicolon`, `pipe`, `space`, `colon`). Overrides `#separator:`.
   */
  separator?: string;
  /**
   * Term lists: the separator between rows, e.g. `;` (Quizlet's "Semicolon"), a string, or `newline`;
   * default: detected (any line end, or Quizlet's `;` when the text is laid out so).
   */
  rowSeparator?: string;
  /** Term lists: `csv`: RFC 4180 quoting; `text`: quotes are part of the words. Default: detected. */
  quotes?: QuoteMode;
  /** Term lists: the first row names the columns (true) or is a card (false). Default: detected. */
  header?: boolean;
  /** Text formats: decode as this encoding instead of detecting it. */
  encoding?: TextEncoding;
  /** Term lists: fields are HTML (as `#html:true` says). Overrides `#html:`. */
  html?: boolean;
  /** The set's title when the file names none (term lists without `#deck:`); default "Imported cards". */
  title?: string;
  /** Refuse a set with more cards than this; default LIMITS.cardsPerSet. */
  maxCards?: number;
}

export interface WriteOptions {
  /** The time of export, for the formats that record one (Anki's ids and timestamps, zip dates). */
  now: Date;
}

/** A format Recall reads. */
export interface CardSetReader {
  readonly id: ImportFormatId;
  /** For people: "Anki package", "Tab-separated term list" … */
  readonly label: string;
  /** With the dot: ".apkg". */
  readonly extension: string;
  /** True when the bytes look like this format (content first; the file name only when content cannot tell). */
  detect(input: Uint8Array, fileName?: string): boolean;
  /** Reads one or more sets (an .apkg with several decks gives several); throws only ParseError. */
  read(input: Uint8Array, options?: ReadOptions): CardSetDocument[];
  /** Term lists: how the text would be read (layout, encoding, what was detected), for the preview. */
  readonly inspect?: (input: Uint8Array, options?: ReadOptions) => TermListReading;
}

/** One of Recall's own formats, read and written. */
export interface CardSetFormat extends CardSetReader {
  readonly id: FormatId;
  /** The Content-Type to serve a written file with. */
  readonly mediaType: string;
  write(document: CardSetDocument, options: WriteOptions): Uint8Array;
}
