/** Ratings: 1 to 5 stars, one per member per set, never on your own set; summaries are exact aggregates. */
import type { Repositories } from '../db/repositories/index.js';
import { canRate } from '../domain/card-set-access.js';
import { isStars, ratingSummary, type RatingSummary } from '../domain/community.js';
import { AppError } from '../domain/errors.js';
import type { Actor, Viewer } from '../domain/viewer.js';
import type { ServiceContext } from './context.js';
import { findSetToTakePartIn, findViewableSet } from './viewable-set.js';

export interface SetRating {
  summary: RatingSummary;
  /** The viewer's own stars, or null. */
  yours: number | null;
  canRate: boolean;
}

export async function summariseRatings(repos: Repositories, setId: number): Promise<RatingSummary> {
  const { sum, count } = await repos.ratings.summarise(setId);
  return ratingSummary(sum, count);
}

export async function loadSetRating(
  repos: Repositories,
  viewer: Viewer,
  setId: number,
  allowed: boolean,
): Promise<SetRating> {
  const summary = await summariseRatings(repos, setId);
  const yours = viewer === null ? undefined : await repos.ratings.findStars(setId, viewer.userId);
  return { summary, yours: yours ?? null, canRate: allowed };
}

export async function getSetRating(ctx: ServiceContext, viewer: Viewer, setId: number): Promise<SetRating> {
  const { facts } = await findViewableSet(ctx.repos, viewer, setId);
  return loadSetRating(ctx.repos, viewer, setId, canRate(viewer, facts));
}

/** Rates a set, or changes your rating. */
export async function rateCardSet(
  ctx: ServiceContext,
  actor: Actor,
  setId: number,
  stars: number,
): Promise<SetRating> {
  const { facts } = await findSetToTakePartIn(ctx.repos, actor, setId);
  if (!canRate(actor, facts)) {
    throw new AppError('forbidden', 'You cannot rate your own card set.');
  }
  if (!isStars(stars)) {
    throw new AppError('validation', 'Choose a rating.', [
      { field: 'stars', message: 'Choose from 1 to 5 stars.' },
    ]);
  }
  await ctx.transact(async (repos) => {
    await repos.ratings.upsert(setId, actor.userId, stars, ctx.clock.now().getTime());
    await repos.cardSets.refreshRatingStats(setId);
  });
  return loadSetRating(ctx.repos, actor, setId, true);
}

/** Takes your rating back (nothing happens if you had none). */
export async function removeRating(ctx: ServiceContext, actor: Actor, setId: number): Promise<SetRating> {
  const { facts } = await findViewableSet(ctx.repos, actor, setId);
  await ctx.transact(async (repos) => {
    await repos.ratings.delete(setId, actor.userId);
    await repos.cardSets.refreshRatingStats(setId);
  });
  return loadSetRating(ctx.repos, actor, setId, canRate(actor, facts));
}
