/**
 * Who is asking: the session cookie → the user (looked up in the database on every request, so any app
 * server can serve anyone); and CSRF protection on every state-changing request: a secret in an
 * httpOnly cookie, a token derived from it and bound to the session in each form (or the X-CSRF-Token
 * header), checked here, plus a refusal of anything a browser marks as cross-site. Signing in, signing
 * out and changing the password replace both the session and the CSRF secret, so a token or session
 * from before no longer works. No state on the server, so any server can check.
 *
 * Responses made for one person (a signed-in user's, or any carrying a CSRF token or setting a cookie)
 * are sent with `Cache-Control: private, no-store`; other visitors' pages keep their default caching.
 */
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import CsrfTokens from '@fastify/csrf';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/errors.js';
import {
  findSession,
  hashToken,
  logOut,
  type NewSession,
  type SessionUser,
} from '../services/auth/accounts.js';
import type { TrustedDevice } from '../services/auth/log-in.js';
import type { ServiceContext } from '../services/context.js';

export const SESSION_COOKIE = 'recall_session';
export const CSRF_COOKIE = 'recall_csrf';
export const DEVICE_COOKIE = 'recall_device';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The key in app_state of the secret that signs cookies (device cookies), shared by every server. */
const COOKIE_SECRET_KEY = 'cookie-secret';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
    /** The hash of the session token: what this request's CSRF tokens are bound to. */
    sessionTokenHash: string | null;
    csrfSecret: string | null;
    /** True once a CSRF token went into the response, which makes it this browser's alone. */
    csrfIssued: boolean;
  }
}

const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/' } as const;
const YEAR_SECONDS = 60 * 60 * 24 * 365;
// The named constructor: the default export's typings only know the overload without userInfo.
const tokens = new CsrfTokens.Tokens({ userInfo: true });

function newCsrfSecret(request: FastifyRequest, reply: FastifyReply): void {
  const secret = tokens.secretSync();
  request.csrfSecret = secret;
  reply.setCookie(CSRF_COOKIE, secret, { ...cookieOptions, maxAge: YEAR_SECONDS });
}

/**
 * After log-in, sign-up or a password change: the session this browser had before (if any) is ended
 * on the server, and the new session's cookie and a new CSRF secret replace the old ones.
 */
export async function beginSession(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): Promise<void> {
  if (request.sessionToken !== null && request.sessionToken !== session.token) {
    await logOut(ctx, request.sessionToken);
  }
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
  request.user = session.user;
  request.sessionToken = session.token;
  request.sessionTokenHash = null;
  newCsrfSecret(request, reply);
}

/** After log-out: no session cookie, and a new CSRF secret. */
export function endSession(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions);
  request.user = null;
  request.sessionToken = null;
  request.sessionTokenHash = null;
  newCsrfSecret(request, reply);
}

/** This browser has logged in to this account: from now on it gets the owner's own log-in counter. */
export function rememberDevice(reply: FastifyReply, device: TrustedDevice): void {
  reply.setCookie(DEVICE_COOKIE, `${device.userId}.${device.nonce}`, {
    ...cookieOptions,
    maxAge: YEAR_SECONDS,
    signed: true,
  });
}

/** The device cookie, when its signature verifies (anything else is ignored). */
export function trustedDevice(request: FastifyRequest): TrustedDevice | null {
  const raw = request.cookies[DEVICE_COOKIE];
  if (raw === undefined || raw.length > 200) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  const match = /^([1-9]\d{0,9})\.([\w-]{16,43})$/.exec(unsigned.value);
  return match === null ? null : { userId: Number(match[1]), nonce: match[2]! };
}

const binding = (request: FastifyRequest): string => {
  // Not empty: the library treats an empty userInfo as missing.
  if (request.sessionToken === null) return 'no-session';
  // A session begun in this request has no hash computed yet.
  request.sessionTokenHash ??= hashToken(request.sessionToken);
  return request.sessionTokenHash;
};

/** A token for a form or a script, bound to this browser's secret and its session. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.csrfSecret === null) newCsrfSecret(request, reply);
  request.csrfIssued = true;
  return tokens.create(request.csrfSecret!, binding(request));
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

/** The secret that signs cookies, made once for the installation and kept in the database. */
async function cookieSecret(ctx: ServiceContext): Promise<string> {
  const existing = await ctx.repos.appState.get(COOKIE_SECRET_KEY);
  if (existing !== undefined) return existing;
  await ctx.repos.appState.claim(
    COOKIE_SECRET_KEY,
    randomBytes(32).toString('base64url'),
    ctx.clock.now().getTime(),
  );
  return (await ctx.repos.appState.get(COOKIE_SECRET_KEY))!;
}

async function sessionPlugin(app: FastifyInstance, { ctx }: { ctx: ServiceContext }): Promise<void> {
  await app.register(cookie, { secret: await cookieSecret(ctx) });
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfSecret', null);
  app.decorateRequest('csrfIssued', false);

  // A callback hook, not an async one: most requests carry no session and should cost nothing here.
  app.addHook('onRequest', (request, _reply, done) => {
    const secret = request.cookies[CSRF_COOKIE];
    if (secret !== undefined && /^[\w-]{16,64}$/.test(secret)) request.csrfSecret = secret;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) {
      done();
      return;
    }
    findSession(ctx, token).then((found) => {
      if (found !== null) {
        request.user = found.user;
        request.sessionToken = token;
        request.sessionTokenHash = found.tokenHash;
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
    if (
      request.csrfSecret === null ||
      token === undefined ||
      !tokens.verify(request.csrfSecret, token, binding(request))
    ) {
      throw new AppError(
        'forbidden',
        'This form has expired or did not come from Recall. Go back, reload the page and try again.',
      );
    }
  });

  // Pages and API answers made for one person must not be kept by the browser or any cache between.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.url.startsWith('/assets/')) {
      const personal = request.user !== null || request.sessionToken !== null;
      if (personal) void reply.header('cache-control', 'private, no-store');
      else if ((request.csrfIssued || reply.hasHeader('set-cookie')) && !reply.hasHeader('cache-control')) {
        void reply.header('cache-control', 'private, no-store');
      }
    }
    done(null, payload);
  });
}

export default fp(sessionPlugin, { name: 'recall-session' });
