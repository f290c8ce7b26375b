/**
 * Recording answers: the new FSRS state and a log row, written in one transaction, with the learner's
 * state of the card locked so that two answers to one card at once are both logged, one after the other.
 * Also self-test outcomes (merging the answers given in a browser before logging in: merge-browser-reviews.ts).
 *
 * Learning is timed by the server: an answer counts (moves the item's FSRS state) only when the item is
 * due again (answerCounts in scheduling.ts: a (re)learning step once its minutes have passed, a review
 * item on a later day than its last answer). Any other answer is practice: logged with practice = 1, the
 * state left exactly as it was (due date, step, stability, difficulty, reps), so a second Good a second
 * after the first does not graduate a new item. A self-test answer on an item never studied is practice
 * too: it does not start the item, so it takes nothing from the day's new-card limit.
 */
import type { Repositories } from '../../db/repositories/index.js';
import type { NewReviewLog, StudyCardRow, StudyStateValues } from '../../db/repositories/study.repository.js';
import { AppError, notFound } from '../../domain/errors.js';
import {
  answerCounts,
  intervalsAt,
  isReviewRating,
  isVariantOf,
  newStudyState,
  practiceEntry,
  review,
  type IntervalsByRating,
  type ReviewLogEntry,
  type ReviewRating,
  type StudyState,
} from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { toItemCard, toStateValues, toStudyState } from './study-mapping.js';

/** Where an answer came from: studying, a self-test, an offline device's merge, another app's history. */
export type ReviewSource = 'study' | 'test' | 'merge' | 'import';

/** The longest answer time kept: beyond it, the learner left the card open and walked away. */
export const MAX_DURATION_MS = 3_600_000;

export interface ReviewInput {
  cardId: number;
  /** Which of the card's study items (see study-items.ts); default 0. */
  variant?: number;
  rating: number;
  /** How long the learner looked at the card before answering, when known. */
  durationMs?: number | null;
}

export interface RecordedReview {
  cardId: number;
  variant: number;
  setId: number;
  rating: ReviewRating;
  reviewedAt: Date;
  state: StudyState;
  /** False: practice (the item was not due again); the state is unchanged. */
  counted: boolean;
  /** When the item is next due: how long each rating then would put it off (the buttons' labels). */
  nextIntervals: IntervalsByRating;
}

function assertValidRating(rating: number, field = 'rating'): ReviewRating {
  if (!isReviewRating(rating)) {
    throw new AppError('validation', 'A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).', [
      { field, message: 'Choose Again (1), Hard (2), Good (3) or Easy (4).' },
    ]);
  }
  return rating;
}

export function durationProblem(durationMs: number | null | undefined): string | null {
  if (durationMs === null || durationMs === undefined) return null;
  return Number.isInteger(durationMs) && durationMs >= 0 && durationMs <= MAX_DURATION_MS
    ? null
    : `A whole number of milliseconds from 0 to ${MAX_DURATION_MS}.`;
}

/** The variant, if the card has it; otherwise a validation error naming it. */
function assertVariantOf(card: StudyCardRow, variant: number): number {
  if (Number.isInteger(variant) && isVariantOf(toItemCard(card), variant)) return variant;
  throw new AppError('validation', `Card ${card.id} has no study item ${variant}.`, [
    { field: 'variant', message: "Not one of this card's sides or deletions." },
  ]);
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
  variant: number;
  rating: ReviewRating;
  at: Date;
  durationMs: number | null;
  source: ReviewSource;
  clientId?: string | null;
}

/** The review-log row of an answer. */
export function reviewLogRow(
  userId: number,
  answer: Pick<Answer, 'card' | 'variant' | 'at' | 'source' | 'clientId'>,
  log: ReviewLogEntry,
  practice: boolean,
): NewReviewLog {
  return {
    user_id: userId,
    card_id: answer.card.id,
    variant: answer.variant,
    card_set_id: answer.card.cardSetId,
    reviewed_at: answer.at.getTime(),
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
    practice: practice ? 1 : 0,
  };
}

/** What undo restores: the item's state before the answer (its columns and time), or none. */
type StateBefore = { state: StudyStateValues; updatedAt: number } | null;

async function insertLog(
  repos: Repositories,
  userId: number,
  answer: Answer,
  log: ReviewLogEntry,
  practice: boolean,
  before?: StateBefore,
): Promise<void> {
  const row = reviewLogRow(userId, answer, log, practice);
  // A study answer can be undone (see undoLastReview): its row keeps what undo puts back.
  if (answer.source === 'study' && before !== undefined) {
    row.undoable = 1;
    row.state_before = before === null ? null : JSON.stringify(before);
  }
  await repos.study.insertLog(row);
}

