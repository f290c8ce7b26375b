/**
 * Merging the answers someone gave in a browser before logging in (or while offline): each is checked,
 * replayed in time order through the same answer rules as a live answer (record-review.ts), and logged
 * once however often the browser sends it (its client id).
 */
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { AppError, type FieldProblem } from '../../domain/errors.js';
import { isReviewRating, isVariantOf, itemKey, type ReviewRating } from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { toItemCard, toStateValues } from './study-mapping.js';
import { applyAnswer, durationProblem } from './record-review.js';

/** One answer kept in a browser's storage before its owner logged in. */
export interface BrowserReview {
  /** The browser's id for the answer: merging the same answer twice adds it once. */
  id: string;
  cardId: number;
  /** Default 0. */
  variant?: number;
  rating: number;
  /** Epoch milliseconds, by the browser's clock. */
  reviewedAt: number;
  durationMs?: number | null;
}

export interface MergeResult {
  merged: number;
  /** Merged before (the same browser ids). */
  alreadyMerged: number;
  /** Cards that no longer exist or that the learner may not see, and answers older than the progress recorded. */
  skipped: number;
}

export const MERGE_LIMITS = {
  reviews: 2000,
  /** Answers older than this are not merged. */
  maxAgeMs: 366 * 86_400_000,
  /** Browser clocks run fast: answers this far ahead are taken as given now; further ahead, refused. */
  clockSkewMs: 10 * 60_000,
} as const;

const CLIENT_ID = /^[\w-]{8,64}$/;

function validateBrowserReviews(reviews: readonly BrowserReview[], now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (reviews.length > MERGE_LIMITS.reviews) {
    problems.push({ field: 'reviews', message: `At most ${MERGE_LIMITS.reviews} answers at once.` });
    return problems;
  }
  reviews.forEach((entry, index) => {
    const field = (name: string) => `reviews[${index}].${name}`;
    if (typeof entry.id !== 'string' || !CLIENT_ID.test(entry.id)) {
      problems.push({ field: field('id'), message: '8 to 64 letters, digits, "-" or "_".' });
    }
    if (!Number.isSafeInteger(entry.cardId) || entry.cardId < 1) {
      problems.push({ field: field('cardId'), message: 'A card id.' });
    }
    if (
      entry.variant !== undefined &&
      !(Number.isInteger(entry.variant) && entry.variant >= 0 && entry.variant <= 500)
    ) {
      problems.push({ field: field('variant'), message: 'A whole number from 0 to 500.' });
    }
    if (!isReviewRating(entry.rating)) problems.push({ field: field('rating'), message: 'From 1 to 4.' });
    if (
      !Number.isSafeInteger(entry.reviewedAt) ||
      entry.reviewedAt > now + MERGE_LIMITS.clockSkewMs ||
      entry.reviewedAt < now - MERGE_LIMITS.maxAgeMs
    ) {
      problems.push({ field: field('reviewedAt'), message: 'A time in the last year, not in the future.' });
    }
    const duration = durationProblem(entry.durationMs);
    if (duration !== null) problems.push({ field: field('durationMs'), message: duration });
  });
  return problems;
}

/**
 * Adds answers given in a browser before logging in to the learner's progress, oldest first, as if they
 * had been given while logged in. Idempotent: an answer whose id was merged before is not added again.
 * Everything is validated first, and either every new answer lands or none does.
 */
export async function mergeBrowserReviews(
  ctx: ServiceContext,
  actor: Actor,
  reviews: readonly BrowserReview[],
): Promise<MergeResult> {
  const now = ctx.clock.now().getTime();
  const problems = validateBrowserReviews(reviews, now);
  if (problems.length > 0) throw new AppError('validation', 'Some of the answers are not valid.', problems);

  const byId = new Map<string, BrowserReview>();
  let duplicates = 0;
  for (const entry of reviews) {
    if (byId.has(entry.id)) duplicates++;
    else byId.set(entry.id, entry);
  }
  const attempt = async (): Promise<MergeResult> => {
    const logged = await ctx.repos.study.findLoggedClientIds(actor.userId, [...byId.keys()]);
    const fresh = [...byId.values()].filter((entry) => !logged.has(entry.id));
    const cards = new Map(
      (await ctx.repos.study.findCards([...new Set(fresh.map((entry) => entry.cardId))])).map((c) => [
        c.id,
        c,
      ]),
    );
    const visibleSets = new Set<number>();
    for (const setId of new Set([...cards.values()].map((card) => card.cardSetId))) {
      const visible = await findViewableSet(ctx.repos, actor, setId).then(
        () => true,
        () => false,
      );
      if (visible) visibleSets.add(setId);
    }
    const usable = fresh
      .filter((entry) => {
        const card = cards.get(entry.cardId);
        return (
          card !== undefined &&
          visibleSets.has(card.cardSetId) &&
          isVariantOf(toItemCard(card), entry.variant ?? 0)
        );
      })
      .sort((a, b) => a.reviewedAt - b.reviewedAt || a.id.localeCompare(b.id));
    let merged = 0;
    await ctx.transact(async (repos) => {
      const states = new Map(
        (await repos.study.findStates(actor.userId, [...new Set(usable.map((e) => e.cardId))])).map((row) => [
          itemKey(row.cardId, row.variant),
          row,
        ]),
      );
      for (const entry of usable) {
        const variant = entry.variant ?? 0;
        const key = itemKey(entry.cardId, variant);
        const state = states.get(key);
        const at = Math.min(entry.reviewedAt, now);
        // FSRS replays answers in time order: one older than what is recorded would rewrite history.
        if (state?.lastReview !== null && state?.lastReview !== undefined && at < state.lastReview) continue;
        const card = cards.get(entry.cardId)!;
        const { state: next } = await applyAnswer(repos, actor.userId, {
          card,
          variant,
          rating: entry.rating as ReviewRating,
          at: new Date(at),
          durationMs: entry.durationMs ?? null,
          source: 'merge',
          clientId: entry.id,
        });
        states.set(key, { cardId: card.id, variant, cardSetId: card.cardSetId, ...toStateValues(next) });
        merged++;
      }
    });
    return {
      merged,
      alreadyMerged: logged.size + duplicates,
      skipped: fresh.length - merged,
    };
  };
  try {
    return await attempt();
  } catch (error) {
    // The same answers merged at the same moment from another tab: the second attempt finds them logged.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}
