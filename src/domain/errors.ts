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

/** Text with a NUL character (U+0000) cannot be stored (PostgreSQL refuses it), so no field may hold one. */
export function nulProblem(field: string, value: string | null | undefined): FieldProblem | undefined {
  return value?.includes('\u0000') === true
    ? { field, message: 'Contains a NUL character (U+0000), which cannot be stored.' }
    : undefined;
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
