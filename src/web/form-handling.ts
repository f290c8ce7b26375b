import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { STATUS_OF_ERROR } from '../http/error-status.js';
import { RateLimitedError } from '../services/rate-limits.js';
import type { Static, TSchema } from 'typebox';
import { postedValues, readFormBody } from './form-body.js';
import type { FormState, FormValues } from './forms.js';
import { setNotice } from './page-context.js';

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

/** Where a change that worked sends the browser, and what the page there says about it. */
export interface Done {
  /** None where the page there speaks for itself (after logging in). */
  notice?: string;
  to: string;
}

/**
 * Every form post one way: read the body through its schema, make the change, then redirect (303) with
 * a notice. When the body or the change meets a form problem, re-render the form with what was posted
 * kept and the error's status instead. Other errors go to the error handler.
 */
export async function postThenRedirect<S extends TSchema, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  form: {
    body: S;
    /** What to put back in the fields when the form comes back (default: what was posted). */
    keep?: (posted: FormValues) => FormValues;
    change: (body: Static<S>) => Promise<T>;
    done: (result: T, body: Static<S>) => Done;
    /** The form again; `error` says more to a form that needs it (an edit conflict's revision). */
    rerender: (state: FormState, status: number, error: unknown) => unknown;
  },
): Promise<unknown> {
  return changeThenRedirect(request, reply, {
    keep: form.keep,
    change: async () => {
      const body = readFormBody(form.body, request.body);
      return { body, result: await form.change(body) };
    },
    done: ({ body, result }) => form.done(result, body),
    rerender: form.rerender,
  });
}

/** The same for a form whose body its route has read already (the editor's, which comes back whole). */
export async function changeThenRedirect<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  form: {
    keep?: ((posted: FormValues) => FormValues) | undefined;
    change: () => Promise<T>;
    done: (result: T) => Done;
    rerender: (state: FormState, status: number, error: unknown) => unknown;
  },
): Promise<unknown> {
  let result: T;
  try {
    result = await form.change();
  } catch (error) {
    const posted = postedValues(request.body);
    const { state, status } = formFailure(error, form.keep?.(posted) ?? posted, reply);
    return form.rerender(state, status, error);
  }
  const { notice, to } = form.done(result);
  if (notice !== undefined) setNotice(reply, notice);
  return reply.redirect(to, 303);
}
