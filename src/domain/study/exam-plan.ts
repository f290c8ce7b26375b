/**
 * Exam dates: a plan that has every card's predicted recall ON THE EXAM DAY at or above a target (default
 * 90%), with the reviews spread so that no day goes over the learner's daily cap unless it cannot be helped.
 *
 * Model. Days are UTC calendar days (as ts-fsrs counts them): day 0 is `today`, the exam is on day E, and
 * reviews happen on days 0 … E−1. Every planned review is assumed to be answered Good. After a card's last
 * review on day d, with stability S, its recall on the exam day is R = forgettingCurve(E − d, S).
 *
 * Algorithm.
 * 1. Cards already studied keep their FSRS schedule: a review on each due day before the exam (an overdue
 *    card is due today), each next due day from ts-fsrs's interval. These "due" reviews are never moved.
 * 2. New cards are introduced in the given order, at most `newCardsPerDay` a day, on the first day where the
 *    first study and every FSRS review that follows it before the exam fit under the cap.
 * 3. A card whose recall on the exam day after that schedule is below the target gets one "exam" review.
 *    Reviewing later only helps (recall decays less before the exam, and FSRS's stability grows more), so
 *    the days on which that review works form a window [earliest safe day, E − 1]: the earliest safe day
 *    is the first day from which a review both lifts recall on the exam day to the target and leaves
 *    FSRS's next due date on or after the exam (so it needs no follow-up). The exam review starts on its
 *    latest day and is only ever moved earlier, never before the earliest safe day.
 * 4. A card that even a review on day E − 1 cannot lift to the target is "at risk": it is reviewed as soon
 *    as possible (the first day with room, else the least loaded), then again whenever FSRS says so.
 * 5. Exam reviews are spread by filling days from the last one backwards, giving each day's room to the
 *    reviews with the latest earliest-safe-day first (earliest-deadline-first, run backwards in time). That
 *    fits as many as can fit; those left over go to the least loaded day of their window.
 *
 * When a day can exceed the cap (exactly):
 * (a) the FSRS due reviews of cards already studied fall on it beyond the cap (they are never postponed;
 *     overdue cards all fall on day 0);
 * (b) exam reviews cannot all fit: for some day a, the exam reviews whose window starts on or after a
 *     outnumber the room left on days a … E − 1 by the due and new-card reviews. The plan's total overflow of
 *     exam reviews is then exactly the largest such excess, which is the least any plan can achieve;
 * (c) an at-risk card's review, when every day from its first possible day to the exam is already full,
 *     and the FSRS reviews that follow it.
 * New-card reviews never push a day over the cap: a new card that cannot fit is left for an exam review.
 */
import { type FSRS, Rating, dateDiffInDays, fsrs } from 'ts-fsrs';
import { AppError } from '../errors.js';
import { defaultScheduler, type Scheduler, type StudyState } from './scheduling.js';

export const DEFAULT_TARGET_RECALL = 0.9;
const MAX_PLAN_DAYS = 3660;
const DAY_MS = 86_400_000;

export interface ExamCard {
  /** The caller's id for the card (e.g. "set 3, card 4" or a database id). */
  key: string;
  /** The set the card belongs to, for per-set averages. */
  setKey?: string | null;
  state: StudyState;
}

export interface ExamPlanOptions {
  cards: readonly ExamCard[];
  /** Now: day 0 of the plan is its UTC date. */
  today: Date;
  /** The exam's date (its UTC date is the exam day). */
  examDate: Date;
  /** Recall probability wanted on the exam day, 0.5–0.99. Default 0.9. */
  targetRecall?: number;
  /** Most reviews wanted per day (at least 1). */
  dailyCap: number;
  /** Most new cards introduced per day. Default: the daily cap. */
  newCardsPerDay?: number;
  scheduler?: Scheduler;
}

/**
 * due: FSRS's schedule of a card already studied; new: a new card's first study and the FSRS reviews that
 * follow; exam: the extra review for the exam day; at-risk: the reviews of a card that cannot reach the target.
 */
export type PlannedReviewReason = 'due' | 'new' | 'exam' | 'at-risk';

export interface PlannedReview {
  day: number;
  date: Date;
  reason: PlannedReviewReason;
}

export interface PlannedCard {
  key: string;
  setKey: string | null;
  reviews: PlannedReview[];
  /** The first planned review: FSRS's due date, brought forward when the exam needs it. Null: none needed. */
  nextReview: Date | null;
  /** Predicted probability of recall on the exam day if the plan is followed (each review rated Good). */
  predictedRecall: number;
  atRisk: boolean;
  /** The days an exam review may take place (inclusive); null when the card needs none. */
  examWindow: { earliestDay: number; latestDay: number } | null;
}

export interface PlanDay {
  day: number;
  date: Date;
  due: number;
  new: number;
  exam: number;
  atRisk: number;
  total: number;
  overCap: boolean;
}

export interface SetRecall {
  setKey: string | null;
  cards: number;
  averageRecall: number;
  atRisk: number;
}

