/** Looking up the card set a community action is about, with the same "not found" for unseen sets. */
import type { CardSetSummaryRow } from '../db/repositories/card-set.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import { canTakePart, canView, type AccessFacts } from '../domain/card-set-access.js';
import { AppError, notFound } from '../domain/errors.js';
import { cardSetSlug } from '../domain/slug.js';
import type { Viewer } from '../domain/viewer.js';
import { toAccessFacts } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

export interface ViewableSet {
  row: CardSetSummaryRow;
  facts: AccessFacts;
}

/** The set if the viewer may see it; otherwise "not found", so that private sets do not leak. */
export async function findViewableSet(repos: Repositories, viewer: Viewer, id: number): Promise<ViewableSet> {
  const row = await repos.cardSets.findSummary(id);
  if (row === undefined) throw notFound(`Card set ${id}`);
  const facts = toAccessFacts(row);
  if (!canView(viewer, facts)) throw notFound(`Card set ${id}`);
  return { row, facts };
}

/** The set if the viewer may comment on, rate, report or save it. */
export async function findSetToTakePartIn(
  repos: Repositories,
  viewer: Viewer,
  id: number,
): Promise<ViewableSet> {
  const found = await findViewableSet(repos, viewer, id);
  if (!canTakePart(viewer, found.facts)) {
    throw new AppError(
      'forbidden',
      'A moderator has hidden this card set: it cannot be commented on, rated or saved.',
    );
  }
  return found;
}

/** Enough of a set to link to it. */
export interface SetLink {
  id: number;
  slug: string;
}

/** The address parts of a set the viewer may see (to send them back to it after a form). */
export async function getSetLink(ctx: ServiceContext, viewer: Viewer, id: number): Promise<SetLink> {
  const { row } = await findViewableSet(ctx.repos, viewer, id);
  return { id: row.id, slug: cardSetSlug(row.title) };
}
