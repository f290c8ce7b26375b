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
import { formFailure, redirectToLogin } from '../form-handling.js';
import { emptyForm, readForm } from '../forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { DeleteCommentPage, EditCommentPage, ReplyPage, ReportCommentPage } from './comment-pages.js';
import { cardSetUrl } from '../views/urls.js';
import { sendCardSetPageWithForms, textareaValue } from '../card-set/card-set-page-render.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const commentAnchor = (set: { id: number; slug: string }, commentId: number) =>
  `${cardSetUrl(set)}#comment-${commentId}`;

export async function commentRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { ctx, assets } = deps;

  app.post('/sets/:id/comments', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    const values = readForm(request.body);
    const body = textareaValue(values.body);
    try {
      const posted = await postComment(ctx, request.user, setId, { body });
      setNotice(reply, 'Your comment has been posted.');
      return reply.redirect(commentAnchor(posted.cardSet, posted.id), 303);
    } catch (error) {
      const { state, status } = formFailure(error, { body }, reply);
      return sendCardSetPageWithForms(deps, request, reply, setId, { comment: state }, status);
    }
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
    const body = textareaValue(readForm(request.body).body);
    try {
      const posted = await postComment(ctx, request.user, found.set.id, { body, replyTo: id });
      setNotice(reply, 'Your reply has been posted.');
      return reply.redirect(commentAnchor(posted.cardSet, posted.id), 303);
    } catch (error) {
      const { state, status } = formFailure(error, { body }, reply);
      return sendPage(
        reply,
        <ReplyPage page={pageContext(request, reply, assets)} found={found} state={state} />,
        status,
      );
    }
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
    const body = textareaValue(readForm(request.body).body);
    try {
      const edited = await editComment(ctx, request.user, id, { body });
      setNotice(reply, 'Your comment has been changed.');
      return reply.redirect(commentAnchor(edited.set, id), 303);
    } catch (error) {
      const { state, status } = formFailure(error, { body }, reply);
      const found = await getCommentToChange(ctx, request.user, id, 'edit');
      return sendPage(
        reply,
        <EditCommentPage page={pageContext(request, reply, assets)} found={found} state={state} />,
        status,
      );
    }
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
    const reason = textareaValue(readForm(request.body).reason);
    try {
      await reportComment(ctx, request.user, id, { reason });
      setNotice(reply, 'Thank you: the moderators will look at this comment.');
      return reply.redirect(commentAnchor(found.set, id), 303);
    } catch (error) {
      const { state, status } = formFailure(error, { reason }, reply);
      return sendPage(
        reply,
        <ReportCommentPage page={pageContext(request, reply, assets)} found={found} state={state} />,
        status,
      );
    }
  });
}
