/**
 * Bringing a student's progress from another app: the review history a package carries (Anki's revlog,
 * read with the cards) becomes the learner's review log in Recall, and each studied item's FSRS memory
 * state is computed from its history (`replayHistory`), so that the schedule carries on where it was. The
 * preview says what that gives (studied, due today, due this week) before anything is stored; storing
 * happens inside the import's own transaction, with the sets.
 *
 * A history is the learner's own data, but it comes back from the browser (hidden fields) and from files,
 * so it is checked like any input: answers to cards and variants the set has, ratings 1–4, times between
 * Anki's first year and now; how many a file holds is bounded where it is read (FORMAT_LIMITS.ankiReviews,
 * CARRY_LIMITS.answers through the web page).
 */
import type { Repositories } from '../../db/repositories/index.js';
import type { CardRow } from '../../db/tables.js';
import { AppError } from '../../domain/errors.js';
import type { CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument, ImportedReview } from '../../formats/card-set-document.js';
import {
  isReviewRating,
  isVariantOf,
  replayHistory,
  summariseProgress,
  type ProgressSummary,
  type ReplayedItem,
} from '../../domain/study/index.js';
import { toItemCard, toStateValues } from './study-mapping.js';
import { MAX_DURATION_MS, reviewLogRow } from './record-review.js';

export const HISTORY_LIMITS = {
  /** No answer is older than Anki (2006). */
  earliest: Date.UTC(2006, 0, 1),
  /** Clocks differ: an answer up to this far ahead of the server's time is still taken. */
  clockSkewMs: 10 * 60_000,
} as const;

/** Rows written to the database at once. */
const BATCH_ROWS = 500;

const itemId = (cardIndex: number, variant: number) => `${cardIndex}:${variant}`;

/** The answers of each studied item of a set, replayed, by "cardIndex:variant". */
export function replayedItems(
  history: readonly ImportedReview[],
): Map<string, { cardIndex: number; variant: number; replayed: ReplayedItem }> {
  const byItem = new Map<string, ImportedReview[]>();
  for (const answer of history) {
    const key = itemId(answer.cardIndex, answer.variant);
    const list = byItem.get(key) ?? [];
    list.push(answer);
    byItem.set(key, list);
  }
  const items = new Map<string, { cardIndex: number; variant: number; replayed: ReplayedItem }>();
  for (const [key, answers] of byItem) {
    const { cardIndex, variant } = answers[0]!;
    const replayed = replayHistory(
      answers.map((answer) => ({
        rating: answer.rating,
        at: new Date(answer.reviewedAt),
        durationMs: answer.durationMs,
      })),
    );
    items.set(key, { cardIndex, variant, replayed });
  }
  return items;
}

const itemCardOf = (card: CardDraft) => ({
  kind: card.kind === 'cloze' ? ('cloze' as const) : ('basic' as const),
  reversible: card.reversible === true,
  body: card.body,
  title: card.title ?? null,
});

const isTimeOfAnswer = (reviewedAt: number, now: Date) =>
  Number.isSafeInteger(reviewedAt) &&
  reviewedAt >= HISTORY_LIMITS.earliest &&
  reviewedAt <= now.getTime() + HISTORY_LIMITS.clockSkewMs;

/** An answer Recall can bring: to a side or deletion the card has, rated 1–4, given between 2006 and now. */
const isUsable = (answer: ImportedReview, card: Parameters<typeof isVariantOf>[0] | undefined, now: Date) =>
  card !== undefined &&
  Number.isInteger(answer.variant) &&
  isVariantOf(card, answer.variant) &&
  isReviewRating(answer.rating) &&
  isTimeOfAnswer(answer.reviewedAt, now);

/**
 * The answers of a history that Recall can bring: a side or deletion a card lacks (a reverse without a term
 * to answer with) is not studied in Recall, and a time outside Anki's years is a file's mistake.
 */
