/**
 * An item's memory counted in whole days, for plans and their simulations: what FSRS (ts-fsrs 5, default
 * learning steps 1m/10m, relearning step 10m, no fuzz) does to a study state, one study session a day,
 * computed with ts-fsrs's own formulas but without building cards and logs (about 15× faster than
 * `review`, which plans need: thousands of items, days and simulated runs per page).
 *
 * A session is what a learner following /review does with the item on one day:
 * - learn: a new item's first answer Good, then Good at its 10-minute step, which graduates it;
 * - review, passed: Good;
 * - review, failed: Again, then Good at the 10-minute relearning step.
 * `test/unit/domain/study/day-memory.test.ts` checks these against `review` answer by answer.
 */
import { type FSRS, Rating, dateDiffInDays, fsrs } from 'ts-fsrs';
import { defaultScheduler, type Scheduler, type StudyState } from './scheduling.js';

/** Days are counted from a plan's day 0 (today); `last` may be negative (reviewed before today). */
export interface DayMemory {
  stability: number;
  difficulty: number;
  /** The day of the last answer. */
  last: number;
  /** The day FSRS next wants the item. */
  due: number;
}

export class DayModel {
  private readonly algorithm: FSRS;

  constructor(scheduler: Scheduler = defaultScheduler) {
    this.algorithm = fsrs({ ...scheduler.fsrs.parameters, enable_fuzz: false });
  }

  /** A new item's first session on `day`. */
  learn(day: number): DayMemory {
    const first = this.algorithm.next_state(null, 0, Rating.Good);
    const graduated = this.algorithm.next_state(first, 0, Rating.Good);
    return { ...graduated, last: day, due: day + this.algorithm.next_interval(graduated.stability, 0) };
  }

  /** A review on `day` (a later day than `memory.last`), recalled or not. */
  review(memory: DayMemory, day: number, passed: boolean): DayMemory {
    const elapsed = Math.max(0, day - memory.last);
    const before = { stability: memory.stability, difficulty: memory.difficulty };
    const r = this.algorithm.forgetting_curve(elapsed, memory.stability);
    if (passed) {
      const good = this.algorithm.next_state(before, elapsed, Rating.Good, r);
      const hard = this.algorithm.next_state(before, elapsed, Rating.Hard, r);
      // As ts-fsrs's review scheduler: Good is at least one day longer than Hard.
      const hardInterval = Math.min(
        this.algorithm.next_interval(hard.stability, elapsed),
        this.algorithm.next_interval(good.stability, elapsed),
      );
      const interval = Math.max(this.algorithm.next_interval(good.stability, elapsed), hardInterval + 1);
      return { ...good, last: day, due: day + interval };
    }
    const lapsed = this.algorithm.next_state(before, elapsed, Rating.Again, r);
    const relearned = this.algorithm.next_state(lapsed, 0, Rating.Good);
    return { ...relearned, last: day, due: day + this.algorithm.next_interval(relearned.stability, 0) };
  }

  /** The probability of recall on `day`: FSRS's forgetting curve over whole days since the last answer. */
  recall(memory: DayMemory | null, day: number): number {
    if (memory === null) return 0;
    return this.algorithm.forgetting_curve(Math.max(0, day - memory.last), memory.stability);
  }
}

/**
 * A studied item's memory in days from `today` (midnight UTC of day 0), for a state in the review phase.
 * Null for a new item and for one in its (re)learning steps (plans finish those with `review` first).
 */
export function dayMemoryOf(state: StudyState, today: Date): DayMemory | null {
  if (
    state.phase !== 'review' ||
    state.lastReview === null ||
    !(state.stability > 0) ||
    !(state.difficulty >= 1)
  ) {
    return null;
  }
  return {
    stability: state.stability,
    difficulty: state.difficulty,
    last: dateDiffInDays(today, state.lastReview),
    due: dateDiffInDays(today, state.due),
  };
}
