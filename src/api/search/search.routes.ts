import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { EXAM_BOARDS, LEVELS } from '../../domain/card-set.js';
import { highlightToHtml, highlightToText } from '../../formats/highlight-html.js';
import type { ServiceContext } from '../../services/context.js';
import { getCardSet } from '../../services/read-card-set.js';
import { findSimilarSets, searchCardSets, SEARCH_SORTS } from '../../services/search.js';
import { presentCardSetSummary } from '../presenters/card-set.presenter.js';
import { CardSetSummarySchema, SetIdParams } from '../sets/sets.schema.js';

const Choice = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

const SearchQuerystring = Type.Object({
  q: Type.String({
    maxLength: 200,
    default: '',
    description:
      'Words, "quoted phrases", -excluded words; the last word is a prefix. Empty with a tag: every set with it',
  }),
  tag: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Only sets with this tag, on the set or on one of its cards (any letter case)',
    }),
  ),
  subject: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Choice(LEVELS)),
  examBoard: Type.Optional(Choice(EXAM_BOARDS)),
  sort: Type.Optional(Choice(SEARCH_SORTS)),
  page: Type.Integer({ minimum: 1, maximum: 25, default: 1 }),
});

const SearchResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      set: CardSetSummarySchema,
      card: Type.Union([
        Type.Object({
          position: Type.Integer(),
          title: Type.Union([Type.String(), Type.Null()]),
          url: Type.String(),
        }),
        Type.Null(),
      ]),
      snippet: Type.String({ description: 'Plain text' }),
      snippetHtml: Type.String({ description: 'Escaped HTML with <mark> around matches' }),
    }),
  ),
  page: Type.Integer(),
  hasMore: Type.Boolean(),
});

export const searchRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/search',
    {
      schema: {
        summary: 'Search public card sets (and your own), best match first, naming the matching card',
        tags: ['search'],
        querystring: SearchQuerystring,
        response: { 200: SearchResponse },
      },
    },
    async (request) => {
      const outcome = await searchCardSets(ctx, request.user, request.query);
      return {
        results: outcome.results.map(({ set, card, snippet }) => {
          const summary = presentCardSetSummary(set);
          return {
            set: summary,
            card:
              card === null
                ? null
                : {
                    position: card.position,
                    title: card.title,
                    url: `${summary.links.html}#card-${card.position}`,
                  },
            snippet: highlightToText(snippet),
            snippetHtml: highlightToHtml(snippet),
          };
        }),
        page: outcome.page,
        hasMore: outcome.hasMore,
      };
    },
  );

  app.get(
    '/sets/:id/similar',
    {
      schema: {
        summary: 'Sets like this one: its most distinctive words, boosted for the same topic and subject',
        tags: ['search'],
        params: SetIdParams,
        response: { 200: Type.Object({ items: Type.Array(CardSetSummarySchema) }) },
      },
    },
    async (request) => {
      const set = await getCardSet(ctx, request.user, request.params.id);
      return { items: (await findSimilarSets(ctx, set)).map(presentCardSetSummary) };
    },
  );
};
