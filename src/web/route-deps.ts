import type { ServiceContext } from '../services/context.js';
import type { ViewCounter } from '../services/view-counter.js';
import type { AssetManifest } from './assets.js';

/** What page routes are given by the web plugin. */
export interface WebDeps {
  ctx: ServiceContext;
  assets: AssetManifest;
  views: ViewCounter;
}

/** Ids in paths are positive integers; anything else is a page that does not exist. */
export const ID_PATTERN = '^[1-9][0-9]{0,9}$';
export const SLUG_PATTERN = '^[a-z0-9-]{1,100}$';

export const idParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: ID_PATTERN } },
  required: ['id'],
} as const;
