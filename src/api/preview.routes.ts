import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CARD_KINDS, LIMITS, type CardKind } from '../domain/card-set.js';
import { renderCardBody } from '../formats/render-markdown.js';

/** The editor's live preview: Markdown rendered exactly as the set page renders it. */
export const previewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/preview',
    {
      schema: {
        summary:
          "Render a card body's Markdown to HTML as the set page does (raw HTML off, links only http(s)/mailto)",
        tags: ['cards'],
        body: Type.Object(
          {
            markdown: Type.String({ maxLength: LIMITS.cardBodyLength }),
            kind: Type.Optional(
              Type.Unsafe<CardKind>({
                type: 'string',
                enum: [...CARD_KINDS],
                description: 'cloze: deletions {{c1::…}} are shown marked, as on the set page',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ html: Type.String() }) },
      },
    },
    async (request) => ({
      html: renderCardBody({ kind: request.body.kind ?? 'basic', body: request.body.markdown }),
    }),
  );
};
