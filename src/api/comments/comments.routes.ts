import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  deleteComment,
  editComment,
  getComment,
  listComments,
  postComment,
} from '../../services/comments.js';
import type { ServiceContext } from '../../services/context.js';
import { requireUser } from '../auth.js';
import { IdParams, NoContent } from '../community.schema.js';
import { presentComment } from '../presenters/community.presenter.js';
import { CommentListSchema, CommentSchema, EditCommentSchema, NewCommentSchema } from './comments.schema.js';

/** Comments on sets: read, post, reply, edit and delete your own. */
export const commentsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/sets/:id/comments',
    {
      schema: {
        summary: "A set's comments as you may see them: conversations newest first, one level of replies",
        tags: ['comments'],
        params: IdParams,
        response: { 200: CommentListSchema },
      },
    },
    async (request) => {
      const { threads, truncated } = await listComments(ctx, request.user, request.params.id);
      return { items: threads.map(presentComment), truncated };
    },
  );

  app.post(
    '/sets/:id/comments',
    {
      schema: {
        summary: 'Comment on a set, or reply to a comment (10 per 10 minutes)',
        tags: ['comments'],
        params: IdParams,
        body: NewCommentSchema,
        response: { 201: CommentSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const posted = await postComment(ctx, user, request.params.id, request.body);
      const { comment } = await getComment(ctx, user, posted.id);
      return reply.code(201).send(presentComment(comment));
    },
  );

  app.patch(
    '/comments/:id',
    {
      schema: {
        summary: 'Change the text of your own comment (it shows as edited)',
        tags: ['comments'],
        params: IdParams,
        body: EditCommentSchema,
        response: { 200: CommentSchema },
      },
    },
    async (request) => {
      const { comment } = await editComment(ctx, requireUser(request), request.params.id, request.body);
      return presentComment(comment);
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        summary: 'Delete your own comment (with replies, it stays as "[deleted]")',
        tags: ['comments'],
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteComment(ctx, requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
