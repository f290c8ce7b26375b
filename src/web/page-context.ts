import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AssetManifest } from './assets.js';
import { csrfToken } from '../http/session.plugin.js';
import { requestTheme } from './theme.js';
import type { PageContext } from './views/page-context.js';

const NOTICE_COOKIE = 'recall_notice';

/**
 * Shows `message` on the next page this browser loads (after a redirect). The cookie is signed: a notice
 * that Recall did not set is neither shown nor allowed to keep a visitor's page out of the page cache.
 */
export function setNotice(reply: FastifyReply, message: string): void {
  reply.setCookie(NOTICE_COOKIE, message.slice(0, 200), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
    signed: true,
  });
}

// cookies is missing when an error happens before the cookie plugin ran.
const rawNotice = (request: FastifyRequest): string | undefined =>
  (request.cookies as Record<string, string | undefined> | undefined)?.[NOTICE_COOKIE];

/** The notice Recall set for this browser, or null (none, or a value whose signature does not verify). */
function noticeOf(request: FastifyRequest): string | null {
  const raw = rawNotice(request);
  if (raw === undefined) return null;
  const { valid, value } = request.unsignCookie(raw);
  return valid ? value : null;
}

/** True when a notice Recall set waits to be shown: that page is this browser's alone. */
export function hasNotice(request: FastifyRequest): boolean {
  return noticeOf(request) !== null;
}

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  assets: AssetManifest,
): PageContext {
  const notice = rawNotice(request) === undefined ? null : noticeOf(request);
  if (rawNotice(request) !== undefined) reply.clearCookie(NOTICE_COOKIE, { path: '/' });
  return {
    assets,
    requestId: request.id,
    user: request.user,
    csrf: () => csrfToken(request, reply),
    notice,
    theme: requestTheme(request),
    path: request.url.split('?', 1)[0] ?? '/',
  };
}