export const answersToItems = (
  history: readonly ImportedReview[],
  cards: readonly CardDraft[],
  now: Date,
): ImportedReview[] =>
  history.filter((answer) => {
    const card = cards[answer.cardIndex];
    return isUsable(answer, card === undefined ? undefined : itemCardOf(card), now);
  });

/** What bringing the sets' histories would give the learner now; null when no set has one. */
export function progressSummaryOf(documents: readonly CardSetDocument[], now: Date): ProgressSummary | null {
  const items = documents.flatMap((document) =>
    [...replayedItems(answersToItems(document.reviewHistory ?? [], document.cards, now)).values()].map(
      (item) => item.replayed,
    ),
  );
  return items.length === 0 ? null : summariseProgress(items, now);
}

/** Answers in all the sets' histories. */
export const answersIn = (documents: readonly CardSetDocument[]): number =>
  documents.reduce((sum, document) => sum + (document.reviewHistory?.length ?? 0), 0);

/**
 * Checks a history against its set's cards; throws a validation error saying what is wrong (the history
 * is then not one a package gave, but one changed on the way).
 */
export function assertValidHistory(
  history: readonly ImportedReview[],
  cards: readonly CardDraft[],
  now: Date,
): void {
  const wrong = (index: number, what: string) =>
    new AppError(
      'validation',
      `The review history did not come back whole (answer ${index + 1}: ${what}). Start the import again.`,
    );
  history.forEach((answer, index) => {
    const card = cards[answer.cardIndex];
    if (!Number.isInteger(answer.cardIndex) || card === undefined) throw wrong(index, 'no such card');
    if (!Number.isInteger(answer.variant) || !isVariantOf(itemCardOf(card), answer.variant)) {
      throw wrong(index, 'no such side or deletion');
    }
    if (!isReviewRating(answer.rating)) throw wrong(index, 'a rating is 1 to 4');
    if (!isTimeOfAnswer(answer.reviewedAt, now)) {
      throw wrong(index, 'not a time between 2006 and now');
    }
    if (!Number.isInteger(answer.durationMs) || answer.durationMs < 0) {
      throw wrong(index, 'not an answer time');
    }
  });
}

/** What was brought: answers logged, items given a state. */
export interface BroughtProgress {
  answers: number;
  studied: number;
}

/**
 * Writes a set's history as the learner's: a review-log row per answer (source `import`) and the state each
 * studied item's history gives. `cards` are the set's stored cards, in the order of the history's card
 * indexes; answers Recall cannot bring (see answersToItems) are left out. Call inside the import's transaction; the cards are new, so the learner has no state
 * of them yet.
 */
export async function storeProgress(
  repos: Repositories,
  learner: { userId: number; setId: number },
  cards: readonly CardRow[],
  history: readonly ImportedReview[],
  now: Date,
): Promise<BroughtProgress> {
  const states = [];
  const logs = [];
  const usable = history.filter((answer) => {
    const card = cards[answer.cardIndex];
    return isUsable(answer, card === undefined ? undefined : toItemCard(card), now);
  });
  for (const { cardIndex, variant, replayed } of replayedItems(usable).values()) {
    const cardId = cards[cardIndex]!.id;
    states.push({
      userId: learner.userId,
      cardId,
      variant,
      cardSetId: learner.setId,
      state: toStateValues(replayed.state),
    });
    for (const { entry, practice } of replayed.log) {
      const durationMs = entry.durationMs === null ? null : Math.min(entry.durationMs, MAX_DURATION_MS);
      logs.push(
        reviewLogRow(
          learner.userId,
          { card: { id: cardId, cardSetId: learner.setId }, variant, at: entry.reviewedAt, source: 'import' },
          { ...entry, durationMs },
          practice,
        ),
      );
    }
  }
  for (let at = 0; at < states.length; at += BATCH_ROWS) {
    await repos.study.insertStates(states.slice(at, at + BATCH_ROWS), now.getTime());
  }
  for (let at = 0; at < logs.length; at += BATCH_ROWS) {
    await repos.study.insertLogs(logs.slice(at, at + BATCH_ROWS));
  }
  return { answers: logs.length, studied: states.length };
}