/**
 * Locks the state, and either reviews it (writing the state and the log row) or, when the answer does not
 * count, logs it as practice. Call inside a transaction.
 */
export async function applyAnswer(
  repos: Repositories,
  userId: number,
  answer: Answer,
): Promise<{ state: StudyState; counted: boolean }> {
  if (answer.source === 'test') {
    const existing = await repos.study.findState(userId, answer.card.id, answer.variant);
    if (existing === undefined || existing.phase === 'new') {
      const before = existing === undefined ? newStudyState(answer.at) : toStudyState(existing);
      await insertLog(repos, userId, answer, practiceEntry(before, answer.rating, answer.at), true);
      return { state: before, counted: false };
    }
  }
  const now = answer.at.getTime();
  const locked = await repos.study.lockState(
    userId,
    answer.card,
    answer.variant,
    toStateValues(newStudyState(answer.at)),
    now,
  );
  const before = toStudyState(locked.state);
  const { cardId: _cardId, variant: _variant, cardSetId: _setId, ...values } = locked.state;
  const stateBefore: StateBefore = locked.created ? null : { state: values, updatedAt: locked.updatedAt };
  if (!answerCounts(before, answer.at)) {
    const log = practiceEntry(before, answer.rating, answer.at, answer.durationMs);
    await insertLog(repos, userId, answer, log, true, stateBefore);
    return { state: before, counted: false };
  }
  const { state, log } = review(before, answer.rating, answer.at, { durationMs: answer.durationMs });
  await repos.study.updateState(
    userId,
    { cardId: answer.card.id, variant: answer.variant },
    toStateValues(state),
    now,
  );
  await insertLog(repos, userId, answer, log, false, stateBefore);
  return { state, counted: true };
}

/** Answers can be undone for this long after they were given. */
export const UNDO_WINDOW_MS = 60 * 60_000;

export interface UndoneReview {
  cardId: number;
  variant: number;
  setId: number;
  /** The item's state as it is again; null when it had none (a new card again). */
  state: StudyState | null;
}

/**
 * Takes back the learner's last answer (one given while studying, in the last UNDO_WINDOW_MS): its log row
 * is removed and the item's state put back exactly as it was before it. Undo again takes back the one
 * before. Null when there is nothing to undo (no recent answer, or the last was a self-test's or a merge).
 */
export async function undoLastReview(ctx: ServiceContext, actor: Actor): Promise<UndoneReview | null> {
  const since = ctx.clock.now().getTime() - UNDO_WINDOW_MS;
  return ctx.transact(async (repos) => {
    const last = await repos.study.findLastUndoable(actor.userId, since);
    // Gone meanwhile: another undo (another tab) took it back first.
    if (last === undefined || !(await repos.study.deleteLog(actor.userId, last.id))) return null;
    const before = last.stateBefore === null ? null : (JSON.parse(last.stateBefore) as StateBefore);
    await repos.study.restoreState(actor.userId, { cardId: last.cardId, variant: last.variant }, before);
    return {
      cardId: last.cardId,
      variant: last.variant,
      setId: last.cardSetId,
      state: before === null ? null : toStudyState(before.state),
    };
  });
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
  const variant = assertVariantOf(card, input.variant ?? 0);
  const at = ctx.clock.now();
  const { state, counted } = await ctx.transact((repos) =>
    applyAnswer(repos, actor.userId, {
      card,
      variant,
      rating,
      at,
      durationMs: input.durationMs ?? null,
      source: 'study',
    }),
  );
  return {
    cardId: card.id,
    variant,
    setId: card.cardSetId,
    rating,
    reviewedAt: at,
    state,
    counted,
    nextIntervals: intervalsAt(state, state.due),
  };
}

export interface TestOutcome {
  card: { id: number; cardSetId: number };
  variant: number;
  rating: ReviewRating;
}

/**
 * Records a self-test's outcomes, one answer per item (the caller combines the questions of one item), in
 * one transaction, with source `test`. Returns, for each outcome, whether it counted (or was practice).
 */
export async function recordTestOutcomes(
  ctx: ServiceContext,
  actor: Actor,
  outcomes: readonly TestOutcome[],
): Promise<boolean[]> {
  if (outcomes.length === 0) return [];
  const at = ctx.clock.now();
  return ctx.transact(async (repos) => {
    const counted: boolean[] = [];
    for (const outcome of outcomes) {
      const applied = await applyAnswer(repos, actor.userId, {
        ...outcome,
        at,
        durationMs: null,
        source: 'test',
      });
      counted.push(applied.counted);
    }
    return counted;
  });
}

// ---------------------------------------------------------------------------------------------------
// Merging a browser's answers