export interface ExamPlan {
  /** Midnight UTC of day 0. */
  start: Date;
  examDay: number;
  targetRecall: number;
  dailyCap: number;
  days: PlanDay[];
  cards: PlannedCard[];
  averageRecall: number;
  bySet: SetRecall[];
  atRisk: number;
}

interface Memory {
  stability: number;
  difficulty: number;
  /** Day of the last review. */
  last: number;
}

/** The day arithmetic and FSRS calls the plan needs, with fuzz off so that plans are reproducible. */
class Simulator {
  private readonly algorithm: FSRS;

  constructor(
    scheduler: Scheduler,
    readonly examDay: number,
  ) {
    this.algorithm = fsrs({ ...scheduler.fsrs.parameters, enable_fuzz: false });
  }

  reviewOn(memory: Memory | null, day: number): Memory {
    const next = this.algorithm.next_state(
      memory === null ? null : { stability: memory.stability, difficulty: memory.difficulty },
      memory === null ? 0 : Math.max(0, day - memory.last),
      Rating.Good,
    );
    return { stability: next.stability, difficulty: next.difficulty, last: day };
  }

  nextDue(memory: Memory): number {
    return memory.last + this.algorithm.next_interval(memory.stability, 0);
  }

  recallOnExam(memory: Memory | null): number {
    if (memory === null) return 0;
    return this.algorithm.forgetting_curve(Math.max(0, this.examDay - memory.last), memory.stability);
  }

  /** FSRS's reviews from `memory` until the exam, each on its due day (never before `from`). */
  chain(memory: Memory, firstDue: number): { days: number[]; memory: Memory } {
    const days: number[] = [];
    let current = memory;
    let due = Math.max(firstDue, 0);
    while (due <= this.examDay - 1) {
      current = this.reviewOn(current, due);
      days.push(due);
      due = Math.max(this.nextDue(current), due + 1);
    }
    return { days, memory: current };
  }

  /** A single review on `day` lifts recall on the exam day to the target and needs no follow-up. */
  examReviewWorks(memory: Memory | null, day: number, target: number): boolean {
    const after = this.reviewOn(memory, day);
    return this.recallOnExam(after) >= target && this.nextDue(after) >= this.examDay;
  }
}

function memoryOf(state: StudyState, today: Date): Memory | null {
  if (
    state.phase === 'new' ||
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
  };
}

function validate(options: ExamPlanOptions): {
  target: number;
  cap: number;
  newPerDay: number;
  examDay: number;
} {
  const problems: { field: string; message: string }[] = [];
  const target = options.targetRecall ?? DEFAULT_TARGET_RECALL;
  if (!(target >= 0.5 && target <= 0.99))
    problems.push({ field: 'targetRecall', message: 'Between 0.5 and 0.99.' });
  const cap = options.dailyCap;
  if (!Number.isInteger(cap) || cap < 1)
    problems.push({ field: 'dailyCap', message: 'A whole number, at least 1.' });
  const newPerDay = options.newCardsPerDay ?? cap;
  if (!Number.isInteger(newPerDay) || newPerDay < 0) {
    problems.push({ field: 'newCardsPerDay', message: 'A whole number, at least 0.' });
  }
  const valid = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!valid(options.today)) problems.push({ field: 'today', message: 'Not a valid date.' });
  if (!valid(options.examDate)) problems.push({ field: 'examDate', message: 'Not a valid date.' });
  const examDay = problems.length === 0 ? dateDiffInDays(options.today, options.examDate) : 0;
  if (examDay < 0) problems.push({ field: 'examDate', message: 'The exam date has passed.' });
  if (examDay > MAX_PLAN_DAYS) problems.push({ field: 'examDate', message: 'At most 10 years ahead.' });
  if (problems.length > 0) throw new AppError('validation', 'The exam plan options are not valid.', problems);
  return { target, cap, newPerDay, examDay };
}

interface Work {
  card: ExamCard;
  memory: Memory | null;
  reviews: { day: number; reason: PlannedReviewReason }[];
  window: { earliestDay: number; latestDay: number } | null;
  atRisk: boolean;
}

