/** Who may see a card set, as sentences. */
import type { Visibility } from './card-set.js';
import type { Viewer } from './viewer.js';

export interface AccessFacts {
  authorId: number;
  visibility: Visibility;
  status: 'active' | 'hidden';
}

const isStaff = (viewer: Viewer) =>
  viewer !== null && (viewer.role === 'moderator' || viewer.role === 'admin');
const isOwner = (viewer: Viewer, set: AccessFacts) => viewer !== null && viewer.userId === set.authorId;

export function canView(viewer: Viewer, set: AccessFacts): boolean {
  if (isOwner(viewer, set) || isStaff(viewer)) return true;
  return set.status === 'active' && set.visibility !== 'private';
}

/** Authors change their own sets; admins may change any. Moderators hide and restore instead. */
export function canEdit(viewer: Viewer, set: AccessFacts): boolean {
  return isOwner(viewer, set) || (viewer !== null && viewer.role === 'admin');
}

export const canDelete = canEdit;

export function canModerate(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Members may comment on, rate and save any set they can see that is not hidden. */
export function canTakePart(viewer: Viewer, set: AccessFacts): boolean {
  return viewer !== null && set.status === 'active' && canView(viewer, set);
}

/** Members rate sets they may take part in, but not their own. */
export function canRate(viewer: Viewer, set: AccessFacts): boolean {
  return canTakePart(viewer, set) && !isOwner(viewer, set);
}

/** Only the person who wrote a comment changes or deletes it; moderators hide it instead. */
export function canChangeComment(viewer: Viewer, comment: { authorId: number }): boolean {
  return viewer !== null && viewer.userId === comment.authorId;
}

/** A comment hidden by a moderator stays readable to moderators and to the person who wrote it. */
export function canSeeHiddenComment(viewer: Viewer, comment: { authorId: number }): boolean {
  return isStaff(viewer) || canChangeComment(viewer, comment);
}
