/**
 * Who is asking: the session cookie → the user (looked up in the database on every request, so any app
 * server can serve anyone); and CSRF protection on every state-changing request: a secret in an
 * httpOnly cookie, a token derived from it in each form (or the X-CSRF-Token header), checked here, plus
 * a refusal of anything a browser marks as cross-site. No state on the server, so any server can check.
 */
import cookie from '@fastify/cookie';
import Tokens from '@fastify/csrf';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/errors.js';
import { findSessionUser, type NewSession, type SessionUser } from '../services/auth/accounts.js';
import type { ServiceContext } from '../services/context.js';

export const SESSION_COOKIE = 'recall_session';
export const CSRF_COOKIE = 'recall_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
    csrfSecret: string | null;
  }
}

const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/' } as const;
// Called as a function: its typings declare a function (the constructor works either way).
const tokens = Tokens();

export function setSessionCookie(reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions);
}

/** A token for a form or a script; creates the secret cookie on first use. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let secret = request.csrfSecret;
  if (secret === null) {
    secret = tokens.secretSync();
    request.csrfSecret = secret;
    reply.setCookie(CSRF_COOKIE, secret, { ...cookieOptions, maxAge: 60 * 60 * 24 * 365 });
  }
  return tokens.create(secret);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (typeof body === 'object' && body !== null && CSRF_FIELD in body) {
    const value = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser tells us when a request comes from another site; such requests may not change anything.
 * Sec-Fetch-Site is the reliable signal where sent; otherwise compare Origin with our host. (An Origin
 * of "null" alone is not proof: browsers send it for privacy-sensitive same-site requests too.)
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

async function sessionPlugin(app: FastifyInstance, { ctx }: { ctx: ServiceContext }): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfSecret', null);

  // A callback hook, not an async one: most requests carry no session and should cost nothing here.
  app.addHook('onRequest', (request, _reply, done) => {
    const secret = request.cookies[CSRF_COOKIE];
    if (secret !== undefined && /^[\w-]{16,64}$/.test(secret)) request.csrfSecret = secret;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) {
      done();
      return;
    }
    findSessionUser(ctx, token).then((user) => {
      if (user !== null) {
        request.user = user;
        request.sessionToken = token;
      }
      done();
    }, done);
  });

  // After the body is parsed (the token may be a form field), before any handler runs.
  app.addHook('preValidation', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (isCrossSite(request)) {
      throw new AppError('forbidden', 'This request came from another site, so Recall refused it.');
    }
    const token = submittedToken(request);
    if (request.csrfSecret === null || token === undefined || !tokens.verify(request.csrfSecret, token)) {
      throw new AppError(
        'forbidden',
        'This form has expired or did not come from Recall. Go back, reload the page and try again.',
      );
    }
  });
}

export default fp(sessionPlugin, { name: 'recall-session' });
