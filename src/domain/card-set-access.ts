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
