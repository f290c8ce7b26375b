import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { getCatalogueNames } from '../../services/browse.js';
import { SEARCH_SORTS, searchCardSets, type SearchInput, type SearchSort } from '../../services/search.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { SearchPage, SearchResults } from './search-page.js';
import type { WebDeps } from '../route-deps.js';

interface SearchQuerystring {
  q?: string;
  subject?: string;
  topic?: string;
  level?: string;
  examBoard?: string;
  tag?: string;
  sort?: string;
  page?: string;
  /** "results": only the results region, for search as you type. */
  part?: string;
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

export async function searchRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get<{ Querystring: SearchQuerystring }>(
    '/search',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: text(200),
            subject: text(100),
            topic: text(100),
            level: text(20),
            examBoard: text(20),
            tag: text(200),
            sort: text(20),
            page: { type: 'string', pattern: '^[0-9]{1,3}$' },
            part: text(10),
          },
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const input: SearchInput = {
        q: query.q ?? '',
        subject: query.subject,
        topic: query.topic,
        level: query.level,
        examBoard: query.examBoard,
        tag: query.tag?.trim() || undefined,
        sort: SEARCH_SORTS.includes(query.sort as SearchSort) ? (query.sort as SearchSort) : 'relevance',
        page: query.page === undefined ? 1 : Number(query.page),
      };
      const outcome =
        input.q.trim() === '' && input.tag === undefined
          ? null
          : await searchCardSets(ctx, request.user, input);
      if (query.part === 'results') {
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderToString(<SearchResults input={input} outcome={outcome} />));
      }
      const { subjects } = await getCatalogueNames(ctx);
      return sendPage(
        reply,
        <SearchPage
          page={pageContext(request, reply, assets)}
          input={input}
          outcome={outcome}
          subjects={subjects}
        />,
      );
    },
  );
}
