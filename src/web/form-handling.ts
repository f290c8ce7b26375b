import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { STATUS_OF_ERROR } from '../http/error-status.js';
import { RateLimitedError } from '../services/rate-limits.js';
import type { FormState } from './forms.js';

/** Only same-site paths: "next" must not send anyone to another site after logging in. */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/';
}

/** The errors a form shows beside its fields; the others (not found, forbidden…) are error pages. */
const FORM_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'validation',
  'conflict',
  'unauthorized',
  'rate_limited',
]);

/** Form problems re-render the form with the input kept, with the API's status for the error. */
export function formFailure(
  error: unknown,
  values: Record<string, string>,
  reply: FastifyReply,
): { state: FormState; status: number } {
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof AppError && FORM_ERRORS.has(error.code)) {
    return {
      state: { values, problems: error.details, message: error.message },
      status: STATUS_OF_ERROR[error.code],
    };
  }
  throw error;
}

/** Where to send someone who must log in first, returning afterwards. */
export function redirectToLogin(request: FastifyRequest, reply: FastifyReply) {
  // After logging in, come back to the page: for a form post, the page the form was on (there is no page
  // at the address a form posts to), when the browser says which it was and it is one of ours.
  let back = request.url;
  if (request.method !== 'GET') {
    back = '/';
    const referer = request.headers.referer;
    if (referer !== undefined) {
      try {
        const url = new URL(referer);
        if (url.hostname === request.hostname) back = safeNext(url.pathname + url.search);
      } catch {
        // not a URL: go home after logging in
      }
    }
  }
  return reply.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
}
