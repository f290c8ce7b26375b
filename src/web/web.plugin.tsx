/** The HTML pages: server-rendered, complete without JavaScript. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSimilarSets, getCardSet } from '../services/read-card-set.js';
import { getHomePage, getSubjectPage, getTopicPage } from '../services/browse.js';
import type { ServiceContext } from '../services/context.js';
import type { ViewCounter } from '../services/view-counter.js';
import type { AssetManifest } from './assets.js';
import { sendPage } from './render.js';
import { CardSetPage } from './views/card-set-page.js';
import { HomePage } from './views/home-page.js';
import { SubjectPage, TopicPage } from './views/listing-pages.js';
import type { PageContext } from './views/page-context.js';
import { cardSetUrl } from './views/urls.js';

export interface WebOptions {
  ctx: ServiceContext;
  assets: AssetManifest;
  views: ViewCounter;
}

const LISTING_PAGE_SIZE = 20;

/** Ids in paths are positive integers; anything else is a page that does not exist. */
const ID_PATTERN = '^[1-9][0-9]{0,9}$';
const SLUG_PATTERN = '^[a-z0-9-]{1,100}$';

const queryString = (request: FastifyRequest) => {
  const index = request.url.indexOf('?');
  return index === -1 ? '' : request.url.slice(index);
};

export function pageContext(request: FastifyRequest, assets: AssetManifest): PageContext {
  return { assets, requestId: request.id };
}

export async function webPlugin(app: FastifyInstance, { ctx, assets, views }: WebOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: assets.directory,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
    index: false,
    // The directory may be missing before the first build; pages still render.
    allowedPath: (path) => !path.includes('..'),
  });

  app.get('/', async (request, reply) => {
    const data = await getHomePage(ctx);
    return sendPage(reply, <HomePage page={pageContext(request, assets)} data={data} />);
  });

  app.get<{ Params: { id: string } }>(
    '/sets/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: ID_PATTERN } } } } },
    async (request, reply) => {
      const set = await getCardSet(ctx, null, Number(request.params.id));
      return reply.redirect(cardSetUrl(set) + queryString(request), 301);
    },
  );

  app.get<{ Params: { id: string; slug: string } }>(
    '/sets/:id/:slug',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: ID_PATTERN } } } } },
    async (request, reply) => {
      const set = await getCardSet(ctx, null, Number(request.params.id));
      if (request.params.slug !== set.slug)
        return reply.redirect(cardSetUrl(set) + queryString(request), 301);
      const similar = await findSimilarSets(ctx, set);
      views.record(set.id);
      return sendPage(
        reply,
        <CardSetPage
          page={pageContext(request, assets)}
          set={set}
          similar={similar}
          viewCount={set.viewCount + views.unflushed(set.id)}
        />,
      );
    },
  );

  const listingQuery = {
    type: 'object',
    properties: { after: { type: 'string', maxLength: 200 } },
  } as const;

  app.get<{ Params: { subject: string }; Querystring: { after?: string } }>(
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
        limit: LISTING_PAGE_SIZE,
      });
      return sendPage(reply, <SubjectPage page={pageContext(request, assets)} data={data} />);
    },
  );

  app.get<{ Params: { subject: string; topic: string }; Querystring: { after?: string } }>(
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
        limit: LISTING_PAGE_SIZE,
      });
      return sendPage(reply, <TopicPage page={pageContext(request, assets)} data={data} />);
    },
  );
}
