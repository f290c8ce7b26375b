/** Rating a set from its page: a plain form of radio buttons, then back to the set. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateCardSet, removeRating } from '../../services/ratings.js';
import { getSetLink } from '../../services/viewable-set.js';
import { postThenRedirect, redirectToLogin } from '../form-handling.js';
import Type from 'typebox';
import { setNotice } from '../page-context.js';
import { cardSetUrl } from '../views/urls.js';
import { plural } from '../views/format.js';
import { sendCardSetPageWithForms } from './card-set-page-render.js';
import { idParams, type WebDeps } from '../route-deps.js';

const RatingForm = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5, problem: 'Choose from 1 to 5 stars.' }),
});

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export async function ratingRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { ctx } = deps;

  app.post('/sets/:id/rating', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: RatingForm,
      keep: () => ({}),
      change: async ({ stars }) => {
        await rateCardSet(ctx, user, setId, stars);
        return getSetLink(ctx, user, setId);
      },
      done: (set, { stars }) => ({
        notice: `You rated this set ${plural(stars, 'star')}.`,
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
