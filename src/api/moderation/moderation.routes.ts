import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  hideCardSet,
  hideComment,
  listOpenReports,
  resolveReport,
  restoreCardSet,
  restoreComment,
} from '../../services/moderation.js';
import type { SessionUser } from '../../services/auth/accounts.js';
import { requireUser } from '../auth.js';
import { IdParams, NoContent } from '../community.schema.js';
import { presentReport } from '../presenters/community.presenter.js';
import { ReportQueueSchema } from './moderation.schema.js';

/** For moderators and admins (others: 403). */
export const moderationRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/moderation/reports',
    {
      schema: {
        summary: 'The queue of open reports on comments and sets',
        tags: ['moderation'],
        response: { 200: ReportQueueSchema },
      },
    },
    async (request) => {
      const queue = await listOpenReports(ctx, requireUser(request));
      return { items: queue.reports.map(presentReport), openCount: queue.openCount };
    },
  );

  const actions: [string, string, (user: SessionUser, id: number) => Promise<unknown>][] = [
    [
      '/moderation/comments/:id/hide',
      'Hide a comment (and resolve its open reports)',
      (user, id) => hideComment(ctx, user, id),
    ],
    [
      '/moderation/comments/:id/restore',
      'Show a hidden comment again',
      (user, id) => restoreComment(ctx, user, id),
    ],
    [
      '/moderation/sets/:id/hide',
      'Hide a card set from all but its author and the moderators (and resolve its open reports)',
      (user, id) => hideCardSet(ctx, user, id),
    ],
    [
      '/moderation/sets/:id/restore',
      'Show a hidden card set again',
      (user, id) => restoreCardSet(ctx, user, id),
    ],
    [
      '/moderation/reports/:id/resolve',
      'Resolve (dismiss) a report without acting on what was reported',
      (user, id) => resolveReport(ctx, user, id),
    ],
  ];
  for (const [path, summary, run] of actions) {
    app.post(
      path,
      { schema: { summary, tags: ['moderation'], params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await run(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  }
};
