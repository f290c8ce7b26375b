import type { AssetManifest } from '../assets.js';

/** What every page needs besides its own data. */
export interface PageContext {
  assets: AssetManifest;
  requestId: string;
}
