import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AssetManifest } from './assets.js';
import { csrfToken } from '../http/session.plugin.js';
import { requestTheme } from './theme.js';
import type { PageContext } from './views/page-context.js';

const NOTICE_COOKIE = 'recall_notice';

/** Shows `message` on the next page this browser loads (after a redirect). */
export function setNotice(reply: FastifyReply, message: string): void {
  reply.setCookie(NOTICE_COOKIE, message.slice(0, 200), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

/** True when a notice waits to be shown: that page is this browser's alone. */
export function hasNotice(request: FastifyRequest): boolean {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[NOTICE_COOKIE] !== undefined;
}

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  assets: AssetManifest,
): PageContext {
  // cookies is missing when an error happens before the cookie plugin ran.
  const notice = (request.cookies as Record<string, string | undefined> | undefined)?.[NOTICE_COOKIE] ?? null;
  if (notice !== null) reply.clearCookie(NOTICE_COOKIE, { path: '/' });
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
