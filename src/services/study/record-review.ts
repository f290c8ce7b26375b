/**
 * Recording answers: the new FSRS state and a log row, written in one transaction, with the learner's
 * state of the card locked so that two answers to one card at once are both logged, one after the other.
 * Also merging the answers someone gave in a browser before logging in.
 */
import type { Repositories } from '../../db/repositories/index.js';
import type { StudyCardRow } from '../../db/repositories/study.repository.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { AppError, notFound, type FieldProblem } from '../../domain/errors.js';
import {
  isReviewRating,
  newStudyState,
  review,
  type ReviewRating,
  type StudyState,
} from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { toStateValues, toStudyState } from './study-mapping.js';

export type ReviewSource = 'study' | 'test' | 'merge';

/** The longest answer time kept: beyond it, the learner left the card open and walked away. */
export const MAX_DURATION_MS = 3_600_000;

export interface ReviewInput {
  cardId: number;
  rating: number;
  /** How long the learner looked at the card before answering, when known. */
  durationMs?: number | null;
}

export interface RecordedReview {
  cardId: number;
  setId: number;
  rating: ReviewRating;
  reviewedAt: Date;
  state: StudyState;
}

function assertValidRating(rating: number, field = 'rating'): ReviewRating {
  if (!isReviewRating(rating)) {
    throw new AppError('validation', 'A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).', [
      { field, message: 'Choose Again (1), Hard (2), Good (3) or Easy (4).' },
    ]);
  }
  return rating;
}

function durationProblem(durationMs: number | null | undefined): string | null {
  if (durationMs === null || durationMs === undefined) return null;
  return Number.isInteger(durationMs) && durationMs >= 0 && durationMs <= MAX_DURATION_MS
    ? null
    : `A whole number of milliseconds from 0 to ${MAX_DURATION_MS}.`;
}

/** The card, if it is in a set the learner may see; otherwise "not found", as for the set itself. */
export async function findStudyCard(
  repos: Repositories,
  actor: Actor,
  cardId: number,
): Promise<StudyCardRow> {
  const card = await repos.study.findCard(cardId);
  if (card === undefined) throw notFound(`Card ${cardId}`);
  try {
    await findViewableSet(repos, actor, card.cardSetId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound(`Card ${cardId}`);
    throw error;
  }
  return card;
}

interface Answer {
  card: { id: number; cardSetId: number };
  rating: ReviewRating;
  at: Date;
  durationMs: number | null;
  source: ReviewSource;
  clientId?: string | null;
}

/** Locks the state, reviews it, writes the state and the log row. Call inside a transaction. */
export async function applyAnswer(repos: Repositories, userId: number, answer: Answer): Promise<StudyState> {
  const now = answer.at.getTime();
  const locked = await repos.study.lockState(
    userId,
    answer.card,
    toStateValues(newStudyState(answer.at)),
    now,
  );
  const before = toStudyState(locked);
  const { state, log } = review(before, answer.rating, answer.at, { durationMs: answer.durationMs });
  await repos.study.updateState(userId, answer.card.id, toStateValues(state), now);
  await repos.study.insertLog({
    user_id: userId,
    card_id: answer.card.id,
    card_set_id: answer.card.cardSetId,
    reviewed_at: now,
    rating: log.rating,
    phase_before: log.phaseBefore,
    stability_before: log.stabilityBefore,
    difficulty_before: log.difficultyBefore,
    elapsed_days: log.elapsedDays,
    scheduled_days: log.scheduledDays,
    due: log.due.getTime(),
    duration_ms: log.durationMs,
    source: answer.source,
    client_id: answer.clientId ?? null,
  });
  return state;
}

/** Records one answer to one card: POST /api/v1/reviews and the study page's rating buttons. */
export async function recordReview(
  ctx: ServiceContext,
  actor: Actor,
  input: ReviewInput,
): Promise<RecordedReview> {
  const rating = assertValidRating(input.rating);
  const problem = durationProblem(input.durationMs);
  if (problem !== null) {
    throw new AppError('validation', 'The answer time is not valid.', [
      { field: 'durationMs', message: problem },
    ]);
  }
  const card = await findStudyCard(ctx.repos, actor, input.cardId);
  const at = ctx.clock.now();
  const state = await ctx.transact((repos) =>
    applyAnswer(repos, actor.userId, {
      card,
      rating,
      at,
      durationMs: input.durationMs ?? null,
      source: 'study',
    }),
  );
  return { cardId: card.id, setId: card.cardSetId, rating, reviewedAt: at, state };
}

/** Records Again for each card (a self-test's wrong answers), one answer per card, in one transaction. */
export async function recordAgainForCards(
  ctx: ServiceContext,
  actor: Actor,
  cards: readonly { id: number; cardSetId: number }[],
): Promise<number> {
  if (cards.length === 0) return 0;
  const at = ctx.clock.now();
  await ctx.transact(async (repos) => {
    for (const card of cards) {
      await applyAnswer(repos, actor.userId, { card, rating: 1, at, durationMs: null, source: 'test' });
    }
  });
  return cards.length;
}

// ---------------------------------------------------------------------------------------------------
// Merging a browser's answers

/** One answer kept in a browser's storage before its owner logged in. */
export interface BrowserReview {
  /** The browser's id for the answer: merging the same answer twice adds it once. */
  id: string;
  cardId: number;
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
        return card !== undefined && visibleSets.has(card.cardSetId);
      })
      .sort((a, b) => a.reviewedAt - b.reviewedAt || a.id.localeCompare(b.id));
    let merged = 0;
    await ctx.transact(async (repos) => {
      const states = new Map(
        (await repos.study.findStates(actor.userId, [...new Set(usable.map((e) => e.cardId))])).map((row) => [
          row.cardId,
          row,
        ]),
      );
      for (const entry of usable) {
        const state = states.get(entry.cardId);
        const at = Math.min(entry.reviewedAt, now);
        // FSRS replays answers in time order: one older than what is recorded would rewrite history.
        if (state?.lastReview !== null && state?.lastReview !== undefined && at < state.lastReview) continue;
        const card = cards.get(entry.cardId)!;
        const next = await applyAnswer(repos, actor.userId, {
          card,
          rating: entry.rating as ReviewRating,
          at: new Date(at),
          durationMs: entry.durationMs ?? null,
          source: 'merge',
          clientId: entry.id,
        });
        states.set(card.id, { cardId: card.id, cardSetId: card.cardSetId, ...toStateValues(next) });
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
