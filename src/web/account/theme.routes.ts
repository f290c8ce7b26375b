/**
 * GET /theme?theme=dark|light|system: the theme toggle without JavaScript. Sets the theme cookie (or
 * clears it: "system" follows the device again) and sends the browser back to the page it was on.
 *
 * A GET form, not a POST: the toggle sits in the top bar of pages cached for every visitor, which cannot
 * carry a CSRF token per browser, and all it changes is a preference kept in the asker's own browser
 * (nothing on the server), as a language switcher does. A request that another site started changes
 * nothing; the response is never cached.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { safeNext } from '../form-handling.js';
import { isTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_S } from '../theme.js';
import type { WebDeps } from '../route-deps.js';

const cookieOptions = { path: '/', sameSite: 'lax', secure: 'auto', httpOnly: false } as const;

export async function themeRoutes(app: FastifyInstance, _deps: WebDeps): Promise<void> {
  app.get<{ Querystring: { theme?: string } }>(
    '/theme',
    {
      schema: {
        querystring: { type: 'object', properties: { theme: { type: 'string', maxLength: 10 } } },
      },
    },
    async (request, reply) => {
      const { theme } = request.query;
      if (!isTheme(theme) && theme !== 'system') {
        throw new AppError('validation', 'Choose a theme: light, dark or system.', [
          { field: 'theme', message: 'Light, dark or system.' },
        ]);
      }
      void reply.header('cache-control', 'no-store');
      if (request.headers['sec-fetch-site'] === 'cross-site') return reply.redirect('/', 303);
      if (theme === 'system') void reply.clearCookie(THEME_COOKIE, cookieOptions);
      else void reply.setCookie(THEME_COOKIE, theme, { ...cookieOptions, maxAge: THEME_COOKIE_MAX_AGE_S });
      return reply.redirect(pageBefore(request.headers.referer, request.hostname), 303);
    },
  );
}

/** The page the toggle was on, when the browser says which it was and it is one of ours; else home. */
function pageBefore(referer: string | undefined, hostname: string): string {
  if (referer === undefined) return '/';
  try {
    const url = new URL(referer);
    return url.hostname === hostname ? safeNext(url.pathname + url.search) : '/';
  } catch {
    return '/';
  }
}
