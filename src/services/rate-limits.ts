/**
 * Rate limits counted in the database (so that they hold across app servers): every key is a bucket
 * that allows a burst at once and then refills at a steady rate (GCRA). See rate-limit.repository.ts.
 */
import { AppError } from '../domain/errors.js';
import type { BucketHit } from '../db/repositories/rate-limit.repository.js';
import type { ServiceContext } from './context.js';

/** Up to `burst` requests at once, then `perHour` spread evenly over an hour. */
export interface RateLimit {
  burst: number;
  perHour: number;
}

/** "40 seconds", "3 minutes", "2 hours": how long to wait, for a person. */
export function waitingTime(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 90 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

export class RateLimitedError extends AppError {
  override name = 'RateLimitedError';
  constructor(
    readonly retryAfterSeconds: number,
    what = 'Too many attempts in a short time.',
  ) {
    super('rate_limited', `${what} Please wait ${waitingTime(retryAfterSeconds)} and try again.`);
  }
}

export const bucketFor = (key: string, { burst, perHour }: RateLimit): BucketHit => {
  const intervalMs = Math.max(1, Math.round((60 * 60 * 1000) / perHour));
  return { key, intervalMs, toleranceMs: intervalMs * burst };
};

/**
 * Counts one request against every key; throws RateLimitedError (with the longest wait) when any of
 * them is over its limit. A refused request is not counted against the keys that had room.
 */
export async function consumeRateLimits(
  ctx: ServiceContext,
  limits: readonly { key: string; limit: RateLimit }[],
  what?: string,
): Promise<void> {
  const hits = limits.map(({ key, limit }) => bucketFor(key, limit));
  const now = ctx.clock.now().getTime();
  const results = await ctx.repos.rateLimits.hit(hits, now);
  const refused = results.filter((result) => !result.allowed);
  if (refused.length === 0) return;
  const allowedKeys = new Set(results.filter((result) => result.allowed).map((result) => result.key));
  await ctx.repos.rateLimits.refund(hits.filter((hit) => allowedKeys.has(hit.key)));
  const retryAt = Math.max(...refused.map((result) => result.retryAt));
  throw new RateLimitedError(Math.max(1, Math.ceil((retryAt - now) / 1000)), what);
}

/** Counts one attempt against `key`: at most `limit` within any `windowMs` (sliding). */
export async function consumeRateLimit(
  ctx: ServiceContext,
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<void> {
  await consumeRateLimits(ctx, [
    { key, limit: { burst: limit, perHour: (limit * 60 * 60 * 1000) / windowMs } },
  ]);
}
