import { canEdit, canModerate, canTakePart, canView } from '../domain/card-set-access.js';
import type { CardSet, CardSetSummary } from '../domain/card-set.js';
import { notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import { toAccessFacts, toCard, toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

export const SIMILAR_SETS_SHOWN = 5;

/** A card set with its cards, if the viewer may see it; a private set is "not found" to others. */
export async function getCardSet(ctx: ServiceContext, viewer: Viewer, id: number): Promise<CardSet> {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined || !canView(viewer, toAccessFacts(row))) throw notFound(`Card set ${id}`);
  const cards = await ctx.repos.cardSets.findCards(id);
  return { ...toCardSetSummary(row), cards: cards.map(toCard) };
}

/** For now: other sets of the same topic, then of the same subject (search-based ranking comes later). */
export async function findSimilarSets(
  ctx: ServiceContext,
  set: { id: number },
  limit = SIMILAR_SETS_SHOWN,
): Promise<CardSetSummary[]> {
  const row = await ctx.repos.cardSets.findSummary(set.id);
  if (row === undefined) return [];
  const rows = await ctx.repos.cardSets.listSameTopicThenSubject(row, limit);
  return rows.map(toCardSetSummary);
}

export interface CardSetPermissions {
  canEdit: boolean;
  /** Comment, rate, save to a folder. */
  canTakePart: boolean;
  canModerate: boolean;
}

export interface CardSetPageData {
  set: CardSet;
  similar: CardSetSummary[];
  permissions: CardSetPermissions;
}

/** Everything the card-set page shows, for this viewer. */
export async function getCardSetPage(
  ctx: ServiceContext,
  viewer: Viewer,
  id: number,
): Promise<CardSetPageData> {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined || !canView(viewer, toAccessFacts(row))) throw notFound(`Card set ${id}`);
  const facts = toAccessFacts(row);
  const cards = await ctx.repos.cardSets.findCards(id);
  const set: CardSet = { ...toCardSetSummary(row), cards: cards.map(toCard) };
  return {
    set,
    similar: await findSimilarSets(ctx, set),
    permissions: {
      canEdit: canEdit(viewer, facts),
      canTakePart: canTakePart(viewer, facts),
      canModerate: canModerate(viewer),
    },
  };
}
