import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getCardSet, getCardSetPage } from '../../services/read-card-set.js';
import { clientAddress } from '../../http/client-address.js';
import { pageContext } from '../page-context.js';
import { renderDocument } from '../render.js';
import { formatViews, SetPageCache } from './set-page-cache.js';
import { lookUpSetPage } from './set-page-lookup.js';
import { CardSetPage } from './card-set-page.js';
import { cardSetUrl } from '../views/urls.js';
import { idParams, type WebDeps } from '../route-deps.js';

/** Who counts as one viewer: a member by account, anyone else by address (see services/view-counter.ts). */
const viewer = (request: FastifyRequest): string =>
  request.user === null ? `a:${clientAddress(request)}` : `u:${request.user.userId}`;

const queryString = (request: FastifyRequest) => {
  const index = request.url.indexOf('?');
  return index === -1 ? '' : request.url.slice(index);
};

export async function cardSetRoutes(app: FastifyInstance, { ctx, assets, views }: WebDeps): Promise<void> {
  const cache = new SetPageCache();

  app.get<{ Params: { id: string } }>(
    '/sets/:id',
    { schema: { params: idParams } },
    async (request, reply) => {
      const set = await getCardSet(ctx, request.user, Number(request.params.id));
      return reply.redirect(cardSetUrl(set) + queryString(request), 301);
    },
  );

  app.get<{ Params: { id: string; slug: string } }>(
    '/sets/:id/:slug',
    { schema: { params: idParams } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const lookup = await lookUpSetPage(ctx, cache, request, id, request.params.slug);
      if (lookup.cached !== undefined) {
        views.record(id, viewer(request));
        return reply.type('text/html; charset=utf-8').send(lookup.cached);
      }
      const data = await getCardSetPage(ctx, request.user, id);
      const { set } = data;
      if (request.params.slug !== set.slug) {
        return reply.redirect(cardSetUrl(set) + queryString(request), 301);
      }
      views.record(set.id, viewer(request));
      const html = renderDocument(
        <CardSetPage
          page={pageContext(request, reply, assets)}
          data={data}
          views={formatViews(set.viewCount + views.unflushed(set.id))}
        />,
      );
      return reply.type('text/html; charset=utf-8').send(lookup.keep(html, set.slug));
    },
  );
}
