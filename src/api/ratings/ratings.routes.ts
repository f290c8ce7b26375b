import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.js';
import { getSetRating, rateCardSet, removeRating } from '../../services/ratings.js';
import { requireUser } from '../auth.js';
import { IdParams, NoContent } from '../community.schema.js';
import { presentSetRating } from '../presenters/community.presenter.js';
import { RateSchema, SetRatingSchema } from './ratings.schema.js';

export const ratingsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/sets/:id/rating',
    {
      schema: {
        summary: "A set's rating: average stars, how many ratings, and yours",
        tags: ['ratings'],
        params: IdParams,
        response: { 200: SetRatingSchema },
      },
    },
    async (request) => presentSetRating(await getSetRating(ctx, request.user, request.params.id)),
  );

  app.put(
    '/sets/:id/rating',
    {
      schema: {
        summary: 'Rate a set 1–5 stars, or change your rating (not your own set)',
        tags: ['ratings'],
        params: IdParams,
        body: RateSchema,
        response: { 200: SetRatingSchema },
      },
    },
    async (request) =>
      presentSetRating(await rateCardSet(ctx, requireUser(request), request.params.id, request.body.stars)),
  );

  app.delete(
    '/sets/:id/rating',
    {
      schema: {
        summary: 'Remove your rating of a set',
        tags: ['ratings'],
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeRating(ctx, requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
