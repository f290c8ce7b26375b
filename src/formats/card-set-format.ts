/** The one interface every file format implements, so import and export never switch on the format. */
import type { CardSetDocument } from './card-set-document.js';

export const FORMAT_IDS = ['revision-text', 'tsv', 'csv', 'apkg', 'json', 'markdown'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const isFormatId = (value: string): value is FormatId =>
  (FORMAT_IDS as readonly string[]).includes(value);

export interface ReadOptions {
  /**
   * Term lists: the separator between term and definition, as a character or string (`\t`, `,`, ` - `)
   * or an Anki name (`tab`, `comma`, `semicolon`, `pipe`, `space`, `colon`). Overrides `#separator:`.
   */
  separator?: string;
  /** Term lists: the separator between rows, e.g. `;` or `\n\n` (Quizlet's export); default: any line end. */
  rowSeparator?: string;
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

export interface CardSetFormat {
  readonly id: FormatId;
  /** For people: "Anki package", "Tab-separated term list" … */
  readonly label: string;
  /** With the dot: ".apkg". */
  readonly extension: string;
  /** The Content-Type to serve a written file with. */
  readonly mediaType: string;
  /** True when the bytes look like this format (content first; the file name only when content cannot tell). */
  detect(input: Uint8Array, fileName?: string): boolean;
  /** Reads one or more sets (an .apkg with several decks gives several); throws only ParseError. */
  read(input: Uint8Array, options?: ReadOptions): CardSetDocument[];
  write(document: CardSetDocument, options: WriteOptions): Uint8Array;
}
