/**
 * A study item's memory state from its past answers (another app's review log, such as Anki's revlog):
 * every answer is replayed through the same FSRS review Recall applies to its own answers, oldest first,
 * from a new item at the first answer. The states are what FSRS computes from that history, so a student
 * who moves from Anki keeps their schedule; the log entries are what Recall would have logged.
 */
import {
  answerCounts,
  newStudyState,
  practiceEntry,
  review,
  type ReviewLogEntry,
  type ReviewRating,
  type StudyState,
} from './scheduling.js';

export interface PastAnswer {
  rating: ReviewRating;
  at: Date;
  durationMs: number | null;
}

export interface ReplayedItem {
  state: StudyState;
  /** One entry per answer, oldest first; `practice` when it left the state as it was (see answerCounts). */
  log: { entry: ReviewLogEntry; practice: boolean }[];
}

/**
 * The state after `answers` (in any order; replayed oldest first), and the log of each. As when answering
 * in Recall, an answer that does not count (a review card again the same day, a learning step before its
 * minutes have passed) is practice: logged, the state kept.
 */
export function replayHistory(answers: readonly PastAnswer[]): ReplayedItem {
  const ordered = [...answers].sort((a, b) => a.at.getTime() - b.at.getTime());
  let state = newStudyState(ordered[0]?.at ?? new Date(0));
  const log: ReplayedItem['log'] = [];
  for (const answer of ordered) {
    if (!answerCounts(state, answer.at)) {
      log.push({ entry: practiceEntry(state, answer.rating, answer.at, answer.durationMs), practice: true });
      continue;
    }
    const next = review(state, answer.rating, answer.at, { durationMs: answer.durationMs });
    state = next.state;
    log.push({ entry: next.log, practice: false });
  }
  return { state, log };
}

export interface ProgressSummary {
  /** Items with at least one answer. */
  studied: number;
  answers: number;
  /** Due by the end of today (UTC), overdue ones included: what the review queue offers today. */
  dueToday: number;
  /** Due by the end of the seventh day from today, today's included. */
  dueThisWeek: number;
}

const DAY_MS = 86_400_000;

/** How many of the states are due today and this week, as the review queue counts days (UTC). */
export function summariseProgress(items: readonly ReplayedItem[], now: Date): ProgressSummary {
  const tomorrow = (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS;
  const nextWeek = tomorrow + 6 * DAY_MS;
  let dueToday = 0;
  let dueThisWeek = 0;
  let answers = 0;
  for (const { state, log } of items) {
    answers += log.length;
    const due = state.due.getTime();
    if (due < tomorrow) dueToday++;
    if (due < nextWeek) dueThisWeek++;
  }
  return { studied: items.length, answers, dueToday, dueThisWeek };
}
