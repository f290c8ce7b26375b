/** The one table of HTTP statuses for the domain's error codes: the API, the error pages and the forms use it. */
import type { ErrorCode } from '../domain/errors.js';

export const STATUS_OF_ERROR: Readonly<Record<ErrorCode, number>> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  validation: 400,
  conflict: 409,
  too_large: 413,
  parse: 400,
  rate_limited: 429,
};
