/** The shapes of a study plan (exam-plan.ts makes them): its exams, items, planned reviews and days. */
import type { DayMemory } from './day-memory.js';
import type { Scheduler, StudyState } from './scheduling.js';

export interface PlanExam {
  key: string;
  date: Date;
  /** Recall wanted on the exam day for each item, 0.5–0.99. */
  targetRecall: number;
  /** Most reviews a day the learner wants (days over it are reported). */
  dailyCap: number;
}

export interface PlanItem {
  key: string;
  setKey: string | null;
  state: StudyState;
  /** Keys of the exams the item is in. */
  exams: readonly string[];
}

export interface StudyPlanOptions {
  /** In the order new items are to be introduced (within each exam). */
  items: readonly PlanItem[];
  exams: readonly PlanExam[];
  now: Date;
  newCardsPerDay: number;
  /** New items already studied today (they count against today's limit). */
  newSeenToday: number;
  scheduler?: Scheduler;
  /** False: leave each exam review on the last day of its window (readiness is the same). Default true. */
  spreadFinalReviews?: boolean;
}

/**
 * learning: a step of today's learning; new: the first study; due: FSRS's schedule; exam: the final review
 * placed for the exam; at-risk: the reviews of an item no single review can bring to the target.
 */
export type PlannedReviewReason = 'learning' | 'new' | 'due' | 'exam' | 'at-risk';

export interface PlannedReview {
  day: number;
  reason: PlannedReviewReason;
}

export type ItemStatus = 'ready' | 'at-risk' | 'not-started';

export interface PlannedItem {
  key: string;
  setKey: string | null;
  /** The exam the item is planned for: the first of `exams`. */
  exam: string;
  /** Every exam ahead that the item is in, soonest first. */
  exams: string[];
  /** Its memory once today's learning steps are done; null for a new item. */
  memory: DayMemory | null;
  /** True if answered today already (it counts in today's load). */
  doneToday: boolean;
  reviews: PlannedReview[];
  introducedOn: number | null;
  /** The days its last review before the exam may take place on; null when that is fixed or not needed. */
  window: FinalWindow | null;
  /** Recall on the exam day if every planned review is recalled. */
  recallOnExam: number;
  status: ItemStatus;
}

export interface PlannedExam {
  key: string;
  /** Days from today to the exam (at least 1). */
  day: number;
  targetRecall: number;
  dailyCap: number;
}

export interface StudyPlan {
  /** Midnight UTC of day 0. */
  start: Date;
  /** The exams ahead, soonest first. */
  exams: PlannedExam[];
  items: PlannedItem[];
  /** Items reviewed or introduced per day, day 0 to the day before the last exam. */
  load: number[];
  newCardsPerDay: number;
}

/**
 * The days an item's last review before the exam may take (inclusive): an exam review, or FSRS's own
 * review that finishes the item (latestDay is FSRS's due day).
 */
export interface FinalWindow {
  earliestDay: number;
  latestDay: number;
  reason: 'due' | 'exam';
}
