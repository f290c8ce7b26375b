/**
 * What passes between `readCardFileInWorker` and the worker that reads the file: the request, and the
 * result or the error as plain data (a worker's messages are structured clones, which keep no classes),
 * turned back into the errors `readCardFile` throws on this side.
 *
 * The sets come packed: serialised (`v8.serialize`, what structured cloning does anyway) in packs of about
 * PACK_CARDS cards, whose buffers are transferred rather than copied. A long file is then held on this
 * side as bytes (13 MB for 200,000 cards, against about 26 MB as objects), and unpacked one pack at a time
 * where it is checked and stored.
 */
import { deserialize, serialize } from 'node:v8';
import { AppError, type ErrorCode, type FieldProblem } from '../../domain/errors.js';
import type { CardSetDocument } from '../../formats/card-set-document.js';
import type { ImportFormatId } from '../../formats/card-set-format.js';
import { ParseError, type ParseLocation } from '../../formats/parse-error.js';
import { readerById } from '../../formats/registry.js';
import type { TermListReading } from '../../formats/term-list/read-term-list.js';
import {
  CardFileReadError,
  UnrecognisedFormatError,
  type CardFile,
  type CardFileOptions,
} from './read-card-file.js';

/** A file for the worker to read from disk itself (`readCardFileAt`): large Anki packages. */
export interface CardFilePath {
  path: string;
}

export interface WorkerRequest {
  input: Uint8Array | CardFilePath;
  options: CardFileOptions;
}

interface ParseErrorData {
  reason: string;
  line: number;
  column: number;
  location: ParseLocation;
}

export type WorkerError =
  | { kind: 'unrecognised'; what: string }
  | {
      kind: 'read';
      original: ParseErrorData;
      formatId: ImportFormatId;
      decidedBy: 'content' | 'extension' | 'choice';
    }
  | ({ kind: 'parse' } & ParseErrorData)
  | { kind: 'app'; code: ErrorCode; message: string; details: FieldProblem[] }
  | { kind: 'other'; message: string; stack: string | undefined };

export type WorkerReply =
  | {
      ok: true;
      formatId: ImportFormatId;
      reading: TermListReading | null;
      packs: DocumentPack[];
    }
  | { ok: false; error: WorkerError };

/** Some of a file's sets, serialised (`unpack` gives them back), with their counts. */
export interface DocumentPack {
  bytes: Uint8Array;
  sets: number;
  cards: number;
}

/** About this many cards to a pack (a set is never split between packs). */
export const PACK_CARDS = 5_000;

/** The sets in packs of about PACK_CARDS cards, in order. */
export function packDocuments(documents: readonly CardSetDocument[]): DocumentPack[] {
  const packs: DocumentPack[] = [];
  let start = 0;
  while (start < documents.length) {
    let end = start;
    let cards = 0;
    while (end < documents.length && (end === start || cards + documents[end]!.cards.length <= PACK_CARDS)) {
      cards += documents[end]!.cards.length;
      end += 1;
    }
    packs.push({ bytes: serialize(documents.slice(start, end)), sets: end - start, cards });
    start = end;
  }
  return packs;
}

/** The sets of a pack. */
export const unpack = (pack: DocumentPack): CardSetDocument[] => deserialize(pack.bytes) as CardSetDocument[];

/**
 * The buffers a reply's packs can hand over without a copy: a pack's own buffer, never a shared pool
 * (which would be detached under whatever else uses it).
 */
export const transferable = (packs: readonly DocumentPack[]): ArrayBuffer[] =>
  packs.flatMap(({ bytes }) =>
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
      ? [bytes.buffer]
      : [],
  );

const parseErrorData = (error: ParseError): ParseErrorData => ({
  reason: error.reason,
  line: error.line,
  column: error.column,
  location: { entry: error.entry, path: error.path, offset: error.offset },
});

/** An error thrown in the worker, as data. */
export function errorToData(error: unknown): WorkerError {
  if (error instanceof UnrecognisedFormatError) return { kind: 'unrecognised', what: error.what };
  if (error instanceof CardFileReadError) {
    return {
      kind: 'read',
      original: parseErrorData(error.original),
      formatId: error.format.id,
      decidedBy: error.decidedBy,
    };
  }
  if (error instanceof ParseError) return { kind: 'parse', ...parseErrorData(error) };
  if (error instanceof AppError) {
    return { kind: 'app', code: error.code, message: error.message, details: [...error.details] };
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', message: failure.message, stack: failure.stack };
}

const parseErrorOf = ({ reason, line, column, location }: ParseErrorData) =>
  new ParseError(reason, line, column, location);

/** The error again, of the class it was thrown as. */
export function errorFromData(data: WorkerError): Error {
  switch (data.kind) {
    case 'unrecognised':
      return new UnrecognisedFormatError(data.what);
    case 'read':
      return new CardFileReadError(parseErrorOf(data.original), readerById(data.formatId), data.decidedBy);
    case 'parse':
      return parseErrorOf(data);
    case 'app':
      return new AppError(data.code, data.message, data.details);
    case 'other': {
      const error = new Error(`Reading the file failed: ${data.message}`);
      if (data.stack !== undefined) error.stack = data.stack;
      return error;
    }
  }
}

/** A file read in the worker, its sets still packed. */
export interface PackedCardFile extends Omit<CardFile, 'documents'> {
  packs: DocumentPack[];
}

/** The reply as a `PackedCardFile`. */
export const packedCardFileOf = (reply: Extract<WorkerReply, { ok: true }>): PackedCardFile => ({
  format: readerById(reply.formatId),
  reading: reply.reading,
  packs: reply.packs,
});

/** The packed file as the `CardFile` that `readCardFile` would have returned. */
export const unpacked = ({ packs, ...file }: PackedCardFile): CardFile => ({
  ...file,
  documents: packs.flatMap(unpack),
});
