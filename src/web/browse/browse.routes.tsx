import type { FastifyInstance } from 'fastify';
import { getHomePage, getSubjectPage, getTopicPage, type ListingOrder } from '../../services/browse.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { getToday } from '../../services/study/today.js';
import { HomePage } from './home-page.js';
import { TodayPage } from '../study/today-page.js';
import { SubjectPage, TopicPage } from './listing-pages.js';
import { SLUG_PATTERN, type WebDeps } from '../route-deps.js';

const LISTING_PAGE_SIZE = 20;
const listingQuery = {
  type: 'object',
  properties: {
    after: { type: 'string', maxLength: 200 },
    order: { type: 'string', enum: ['newest', 'views', 'rating'] },
  },
} as const;

export async function browseRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  // A logged-in learner's home is Today; visitors (and anyone at /subjects) get the public home.
  app.get('/', async (request, reply) => {
    if (request.user !== null) {
      const view = await getToday(ctx, request.user);
      return sendPage(reply, <TodayPage page={pageContext(request, reply, assets)} view={view} />);
    }
    const data = await getHomePage(ctx);
    return sendPage(reply, <HomePage page={pageContext(request, reply, assets)} data={data} />);
  });

  app.get('/subjects', async (request, reply) => {
    const data = await getHomePage(ctx);
    return sendPage(reply, <HomePage page={pageContext(request, reply, assets)} data={data} />);
  });

  app.get<{ Params: { subject: string }; Querystring: { after?: string; order?: ListingOrder } }>(
    '/subjects/:subject',
    {
      schema: {
        params: { type: 'object', properties: { subject: { type: 'string', pattern: SLUG_PATTERN } } },
        querystring: listingQuery,
      },
    },
    async (request, reply) => {
      const data = await getSubjectPage(ctx, request.params.subject, {
        cursor: request.query.after,
        order: request.query.order,
        limit: LISTING_PAGE_SIZE,
      });
      return sendPage(reply, <SubjectPage page={pageContext(request, reply, assets)} data={data} />);
    },
  );

  app.get<{
    Params: { subject: string; topic: string };
    Querystring: { after?: string; order?: ListingOrder };
  }>(
    '/subjects/:subject/:topic',
    {
      schema: {
        params: {
          type: 'object',
          properties: {
            subject: { type: 'string', pattern: SLUG_PATTERN },
            topic: { type: 'string', pattern: SLUG_PATTERN },
          },
        },
        querystring: listingQuery,
      },
    },
    async (request, reply) => {
      const data = await getTopicPage(ctx, request.params.subject, request.params.topic, {
        cursor: request.query.after,
        order: request.query.order,
        limit: LISTING_PAGE_SIZE,
      });
      return sendPage(reply, <TopicPage page={pageContext(request, reply, assets)} data={data} />);
    },
  );
}
