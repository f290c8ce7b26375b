/** Reporting a card set to the moderators (comments are reported from comments.routes.tsx). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getSetToReport, reportCardSet } from '../../services/reports.js';
import { postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm } from '../forms.js';
import { ReportForm } from '../comments/comment-forms.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { ReportSetPage } from '../comments/comment-pages.js';
import { cardSetUrl } from '../views/urls.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export async function reportRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  // Three segments, so that it never shadows a set page (/sets/:id/:slug).
  app.get('/sets/:id/reports/new', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const set = await getSetToReport(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <ReportSetPage page={pageContext(request, reply, assets)} set={set} state={emptyForm()} />,
    );
  });

  app.post('/sets/:id/reports', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const set = await getSetToReport(ctx, request.user, Number(request.params.id));
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: ReportForm,
      change: ({ reason }) => reportCardSet(ctx, user, set.id, { reason }),
      done: () => ({ notice: 'Thank you: the moderators will look at this card set.', to: cardSetUrl(set) }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <ReportSetPage page={pageContext(request, reply, assets)} set={set} state={state} />,
          status,
        ),
    });
  });
}
