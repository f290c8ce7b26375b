/** A learner's study settings: how many new cards a day (default 20). */
import type { Repositories } from '../../db/repositories/index.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';

export const DEFAULT_NEW_CARDS_PER_DAY = 20;
export const MAX_NEW_CARDS_PER_DAY = 500;

export async function getNewCardsPerDay(repos: Repositories, actor: Actor): Promise<number> {
  return (await repos.study.findNewCardsPerDay(actor.userId)) ?? DEFAULT_NEW_CARDS_PER_DAY;
}

/** Sets the daily new-card limit; `value` as typed in the form. */
export async function saveNewCardsPerDay(ctx: ServiceContext, actor: Actor, value: string): Promise<number> {
  const text = value.trim();
  const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 0 || count > MAX_NEW_CARDS_PER_DAY) {
    throw new AppError('validation', 'The number of new cards a day is not valid.', [
      { field: 'newCardsPerDay', message: `A whole number from 0 to ${MAX_NEW_CARDS_PER_DAY}.` },
    ]);
  }
  await ctx.repos.study.saveNewCardsPerDay(actor.userId, count, ctx.clock.now().getTime());
  return count;
}
