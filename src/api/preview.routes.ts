import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { LIMITS } from '../domain/card-set.js';
import { renderMarkdown } from '../formats/render-markdown.js';

/** The editor's live preview: Markdown rendered exactly as the set page renders it. */
export const previewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/preview',
    {
      schema: {
        summary: "Render a card body's Markdown to HTML (raw HTML off, links only http(s)/mailto)",
        tags: ['cards'],
        body: Type.Object(
          { markdown: Type.String({ maxLength: LIMITS.cardBodyLength }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ html: Type.String() }) },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown) }),
  );
};
