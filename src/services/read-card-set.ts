import {
  canEdit,
  canModerate,
  canRate,
  canTakePart,
  canView,
  type AccessFacts,
} from '../domain/card-set-access.js';
import type { CardSet, CardSetSummary } from '../domain/card-set.js';
import type { CommentThreads } from '../domain/community.js';
import { notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/viewer.js';
import type { CardSetSummaryRow } from '../db/repositories/card-set.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import { toAccessFacts, toCard, toCardSetSummary } from './card-set-mapping.js';
import { loadThreads } from './comments.js';
import type { ServiceContext } from './context.js';
import { findSimilarSets } from './search.js';
import { revisionKey } from './derived-work.js';
import { renderCardBody } from '../formats/render-markdown.js';
import { loadFolderChoices, type FolderChoice } from './folders.js';
import { loadSetRating, type SetRating } from './ratings.js';

/** A stored set whole: its summary, its tags, and its cards with theirs. */
async function loadCardSet(repos: Repositories, row: CardSetSummaryRow): Promise<CardSet> {
  const [cards, tags, cardTags] = await Promise.all([
    repos.cardSets.findCards(row.id),
    repos.tags.findSetTags(row.id),
    repos.tags.findCardTags(row.id),
  ]);
  return {
    ...toCardSetSummary(row),
    tags,
    cards: cards.map((card) => ({ ...toCard(card), tags: cardTags.get(card.id) ?? [] })),
  };
}

/** A card set with its cards, if the viewer may see it; a private set is "not found" to others. */
export async function getCardSet(ctx: ServiceContext, viewer: Viewer, id: number): Promise<CardSet> {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined || !canView(viewer, toAccessFacts(row))) throw notFound(`Card set ${id}`);
  return loadCardSet(ctx.repos, row);
}

export interface CardSetPermissions {
  canEdit: boolean;
  /** Comment, rate, save to a folder. */
  canTakePart: boolean;
  canModerate: boolean;
}

/** Comments, ratings and folders on the set page, as this viewer sees them. */
export interface CardSetCommunity {
  /** A moderator has hidden the set (only its author and moderators see it). */
  hidden: boolean;
  rating: SetRating;
  comments: CommentThreads;
  /** The viewer's folders for "Save to my folders"; null for visitors and when they cannot take part. */
  folders: FolderChoice[] | null;
}

export interface CardSetPageData {
  set: CardSet;
  /** Each card's body as HTML, in order (rendered once per revision of the set). */
  cardHtml: string[];
  similar: CardSetSummary[];
  permissions: CardSetPermissions;
  community: CardSetCommunity;
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
  const set = await loadCardSet(ctx.repos, row);
  return {
    set,
    cardHtml: ctx.derived.cardHtml.get(revisionKey(row), () => set.cards.map(renderCardBody)),
    // The page's heading says "Similar History resources": same subject only.
    similar: await findSimilarSets(ctx, set, { sameSubjectOnly: true, revisionKey: revisionKey(row) }),
    permissions: {
      canEdit: canEdit(viewer, facts),
      canTakePart: canTakePart(viewer, facts),
      canModerate: canModerate(viewer),
    },
    community: {
      hidden: facts.status === 'hidden',
      rating: await loadSetRating(ctx.repos, viewer, id, canRate(viewer, facts)),
      comments: await loadThreads(ctx.repos, viewer, id, facts),
      folders:
        viewer !== null && canTakePart(viewer, facts) ? await loadFolderChoices(ctx.repos, viewer, id) : null,
    },
  };
}

export interface PageVersion {
  version: number;
  viewCount: number;
  /** Anyone may see it (public or unlisted, not hidden): only such pages are cached for visitors. */
  openToAll: boolean;
}

/** A cheap look at a set, for serving a cached copy of its page when nothing on it has changed. */
export async function getPageVersion(ctx: ServiceContext, id: number): Promise<PageVersion | undefined> {
  const row = await ctx.repos.pageVersions.find(id);
  if (row === undefined) return undefined;
  return {
    version: row.cacheVersion,
    viewCount: row.viewCount,
    // What a visitor (no viewer) may see, by the same rule as every other read.
    openToAll: canView(null, {
      authorId: 0,
      visibility: row.visibility as AccessFacts['visibility'],
      status: row.status as AccessFacts['status'],
    }),
  };
}
