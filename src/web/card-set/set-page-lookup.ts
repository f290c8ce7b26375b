/**
 * Whether a request for a set page can be served from the page cache (set-page-cache.ts), and how to keep
 * the page rendered otherwise: the route asks once and does not need to know the rules. Visitors who are
 * not logged in, with no notice to show, all see the same page of a set open to everyone.
 */
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { getPageVersion } from '../../services/read-card-set.js';
import { hasNotice } from '../page-context.js';
import { requestTheme } from '../theme.js';
import type { SetPageCache } from './set-page-cache.js';

export interface SetPageLookup {
  /** The cached page, when a current copy is held. */
  cached: Buffer | undefined;
  /** Keeps the page rendered for this request when it may be shared; returns what to send. */
  keep: (html: string, slug: string) => Buffer | string;
}

const uncached: SetPageLookup = { cached: undefined, keep: (html) => html };

export async function lookUpSetPage(
  ctx: ServiceContext,
  cache: SetPageCache,
  request: FastifyRequest,
  id: number,
  slug: string,
): Promise<SetPageLookup> {
  if (request.user !== null || hasNotice(request)) return uncached;
  const version = await getPageVersion(ctx, id);
  if (version?.openToAll !== true) return uncached;
  const theme = requestTheme(request);
  return {
    cached: cache.get(id, version.version, slug, ctx.clock.now().getTime(), theme),
    keep: (html, setSlug) => cache.put(id, version.version, setSlug, html, ctx.clock.now().getTime(), theme),
  };
}