export function planForExam(options: ExamPlanOptions): ExamPlan {
  const { target, cap, newPerDay, examDay } = validate(options);
  const sim = new Simulator(options.scheduler ?? defaultScheduler, examDay);
  const start = new Date(
    Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate()),
  );
  const load = new Array<number>(examDay).fill(0);
  const add = (work: Work, day: number, reason: PlannedReviewReason) => {
    work.reviews.push({ day, reason });
    load[day]!++;
  };

  // 1. FSRS's own schedule for the cards already studied.
  const works: Work[] = options.cards.map((card) => ({
    card,
    memory: memoryOf(card.state, options.today),
    reviews: [],
    window: null,
    atRisk: false,
  }));
  for (const work of works) {
    if (work.memory === null) continue;
    const firstDue = Math.max(dateDiffInDays(options.today, work.card.state.due), work.memory.last, 0);
    const chain = sim.chain(work.memory, firstDue);
    chain.days.forEach((day) => add(work, day, 'due'));
    work.memory = chain.memory;
  }

  // 2. New cards, where their first study and its follow-ups fit under the cap.
  const newWorks = works.filter((work) => work.memory === null);
  let nextNew = 0;
  for (let day = 0; day < examDay && nextNew < newWorks.length; day++) {
    const first = sim.reviewOn(null, day);
    const chain = sim.chain(first, sim.nextDue(first));
    const days = [day, ...chain.days];
    for (let today = 0; today < newPerDay && nextNew < newWorks.length; today++) {
      if (days.some((d) => load[d]! >= cap)) break;
      const work = newWorks[nextNew++]!;
      days.forEach((d) => add(work, d, 'new'));
      work.memory = chain.memory;
    }
  }

  // 3. Exam reviews where the schedule leaves recall on the exam day under the target.
  const examItems: Work[] = [];
  const riskItems: Work[] = [];
  for (const work of works) {
    if (sim.recallOnExam(work.memory) >= target) continue;
    const from = work.memory === null ? 0 : Math.max(0, work.memory.last + 1);
    const latest = examDay - 1;
    if (latest < from || !sim.examReviewWorks(work.memory, latest, target)) {
      work.atRisk = true;
      riskItems.push(work);
      continue;
    }
    let earliest = latest;
    while (earliest - 1 >= from && sim.examReviewWorks(work.memory, earliest - 1, target)) earliest--;
    work.window = { earliestDay: earliest, latestDay: latest };
    examItems.push(work);
  }

  // 5. Spread them: fill days from the last backwards, the least flexible reviews first.
  examItems.sort((a, b) => b.window!.earliestDay - a.window!.earliestDay);
  const overflow: Work[] = [];
  let cursor = 0;
  for (let day = examDay - 1; day >= 0 && cursor < examItems.length; day--) {
    while (cursor < examItems.length && examItems[cursor]!.window!.earliestDay > day) {
      overflow.push(examItems[cursor++]!);
    }
    let room = Math.max(0, cap - load[day]!);
    while (room > 0 && cursor < examItems.length) {
      add(examItems[cursor++]!, day, 'exam');
      room--;
    }
  }
  overflow.push(...examItems.slice(cursor));
  for (const work of overflow) {
    const { earliestDay, latestDay } = work.window!;
    let best = latestDay;
    for (let day = latestDay - 1; day >= earliestDay; day--) if (load[day]! < load[best]!) best = day;
    add(work, best, 'exam');
  }

  // 4. At-risk cards: as soon as possible, then FSRS's follow-ups.
  for (const work of riskItems) {
    const from = work.memory === null ? 0 : Math.max(0, work.memory.last + 1);
    if (from > examDay - 1) continue;
    let day = from;
    while (day < examDay && load[day]! >= cap) day++;
    if (day >= examDay) {
      day = from;
      for (let d = from + 1; d < examDay; d++) if (load[d]! < load[day]!) day = d;
    }
    add(work, day, 'at-risk');
    const reviewed = sim.reviewOn(work.memory, day);
    const chain = sim.chain(reviewed, sim.nextDue(reviewed));
    chain.days.forEach((d) => add(work, d, 'at-risk'));
  }

  const dateOf = (day: number) => new Date(start.getTime() + day * DAY_MS);
  const cards: PlannedCard[] = works.map((work) => {
    const reviews = [...work.reviews].sort((a, b) => a.day - b.day);
    const predictedRecall = sim.recallOnExam(
      reviews.reduce<Memory | null>(
        (memory, review) => sim.reviewOn(memory, review.day),
        memoryOf(work.card.state, options.today),
      ),
    );
    return {
      key: work.card.key,
      setKey: work.card.setKey ?? null,
      reviews: reviews.map((review) => ({ ...review, date: dateOf(review.day) })),
      nextReview: reviews[0] === undefined ? null : dateOf(reviews[0].day),
      predictedRecall,
      atRisk: work.atRisk,
      examWindow: work.window,
    };
  });

  const days: PlanDay[] = [];
  for (let day = 0; day < examDay; day++) {
    days.push({
      day,
      date: dateOf(day),
      due: 0,
      new: 0,
      exam: 0,
      atRisk: 0,
      total: load[day]!,
      overCap: load[day]! > cap,
    });
  }
  for (const card of cards) {
    for (const review of card.reviews) {
      const planDay = days[review.day]!;
      if (review.reason === 'at-risk') planDay.atRisk++;
      else planDay[review.reason]++;
    }
  }

  const average = (values: readonly number[]) =>
    values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length;
  const setKeys = [...new Set(cards.map((card) => card.setKey))];
  return {
    start,
    examDay,
    targetRecall: target,
    dailyCap: cap,
    days,
    cards,
    averageRecall: average(cards.map((card) => card.predictedRecall)),
    bySet: setKeys.map((setKey) => {
      const inSet = cards.filter((card) => card.setKey === setKey);
      return {
        setKey,
        cards: inSet.length,
        averageRecall: average(inSet.map((card) => card.predictedRecall)),
        atRisk: inSet.filter((card) => card.atRisk).length,
      };
    }),
    atRisk: cards.filter((card) => card.atRisk).length,
  };
}
