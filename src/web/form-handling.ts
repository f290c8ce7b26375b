import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { RateLimitedError } from '../services/rate-limits.js';
import type { FormState } from './forms.js';

/** Only same-site paths: "next" must not send anyone to another site after logging in. */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/';
}

/** Form problems re-render the form with the input kept; anything else is a real error. */
export function formFailure(
  error: unknown,
  values: Record<string, string>,
  reply: FastifyReply,
): { state: FormState; status: number } {
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof AppError) {
    const statusOf = { validation: 400, conflict: 409, unauthorized: 401, rate_limited: 429 } as const;
    if (error.code in statusOf) {
      return {
        state: { values, problems: error.details, message: error.message },
        status: statusOf[error.code as keyof typeof statusOf],
      };
    }
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
