/**
 * What passes between `readCardFileInWorker` and the worker that reads the file: the request, and the
 * result or the error as plain data (a worker's messages are structured clones, which keep no classes),
 * turned back into the errors `readCardFile` throws on this side.
 */
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

export interface WorkerRequest {
  input: Uint8Array;
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
      documents: CardSetDocument[];
    }
  | { ok: false; error: WorkerError };

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

/** The reply as the `CardFile` that `readCardFile` would have returned. */
export const cardFileOf = (reply: Extract<WorkerReply, { ok: true }>): CardFile => ({
  format: readerById(reply.formatId),
  reading: reply.reading,
  documents: reply.documents,
});
