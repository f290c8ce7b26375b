import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ACCOUNT_LIMITS } from '../../domain/account.js';
import { postThenRedirect, redirectToLogin, safeNext } from '../form-handling.js';
import { FormText, postedValues } from '../form-body.js';
import { changePassword, logOut, signUp } from '../../services/auth/accounts.js';
import { logIn, newDevice } from '../../services/auth/log-in.js';
import { emptyForm } from '../forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { clientAddress } from '../../http/client-address.js';
import { beginSession, endSession, rememberDevice, trustedDevice } from '../../http/session.plugin.js';
import { sendPage } from '../render.js';
import { ChangePasswordPage, LogInPage, LogOutPage, SignUpPage } from './account-pages.js';
import type { WebDeps } from '../route-deps.js';

/** Where to go afterwards: a path of this site (safeNext checks it). */
const next = FormText(2000);
const password = FormText(ACCOUNT_LIMITS.passwordMax);

const SignUpForm = Type.Object({
  displayName: FormText(ACCOUNT_LIMITS.displayNameMax),
  handle: FormText(ACCOUNT_LIMITS.handleMax),
  email: FormText(ACCOUNT_LIMITS.emailMax),
  password,
  next,
});

/** A handle or an email address, and the password. */
const LogInForm = Type.Object({ login: FormText(ACCOUNT_LIMITS.emailMax), password, next });

const ChangePasswordForm = Type.Object({ currentPassword: password, newPassword: password });

export async function accountRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get<{ Querystring: { next?: string } }>('/signup', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.user !== null) return reply.redirect(next, 303);
    return sendPage(
      reply,
      <SignUpPage page={pageContext(request, reply, assets)} state={emptyForm()} next={next} />,
    );
  });

  app.post('/signup', async (request, reply) => {
    // Back to where the visitor was (the set they were studying), as after logging in.
    const next = safeNext(postedValues(request.body).next);
    return postThenRedirect(request, reply, {
      body: SignUpForm,
      keep: (posted) => ({ ...posted, password: '' }),
      change: async ({ next: _next, ...account }) => {
        const session = await signUp(ctx, account, clientAddress(request));
        await beginSession(ctx, request, reply, session);
        rememberDevice(reply, newDevice(session.user.userId));
        return session;
      },
      done: (session) => ({ notice: `Welcome to Recall, ${session.user.displayName}.`, to: next }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <SignUpPage page={pageContext(request, reply, assets)} state={state} next={next} />,
          status,
        ),
    });
  });

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.user !== null) return reply.redirect(next, 303);
    return sendPage(
      reply,
      <LogInPage page={pageContext(request, reply, assets)} state={emptyForm()} next={next} />,
    );
  });

  app.post('/login', async (request, reply) => {
    const next = safeNext(postedValues(request.body).next);
    return postThenRedirect(request, reply, {
      body: LogInForm,
      keep: (posted) => ({ login: (posted.login ?? '').slice(0, ACCOUNT_LIMITS.emailMax) }),
      change: async ({ login, password }) => {
        const session = await logIn(
          ctx,
          { login, password },
          { address: clientAddress(request), device: trustedDevice(request) },
        );
        await beginSession(ctx, request, reply, session);
        rememberDevice(reply, session.device);
      },
      done: () => ({ to: next }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <LogInPage page={pageContext(request, reply, assets)} state={state} next={next} />,
          status,
        ),
    });
  });

  app.get('/logout', async (request, reply) =>
    sendPage(reply, <LogOutPage page={pageContext(request, reply, assets)} />),
  );

  app.post('/logout', async (request, reply) => {
    if (request.sessionToken !== null) await logOut(ctx, request.sessionToken);
    endSession(request, reply);
    setNotice(reply, 'You have logged out.');
    return reply.redirect('/', 303);
  });

  app.get('/me/password', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return sendPage(
      reply,
      <ChangePasswordPage page={pageContext(request, reply, assets)} state={emptyForm()} />,
    );
  });

  app.post('/me/password', async (request, reply) => {
    if (request.user === null || request.sessionToken === null) return redirectToLogin(request, reply);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: ChangePasswordForm,
      keep: () => ({}),
      change: async (passwords) => {
        const session = await changePassword(ctx, user, passwords);
        await beginSession(ctx, request, reply, session);
        return session;
      },
      done: (session) => ({
        notice: 'Your password has been changed. Other devices have been logged out.',
        to: `/users/${session.user.handle}`,
      }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <ChangePasswordPage page={pageContext(request, reply, assets)} state={state} />,
          status,
        ),
    });
  });
}
