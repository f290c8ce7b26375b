/** Comments in the browser: post on the set page; reply, edit, delete and report each on a page of its own. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  deleteComment,
  editComment,
  getComment,
  getCommentToChange,
  getCommentToReplyTo,
  postComment,
} from '../../services/comments.js';
import { reportComment } from '../../services/reports.js';
import { postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm } from '../forms.js';
import { CommentForm, ReportForm } from './comment-forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { DeleteCommentPage, EditCommentPage, ReplyPage, ReportCommentPage } from './comment-pages.js';
import { cardSetUrl } from '../views/urls.js';
import { sendCardSetPageWithForms } from '../card-set/card-set-page-render.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const commentAnchor = (set: { id: number; slug: string }, commentId: number) =>
  `${cardSetUrl(set)}#comment-${commentId}`;

export async function commentRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { ctx, assets } = deps;

  app.post('/sets/:id/comments', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: CommentForm,
      change: ({ body }) => postComment(ctx, user, setId, { body }),
      done: (posted) => ({
        notice: 'Your comment has been posted.',
        to: commentAnchor(posted.cardSet, posted.id),
      }),
      rerender: (state, status) =>
        sendCardSetPageWithForms(deps, request, reply, setId, { comment: state }, status),
    });
  });

  app.get('/comments/:id/reply', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const found = await getCommentToReplyTo(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <ReplyPage page={pageContext(request, reply, assets)} found={found} state={emptyForm()} />,
    );
  });

  app.post('/comments/:id/reply', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const found = await getCommentToReplyTo(ctx, request.user, id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: CommentForm,
      change: ({ body }) => postComment(ctx, user, found.set.id, { body, replyTo: id }),
      done: (posted) => ({
        notice: 'Your reply has been posted.',
        to: commentAnchor(posted.cardSet, posted.id),
      }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <ReplyPage page={pageContext(request, reply, assets)} found={found} state={state} />,
          status,
        ),
    });
  });

  app.get('/comments/:id/edit', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const found = await getCommentToChange(ctx, request.user, Number(request.params.id), 'edit');
    return sendPage(
      reply,
      <EditCommentPage
        page={pageContext(request, reply, assets)}
        found={found}
        state={emptyForm({ body: found.comment.body ?? '' })}
      />,
    );
  });

  app.post('/comments/:id/edit', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: CommentForm,
      change: ({ body }) => editComment(ctx, user, id, { body }),
      done: (edited) => ({ notice: 'Your comment has been changed.', to: commentAnchor(edited.set, id) }),
      rerender: async (state, status) => {
        const found = await getCommentToChange(ctx, user, id, 'edit');
        return sendPage(
          reply,
          <EditCommentPage page={pageContext(request, reply, assets)} found={found} state={state} />,
          status,
        );
      },
    });
  });

  app.get('/comments/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const found = await getCommentToChange(ctx, request.user, Number(request.params.id), 'delete');
    return sendPage(reply, <DeleteCommentPage page={pageContext(request, reply, assets)} found={found} />);
  });

  app.post('/comments/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const { cardSet } = await deleteComment(ctx, request.user, Number(request.params.id));
    setNotice(reply, 'Your comment has been deleted.');
    return reply.redirect(`${cardSetUrl(cardSet)}#comments-heading`, 303);
  });

  app.get('/comments/:id/report', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const found = await getComment(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <ReportCommentPage page={pageContext(request, reply, assets)} found={found} state={emptyForm()} />,
    );
  });

  app.post('/comments/:id/report', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const found = await getComment(ctx, request.user, id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: ReportForm,
      change: ({ reason }) => reportComment(ctx, user, id, { reason }),
      done: () => ({
        notice: 'Thank you: the moderators will look at this comment.',
        to: commentAnchor(found.set, id),
      }),
      rerender: (state, status) =>
        sendPage(
          reply,
          <ReportCommentPage page={pageContext(request, reply, assets)} found={found} state={state} />,
          status,
        ),
    });
  });
}
