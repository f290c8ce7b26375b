/** /moderation for moderators and admins: the report queue, and hide / restore / resolve as plain forms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../services/auth/accounts.js';
import {
  hideCardSet,
  hideComment,
  listOpenReports,
  resolveReport,
  restoreCardSet,
  restoreComment,
} from '../../services/moderation.js';
import { redirectToLogin, safeNext } from '../form-handling.js';
import Type from 'typebox';
import { FormText, readFormBody } from '../form-body.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { ModerationPage } from './moderation-page.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Where the button was: the page to go back to. */
const BackForm = Type.Object({ next: FormText(2000) });

export async function moderationRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get('/moderation', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const queue = await listOpenReports(ctx, request.user);
    return sendPage(reply, <ModerationPage page={pageContext(request, reply, assets)} queue={queue} />);
  });

  /** Every action answers the same way: do it, say so, go back to where the button was. */
  const action = (path: string, run: (user: SessionUser, id: number) => Promise<unknown>, notice: string) =>
    app.post(path, { schema: { params: idParams } }, async (request: IdRequest, reply: FastifyReply) => {
      if (request.user === null) return redirectToLogin(request, reply);
      await run(request.user, Number(request.params.id));
      setNotice(reply, notice);
      const { next } = readFormBody(BackForm, request.body);
      return reply.redirect(safeNext(next === '' ? '/moderation' : next), 303);
    });

  action('/moderation/comments/:id/hide', (user, id) => hideComment(ctx, user, id), 'The comment is hidden.');
  action(
    '/moderation/comments/:id/restore',
    (user, id) => restoreComment(ctx, user, id),
    'The comment is restored.',
  );
  action('/moderation/sets/:id/hide', (user, id) => hideCardSet(ctx, user, id), 'The card set is hidden.');
  action(
    '/moderation/sets/:id/restore',
    (user, id) => restoreCardSet(ctx, user, id),
    'The card set is restored.',
  );
  action(
    '/moderation/reports/:id/resolve',
    (user, id) => resolveReport(ctx, user, id),
    'The report is resolved.',
  );
}
