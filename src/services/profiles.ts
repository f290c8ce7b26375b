/** Profile pages: who a member is and the sets they have shared. */
import { normaliseHandle } from '../domain/account.js';
import type { CardSetSummary } from '../domain/card-set.js';
import { notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import { toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

export const PROFILE_SETS_SHOWN = 200;

export interface ProfileSet {
  set: CardSetSummary;
  /** Hidden by a moderator (only the owner sees such sets here). */
  hidden: boolean;
}

export interface Profile {
  handle: string;
  displayName: string;
  joinedAt: Date;
  /** The viewer is this member: their unlisted, private and hidden sets are listed too. */
  isYou: boolean;
  sets: ProfileSet[];
  /** More sets exist than are listed. */
  truncated: boolean;
}

export async function getProfile(ctx: ServiceContext, viewer: Viewer, handle: string): Promise<Profile> {
  const user = await ctx.repos.users.findByHandle(normaliseHandle(handle));
  if (user === undefined) throw notFound(`The member "${handle}"`);
  const isYou = viewer !== null && viewer.userId === user.id;
  const rows = await ctx.repos.cardSets.listByAuthor(user.id, {
    includeUnlisted: isYou,
    limit: PROFILE_SETS_SHOWN + 1,
  });
  return {
    handle: user.handle,
    displayName: user.display_name,
    joinedAt: new Date(user.created_at),
    isYou,
    sets: rows.slice(0, PROFILE_SETS_SHOWN).map((row) => ({
      set: toCardSetSummary(row),
      hidden: row.status === 'hidden',
    })),
    truncated: rows.length > PROFILE_SETS_SHOWN,
  };
}
