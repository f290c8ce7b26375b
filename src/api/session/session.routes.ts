import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { logIn, logOut } from '../../services/auth/accounts.js';
import type { ServiceContext } from '../../services/context.js';
import { clearSessionCookie, csrfToken, setSessionCookie } from '../../http/session.plugin.js';

const SessionSchema = Type.Object({
  user: Type.Union([
    Type.Object({ handle: Type.String(), displayName: Type.String(), role: Type.String() }),
    Type.Null(),
  ]),
  csrfToken: Type.String({
    description: 'Send as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE.',
  }),
});

export const sessionRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/session',
    {
      schema: {
        summary: 'Who is logged in, and a CSRF token for changes made with the session cookie',
        tags: ['session'],
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => ({
      user:
        request.user === null
          ? null
          : { handle: request.user.handle, displayName: request.user.displayName, role: request.user.role },
      csrfToken: csrfToken(request, reply),
    }),
  );

  app.post(
    '/session',
    {
      schema: {
        summary: 'Log in (sets the session cookie)',
        tags: ['session'],
        body: Type.Object({
          login: Type.String({ maxLength: 254 }),
          password: Type.String({ maxLength: 200 }),
        }),
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const session = await logIn(ctx, request.body, request.ip);
      setSessionCookie(reply, session);
      const { handle, displayName, role } = session.user;
      return { user: { handle, displayName, role }, csrfToken: csrfToken(request, reply) };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        summary: 'Log out (ends the session on the server)',
        tags: ['session'],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (request.sessionToken !== null) await logOut(ctx, request.sessionToken);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
