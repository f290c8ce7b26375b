/**
 * Rate limits on every write, in one place: each POST, PUT, PATCH and DELETE route belongs to a
 * category (by its path), and each category has a limit per account and a larger one per address (a
 * school's pupils share one). Counted in the database (services/rate-limits.ts), so the limits hold
 * across app servers. A request over a limit gets 429 with Retry-After, and the error handler answers
 * with a page or problem+json that says how long to wait. Log-in, sign-up and log-out are left to the
 * account service, which has rules of its own (auth/login-throttle.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { consumeRateLimits, type RateLimit } from '../services/rate-limits.js';
import type { ServiceContext } from '../services/context.js';
import { clientAddress } from './client-address.js';

/** The limits per account, chosen for the busiest real student or author; see README "Rate limits". */
export const WRITE_LIMITS = {
  // Study answers, self-tests, timeline exercises, merges: a fast session is ~1 card every 2 s.
  study: { burst: 120, perHour: 3600 },
  rating: { burst: 20, perHour: 60 },
  comment: { burst: 10, perHour: 60 },
  report: { burst: 10, perHour: 30 },
  // Creating, editing, deleting sets (each save stores a revision).
  set: { burst: 30, perHour: 300 },
  import: { burst: 10, perHour: 60 },
  folder: { burst: 60, perHour: 600 },
  exam: { burst: 20, perHour: 120 },
  settings: { burst: 20, perHour: 120 },
  // The editor's live preview asks at most every 300 ms while someone types.
  preview: { burst: 300, perHour: 7200 },
  password: { burst: 5, perHour: 20 },
  moderation: { burst: 120, perHour: 1200 },
  // Any other write (a route added later is covered until it is given a category).
  write: { burst: 60, perHour: 600 },
} as const satisfies Record<string, RateLimit>;

export type WriteCategory = keyof typeof WRITE_LIMITS | 'account-service';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// First match wins; patterns are Fastify's route paths ("/api/v1/sets/:id").
const CATEGORIES: readonly [RegExp, WriteCategory][] = [
  [/^\/(?:signup|login|logout|api\/v1\/session)$/, 'account-service'],
  [/^\/me\/password$/, 'password'],
  [/^\/review\/settings$/, 'settings'],
  [/^(?:\/api\/v1)?\/moderation\//, 'moderation'],
  [/\/reports?$/, 'report'],
  [/\/rating(?:\/delete)?$/, 'rating'],
  [/\/comments(?:\/:id(?:\/[a-z]+)?)?$/, 'comment'],
  [/(?:^\/api\/v1\/reviews(?:\/merge)?|^\/review|\/study|\/test|\/timeline)$/, 'study'],
  [/\/folders(?:\/|$)/, 'folder'],
  [/^\/api\/v1\/imports\/preview$/, 'preview'],
  [/^(?:\/import(?:\/confirm)?|\/api\/v1\/imports)$/, 'import'],
  [/^\/exams(?:\/|$)/, 'exam'],
  [/^\/api\/v1\/preview$/, 'preview'],
  [/^(?:\/api\/v1)?\/sets(?:\/new|\/:id(?:\/edit|\/delete)?)?$/, 'set'],
];

/** The category of a write route, by its path pattern. */
export function writeCategory(routePath: string): WriteCategory {
  return CATEGORIES.find(([pattern]) => pattern.test(routePath))?.[1] ?? 'write';
}

export interface WriteLimitOptions {
  ctx: ServiceContext;
  peoplePerAddress: number;
  scale: number;
}

const scaled = (limit: RateLimit, factor: number): RateLimit => ({
  burst: limit.burst * factor,
  perHour: limit.perHour * factor,
});

async function writeLimitsPlugin(app: FastifyInstance, options: WriteLimitOptions): Promise<void> {
  const { ctx, peoplePerAddress, scale } = options;
  const categoryOf = new Map<string, WriteCategory>();

  // Registered after the session plugin, so this runs after its CSRF check: a forged request is refused
  // before it can use up anyone's limit. It runs before schema validation and the handler.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!UNSAFE.has(request.method)) return;
    const path = request.routeOptions.url;
    if (path === undefined) return;
    let category = categoryOf.get(path);
    if (category === undefined) {
      category = writeCategory(path);
      categoryOf.set(path, category);
    }
    if (category === 'account-service') return;
    const limit = WRITE_LIMITS[category];
    const keys = [
      { key: `w:${category}:a:${clientAddress(request)}`, limit: scaled(limit, scale * peoplePerAddress) },
    ];
    if (request.user !== null) {
      keys.push({ key: `w:${category}:u:${request.user.userId}`, limit: scaled(limit, scale) });
    }
    await consumeRateLimits(ctx, keys, 'You have done this too often in a short time, so it was not saved.');
  });

  // Buckets that have refilled are deleted now and then (any server may do it).
  const timer = setInterval(
    () => {
      ctx.repos.rateLimits.deleteIdle(ctx.clock.now().getTime()).catch((error: unknown) => {
        app.log.warn({ err: error }, 'could not delete idle rate-limit rows');
      });
    },
    10 * 60 * 1000,
  );
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

export default fp(writeLimitsPlugin, { name: 'recall-write-limits', dependencies: ['recall-session'] });
