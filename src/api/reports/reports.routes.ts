import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.js';
import { reportCardSet, reportComment } from '../../services/reports.js';
import { requireUser } from '../auth.js';
import { IdParams } from '../community.schema.js';
import { ReportCreatedSchema, ReportSchema } from './reports.schema.js';

/** Members report comments and sets to the moderators. */
export const reportsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.post(
    '/comments/:id/reports',
    {
      schema: {
        summary: 'Report a comment to the moderators (one open report per member per comment)',
        tags: ['reports'],
        params: IdParams,
        body: ReportSchema,
        response: { 201: ReportCreatedSchema },
      },
    },
    async (request, reply) => {
      const { id } = await reportComment(ctx, requireUser(request), request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/sets/:id/reports',
    {
      schema: {
        summary: 'Report a card set to the moderators (one open report per member per set)',
        tags: ['reports'],
        params: IdParams,
        body: ReportSchema,
        response: { 201: ReportCreatedSchema },
      },
    },
    async (request, reply) => {
      const { id } = await reportCardSet(ctx, requireUser(request), request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );
};
