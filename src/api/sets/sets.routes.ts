import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listCardSets } from '../../services/browse.js';
import type { ServiceContext } from '../../services/context.js';
import { getCardSet } from '../../services/read-card-set.js';
import { presentCardSet, presentCardSetSummary } from '../presenters/card-set.presenter.js';
import { CardSetSchema, ListSetsQuery, ListSetsResponse, SetIdParams } from './sets.schema.js';

export const setsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/sets',
    { schema: { querystring: ListSetsQuery, response: { 200: ListSetsResponse } } },
    async (request) => {
      const page = await listCardSets(ctx, request.query);
      return { items: page.items.map(presentCardSetSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/sets/:id',
    { schema: { params: SetIdParams, response: { 200: CardSetSchema } } },
    async (request) => presentCardSet(await getCardSet(ctx, null, request.params.id)),
  );
};
