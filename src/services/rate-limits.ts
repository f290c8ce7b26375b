import { AppError } from '../domain/errors.js';
import type { ServiceContext } from './context.js';

export class RateLimitedError extends AppError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      `Too many attempts. Please wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) and try again.`,
    );
  }
}

/** Counts one attempt against `key`; throws RateLimitedError once the window's limit is passed. */
export async function consumeRateLimit(
  ctx: ServiceContext,
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<void> {
  const now = ctx.clock.now().getTime();
  const windowStart = now - (now % windowMs);
  const count = await ctx.repos.rateLimits.hit(key, windowStart);
  if (count > limit)
    throw new RateLimitedError(Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)));
}
