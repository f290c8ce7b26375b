import type { SessionUser } from '../../services/auth/accounts.js';
import type { AssetManifest } from '../assets.js';
import type { Theme } from '../theme.js';

/** What every page needs besides its own data. */
export interface PageContext {
  assets: AssetManifest;
  requestId: string;
  /** The logged-in user, or null for a visitor. */
  user: SessionUser | null;
  /** A CSRF token for a form on this page (sets the secret cookie on first use). */
  csrf(): string;
  /** A one-off notice after a redirect ("Saved."). */
  notice: string | null;
  /** The colour theme this browser chose, or null to follow the device. */
  theme: Theme | null;
  /** The path asked for (without the query), to mark where the navigation is. */
  path: string;
}
