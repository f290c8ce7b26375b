import { canView } from '../domain/card-set-access.js';
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
