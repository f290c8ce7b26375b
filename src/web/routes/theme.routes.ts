/**
 * POST /theme: the theme toggle without JavaScript. Sets the theme cookie (or clears it: "system"
 * follows the device again) and sends the browser back to the page the form was on.
 *
 * The form carries no CSRF token: it sits in the top bar of pages cached for every visitor, which cannot
 * hold a token per browser. Requests from other sites are still refused (the session plugin's
 * Sec-Fetch-Site / Origin check), and all a forged one could do is change the colours of the
 * sender's own pages.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { formPage } from '../form-handling.js';
import { isTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_S } from '../theme.js';
import type { WebDeps } from './route-deps.js';

const cookieOptions = { path: '/', sameSite: 'lax', secure: 'auto', httpOnly: false } as const;

export async function themeRoutes(app: FastifyInstance, _deps: WebDeps): Promise<void> {
  app.post<{ Body: { theme?: string } }>(
    '/theme',
    {
      config: { csrfToken: false },
      schema: {
        body: {
          type: 'object',
          properties: { theme: { type: 'string', maxLength: 10 } },
        },
      },
    },
    async (request, reply) => {
      const theme = request.body?.theme;
      if (isTheme(theme)) {
        void reply.setCookie(THEME_COOKIE, theme, { ...cookieOptions, maxAge: THEME_COOKIE_MAX_AGE_S });
      } else if (theme === 'system') {
        void reply.clearCookie(THEME_COOKIE, cookieOptions);
      } else {
        throw new AppError('validation', 'Choose a theme: light, dark or system.', [
          { field: 'theme', message: 'Light, dark or system.' },
        ]);
      }
      return reply.redirect(formPage(request), 303);
    },
  );
}
