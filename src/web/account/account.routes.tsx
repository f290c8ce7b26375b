import type { FastifyInstance } from 'fastify';
import { formFailure, redirectToLogin, safeNext } from '../form-handling.js';
import { changePassword, logOut, signUp } from '../../services/auth/accounts.js';
import { logIn, newDevice } from '../../services/auth/log-in.js';
import { emptyForm, readForm } from '../forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { clientAddress } from '../../http/client-address.js';
import { beginSession, endSession, rememberDevice, trustedDevice } from '../../http/session.plugin.js';
import { sendPage } from '../render.js';
import { ChangePasswordPage, LogInPage, LogOutPage, SignUpPage } from './account-pages.js';
import type { WebDeps } from '../route-deps.js';

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
    const values = readForm(request.body);
    // Back to where the visitor was (the set they were studying), as after logging in.
    const next = safeNext(values.next);
    try {
      const session = await signUp(
        ctx,
        {
          displayName: values.displayName ?? '',
          handle: values.handle ?? '',
          email: values.email ?? '',
          password: values.password ?? '',
        },
        clientAddress(request),
      );
      await beginSession(ctx, request, reply, session);
      rememberDevice(reply, newDevice(session.user.userId));
      setNotice(reply, `Welcome to Recall, ${session.user.displayName}.`);
      return reply.redirect(next, 303);
    } catch (error) {
      const { state, status } = formFailure(error, { ...values, password: '' }, reply);
      return sendPage(
        reply,
        <SignUpPage page={pageContext(request, reply, assets)} state={state} next={next} />,
        status,
      );
    }
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
    const values = readForm(request.body);
    const next = safeNext(values.next);
    try {
      const session = await logIn(
        ctx,
        { login: values.login ?? '', password: values.password ?? '' },
        { address: clientAddress(request), device: trustedDevice(request) },
      );
      await beginSession(ctx, request, reply, session);
      rememberDevice(reply, session.device);
      return reply.redirect(next, 303);
    } catch (error) {
      const { state, status } = formFailure(error, { login: (values.login ?? '').slice(0, 254) }, reply);
      return sendPage(
        reply,
        <LogInPage page={pageContext(request, reply, assets)} state={state} next={next} />,
        status,
      );
    }
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
    const values = readForm(request.body);
    try {
      const session = await changePassword(ctx, request.user, {
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      });
      await beginSession(ctx, request, reply, session);
      setNotice(reply, 'Your password has been changed. Other devices have been logged out.');
      return reply.redirect(`/users/${session.user.handle}`, 303);
    } catch (error) {
      const { state, status } = formFailure(error, {}, reply);
      return sendPage(
        reply,
        <ChangePasswordPage page={pageContext(request, reply, assets)} state={state} />,
        status,
      );
    }
  });
}
