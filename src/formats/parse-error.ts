import { AppError } from '../domain/errors.js';

/**
 * Where, besides a line, a problem sits: text formats name the line (and column); JSON adds the path of
 * the value at fault; binary formats name the entry inside the archive (and a byte offset where it helps).
 */
export interface ParseLocation {
  /** A file inside an archive, e.g. `collection.anki2`. */
  entry?: string;
  /** A JSON path, e.g. `$.cards[2].title` (named instead of a line: a valid JSON document's lines say little). */
  path?: string;
  /** A 0-based byte offset in the input (or in `entry`). */
  offset?: number;
}

/** Input that is not in the expected format; names the line (1-based) and column at fault. */
export class ParseError extends AppError {
  override name = 'ParseError';
  readonly entry: string | undefined;
  readonly path: string | undefined;
  readonly offset: number | undefined;

  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column = 1,
    location: ParseLocation = {},
  ) {
    super('parse', `${prefix(line, location)}: ${reason}`, [
      { field: field(line, location), message: reason },
    ]);
    this.entry = location.entry;
    this.path = location.path;
    this.offset = location.offset;
  }

  /** A problem in binary input (an archive, or an entry in one), where lines mean nothing. */
  static inBinary(reason: string, location: ParseLocation): ParseError {
    return new ParseError(reason, 1, 1, location);
  }
}

function prefix(line: number, { entry, path, offset }: ParseLocation): string {
  const at = offset === undefined ? '' : ` at byte ${offset}`;
  if (entry !== undefined) return `${entry}${at}`;
  if (offset !== undefined) return `At byte ${offset}`;
  if (path !== undefined) return `At ${path}`;
  return `Line ${line}`;
}

function field(line: number, { entry, path }: ParseLocation): string {
  return entry ?? path ?? `line ${line}`;
}
