/** Rating a set from its page: a plain form of radio buttons, then back to the set. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateCardSet, removeRating } from '../../services/ratings.js';
import { getSetLink } from '../../services/viewable-set.js';
import { postThenRedirect, redirectToLogin } from '../form-handling.js';
import { readForm } from '../forms.js';
import { setNotice } from '../page-context.js';
import { cardSetUrl } from '../views/urls.js';
import { plural } from '../views/format.js';
import { sendCardSetPageWithForms } from './card-set-page-render.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export async function ratingRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { ctx } = deps;

  app.post('/sets/:id/rating', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    const stars = readForm(request.body).stars ?? '';
    const user = request.user;
    return postThenRedirect(reply, {
      kept: {},
      change: async () => {
        await rateCardSet(ctx, user, setId, /^[1-5]$/.test(stars) ? Number(stars) : Number.NaN);
        return getSetLink(ctx, user, setId);
      },
      done: (set) => ({
        notice: `You rated this set ${plural(Number(stars), 'star')}.`,
        to: `${cardSetUrl(set)}#rate`,
      }),
      rerender: (state, status) =>
        sendCardSetPageWithForms(deps, request, reply, setId, { rating: state }, status),
    });
  });

  app.post('/sets/:id/rating/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    await removeRating(ctx, request.user, setId);
    const set = await getSetLink(ctx, request.user, setId);
    setNotice(reply, 'Your rating has been removed.');
    return reply.redirect(`${cardSetUrl(set)}#rate`, 303);
  });
}
