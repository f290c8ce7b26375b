/** The closed set of error codes; only the error handler maps them to HTTP statuses. */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'validation'
  | 'conflict'
  | 'too_large'
  | 'parse'
  | 'rate_limited';

/** One problem with one input field, shown next to that field in forms and listed in API errors. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found.`);
