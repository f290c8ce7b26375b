import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { logOut } from '../../services/auth/accounts.js';
import { logIn } from '../../services/auth/log-in.js';
import type { ServiceContext } from '../../services/context.js';
import { clientAddress } from '../../http/client-address.js';
import {
  beginSession,
  csrfToken,
  endSession,
  rememberDevice,
  trustedDevice,
} from '../../http/session.plugin.js';

const SessionSchema = Type.Object({
  user: Type.Union([
    Type.Object({ handle: Type.String(), displayName: Type.String(), role: Type.String() }),
    Type.Null(),
  ]),
  csrfToken: Type.String({
    description:
      'Send as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE. It is bound to the session: ' +
      'after logging in or out, use the token that answer gives.',
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
        summary: 'Log in (sets the session cookie; answers with a new CSRF token)',
        description:
          'Failed attempts are throttled per account and client with growing delays (429 with ' +
          'Retry-After); a browser that has logged in to the account before keeps its own allowance.',
        tags: ['session'],
        body: Type.Object({
          login: Type.String({ maxLength: 254 }),
          password: Type.String({ maxLength: 200 }),
        }),
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const session = await logIn(ctx, request.body, {
        address: clientAddress(request),
        device: trustedDevice(request),
      });
      await beginSession(ctx, request, reply, session);
      rememberDevice(reply, session.device);
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
      endSession(request, reply);
      return reply.code(204).send(null);
    },
  );
};
