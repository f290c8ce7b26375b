import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getCardSet, getCardSetPage } from '../../services/read-card-set.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { CardSetPage } from '../views/card-set-page.js';
import { cardSetUrl } from '../views/urls.js';
import { idParams, type WebDeps } from './route-deps.js';

const queryString = (request: FastifyRequest) => {
  const index = request.url.indexOf('?');
  return index === -1 ? '' : request.url.slice(index);
};

export async function cardSetRoutes(app: FastifyInstance, { ctx, assets, views }: WebDeps): Promise<void> {
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
      const data = await getCardSetPage(ctx, request.user, Number(request.params.id));
      const { set } = data;
      if (request.params.slug !== set.slug) {
        return reply.redirect(cardSetUrl(set) + queryString(request), 301);
      }
      views.record(set.id);
      return sendPage(
        reply,
        <CardSetPage
          page={pageContext(request, reply, assets)}
          data={data}
          viewCount={set.viewCount + views.unflushed(set.id)}
        />,
      );
    },
  );
}
