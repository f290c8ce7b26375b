import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { listCardSets } from '../../services/browse.js';
import {
  createCardSet,
  deleteCardSet,
  getEditableCardSet,
  updateCardSet,
} from '../../services/card-set-editing.js';
import type { ServiceContext } from '../../services/context.js';
import { getCardSet } from '../../services/read-card-set.js';
import { requireUser } from '../auth.js';
import { presentCardSet, presentCardSetSummary } from '../presenters/card-set.presenter.js';
import {
  CardSetSchema,
  CardSetWriteSchema,
  ListSetsQuery,
  ListSetsResponse,
  SetIdParams,
  UpdateCardSetSchema,
} from './sets.schema.js';

export const setsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/sets',
    {
      schema: {
        summary: 'List public card sets, newest first, by subject and topic',
        tags: ['sets'],
        querystring: ListSetsQuery,
        response: { 200: ListSetsResponse },
      },
    },
    async (request) => {
      const page = await listCardSets(ctx, request.query);
      return { items: page.items.map(presentCardSetSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/sets/:id',
    {
      schema: {
        summary: 'A card set with its cards (bodies in Markdown)',
        tags: ['sets'],
        params: SetIdParams,
        response: { 200: CardSetSchema },
      },
    },
    async (request) => presentCardSet(await getCardSet(ctx, request.user, request.params.id)),
  );

  app.post(
    '/sets',
    {
      schema: {
        summary: 'Create a card set',
        tags: ['sets'],
        body: CardSetWriteSchema,
        response: { 201: CardSetSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = await createCardSet(ctx, user, {
        ...request.body,
        cards: request.body.cards.map((card) => ({ ...card, id: null })),
      });
      return reply.code(201).send(presentCardSet(await getCardSet(ctx, user, id)));
    },
  );

  app.put(
    '/sets/:id',
    {
      schema: {
        summary: 'Replace a card set and its cards; `revision` must be the one you read (else 409)',
        description:
          'Cards with an `id` keep it (and the study progress on them); cards without one are new; cards left out are deleted. The order given is the new order.',
        tags: ['sets'],
        params: SetIdParams,
        body: UpdateCardSetSchema,
        response: { 200: CardSetSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { revision, ...edit } = request.body;
      await updateCardSet(ctx, user, request.params.id, revision, {
        ...edit,
        cards: edit.cards.map((card) => ({ ...card, id: card.id ?? null })),
      });
      return presentCardSet(await getCardSet(ctx, user, request.params.id));
    },
  );

  app.get(
    '/sets/:id/edit',
    {
      schema: {
        summary: 'A card set as its author edits it: card ids and the current revision',
        tags: ['sets'],
        params: SetIdParams,
        response: {
          200: Type.Object({
            revision: Type.Integer(),
            tags: Type.Array(Type.String()),
            cards: Type.Array(
              Type.Object({
                id: Type.Integer(),
                title: Type.Union([Type.String(), Type.Null()]),
                body: Type.String(),
                kind: Type.String(),
                reversible: Type.Boolean(),
                tags: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const editable = await getEditableCardSet(ctx, requireUser(request), request.params.id);
      return {
        revision: editable.revision,
        tags: editable.edit.tags ?? [],
        cards: editable.edit.cards.map((card) => ({
          id: card.id ?? 0,
          title: card.title,
          body: card.body,
          kind: card.kind ?? 'basic',
          reversible: card.reversible ?? false,
          tags: card.tags ?? [],
        })),
      };
    },
  );

  app.delete(
    '/sets/:id',
    {
      schema: {
        summary: 'Delete a card set',
        tags: ['sets'],
        params: SetIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteCardSet(ctx, requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
