import { AppError } from '../domain/errors.js';

/** Input that is not in the expected format; names the line (1-based) and column at fault. */
export class ParseError extends AppError {
  override name = 'ParseError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column = 1,
  ) {
    super('parse', `Line ${line}: ${reason}`, [{ field: `line ${line}`, message: reason }]);
  }
}
