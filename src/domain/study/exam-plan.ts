/**
 * One schedule for a learner with exams: what to study each day until the last exam, of which day 0 is
 * today's /review queue. Days are UTC calendar days (as ts-fsrs counts them); day 0 is today, an exam on
 * day E gets reviews on days 0 … E − 1. Each item (a card's side or deletion, see study-items.ts) is
 * planned for its next exam ahead (its "exam"): the earliest among the exams whose sets it is in. Every
 * planned review is assumed recalled here (the forecast, exam-forecast.ts, draws the outcomes instead).
 *
 * 1. Items in their learning steps finish them today (or when the step falls due).
 * 2. New items are introduced at most `newCardsPerDay` a day (today: what is left of it), the items of
 *    the earliest exam first, each in the caller's order; an item that cannot be started before its exam
 *    is "not started", and counts as not known on the day.
 * 3. Each studied or introduced item follows FSRS's schedule (a review on each due day before the exam)
 *    until one review finishes it: lifts its recall on the exam day to the target and leaves FSRS's next
 *    due date on or after the exam. Reviewing later only helps, so the days on which that works form a
 *    window. If FSRS's own review in the last three days before the exam finishes it, that review's window
 *    ends on FSRS's due day; if FSRS's schedule would leave its recall on the day under the target, the
 *    plan adds an exam review, window ending on E − 1. An item at the target without more reviews needs
 *    neither.
 * 4. An item that no single review can finish (a high target, little time) is reviewed as soon as
 *    possible, then as FSRS says, with a top-up on the last day; it is "at risk" if still under the target.
 * 5. These last reviews are spread: the least flexible first (the shortest window), each goes to the day
 *    of its window with the fewest reviews so far (counting every other review of that day), the latest
 *    of those on a tie; FSRS's own review leaves its day only for a clearly lighter one (each day sooner
 *    costs recall). The load is levelled across the days before the exam instead of piling up on the last
 *    ones, which hold their share like any other day. Today's load counts what was already answered today,
 *    so planning again later the same day puts nothing more on today (each item sees the same loads).
 * The learner's daily cap (most reviews a day) is not enforced; days over it are reported.
 */
import { dateDiffInDays } from 'ts-fsrs';
import { AppError } from '../errors.js';
import { DayModel, dayMemoryOf, type DayMemory } from './day-memory.js';
import { defaultScheduler, review, type Scheduler, type StudyState } from './scheduling.js';
import type {
  FinalWindow,
  PlannedExam,
  PlannedItem,
  PlannedReview,
  PlannedReviewReason,
  StudyPlan,
  StudyPlanOptions,
} from './exam-plan-types.js';

export type {
  PlanExam,
  PlanItem,
  StudyPlanOptions,
  PlannedReviewReason,
  PlannedReview,
  ItemStatus,
  PlannedItem,
  PlannedExam,
  StudyPlan,
  FinalWindow,
} from './exam-plan-types.js';

export const DEFAULT_TARGET_RECALL = 0.9;
const MAX_PLAN_DAYS = 3660;
const DAY_MS = 86_400_000;

/**
 * The last days before an exam, where FSRS's own reviews may be brought forward to spread the load (an
 * FSRS review before them keeps its day: bringing it forward would only cost recall).
 */
const FINAL_DAYS = 3;

/** One item's schedule for one exam from a given memory: see steps 3 and 4 above. */
export interface ChainPlan {
  reviews: PlannedReview[];
  window: FinalWindow | null;
  memory: DayMemory;
}

/** The plan of an item from `memory`, no review before day `from`, for an exam on day `examDay`. */
export function planChain(
  model: DayModel,
  memory: DayMemory,
  from: number,
  examDay: number,
  target: number,
): ChainPlan {
  const reviews: PlannedReview[] = [];
  const works = (m: DayMemory, day: number) => {
    const after = model.review(m, day, true);
    return model.recall(after, examDay) >= target && after.due >= examDay;
  };
  /** The first day in [lo, hi] on which a review works, given that it works on hi. */
  const earliest = (m: DayMemory, lo: number, hi: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (works(m, mid)) hi = mid;
      else lo = mid + 1;
    }
    return hi;
  };
  let m = memory;
  let next = Math.max(from, m.last + 1, 0);
  let rescued = false;
  for (let guard = 0; guard < MAX_PLAN_DAYS && next <= examDay - 1; guard++) {
    const due = Math.max(m.due, next);
    if (due >= examDay) {
      if (model.recall(m, examDay) >= target) break;
      if (works(m, examDay - 1)) {
        return {
          reviews,
          window: { earliestDay: earliest(m, next, examDay - 1), latestDay: examDay - 1, reason: 'exam' },
          memory: m,
        };
      }
      // No single review reaches the target: review now, follow FSRS, top up on the last day.
      const day = rescued ? examDay - 1 : next;
      reviews.push({ day, reason: 'at-risk' });
      m = model.review(m, day, true);
      if (rescued) break;
      rescued = true;
    } else if (!rescued && due >= examDay - FINAL_DAYS && works(m, due)) {
      // FSRS's review that finishes the item, in the last days: it may come a little sooner if its day is busy.
      return {
        reviews,
        window: { earliestDay: earliest(m, next, due), latestDay: due, reason: 'due' },
        memory: m,
      };
    } else {
      reviews.push({ day: due, reason: rescued ? 'at-risk' : 'due' });
      m = model.review(m, due, true);
    }
    next = m.last + 1;
  }
  return { reviews, window: null, memory: m };
}

function validate(options: StudyPlanOptions): void {
  const problems: { field: string; message: string }[] = [];
  const valid = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!valid(options.now)) problems.push({ field: 'now', message: 'Not a valid date.' });
  if (!Number.isInteger(options.newCardsPerDay) || options.newCardsPerDay < 0) {
    problems.push({ field: 'newCardsPerDay', message: 'A whole number, at least 0.' });
  }
  if (!Number.isInteger(options.newSeenToday) || options.newSeenToday < 0) {
    problems.push({ field: 'newSeenToday', message: 'A whole number, at least 0.' });
  }
  for (const exam of options.exams) {
    if (!valid(exam.date)) problems.push({ field: 'examDate', message: 'Not a valid date.' });
    if (!(exam.targetRecall >= 0.5 && exam.targetRecall <= 0.99)) {
      problems.push({ field: 'targetRecall', message: 'Between 0.5 and 0.99.' });
    }
    if (!Number.isInteger(exam.dailyCap) || exam.dailyCap < 1) {
      problems.push({ field: 'dailyCap', message: 'A whole number, at least 1.' });
    }
    if (problems.length === 0 && dateDiffInDays(options.now, exam.date) > MAX_PLAN_DAYS) {
      problems.push({ field: 'examDate', message: 'At most 10 years ahead.' });
    }
  }
  if (problems.length > 0)
    throw new AppError('validation', 'The study plan options are not valid.', problems);
}

/** An item in its learning steps, taken through them (each answered Good when due): the days and memory. */
function finishSteps(state: StudyState, now: Date, today: Date, scheduler: Scheduler) {
  let current = state;
  const days: number[] = [];
  for (let step = 0; step < 4 && current.phase !== 'review'; step++) {
    const at = new Date(Math.max(now.getTime(), current.due.getTime()));
    current = review(current, 3, at, { scheduler }).state;
    days.push(dateDiffInDays(today, at));
  }
  return { days, memory: dayMemoryOf(current, today) };
}

/** Reviews a day that bringing FSRS's own review one day sooner must save, to be worth its lost recall. */
const DUE_REVIEW_SHIFT_COST = 2;

/**
 * The day of the window to review on: the one with the fewest reviews, the latest of those (a later review
 * leaves more recall on the exam day). FSRS's own review counts each day sooner as DUE_REVIEW_SHIFT_COST
 * more reviews: it moves off its day only to a clearly lighter one.
 */
export function leastLoadedDay(load: readonly number[], window: FinalWindow) {
  const cost = window.reason === 'due' ? DUE_REVIEW_SHIFT_COST : 0;
  const score = (day: number) => (load[day] ?? 0) + cost * (window.latestDay - day);
  let best = window.latestDay;
  for (let day = window.latestDay - 1; day >= window.earliestDay; day--) {
    if (score(day) < score(best)) best = day;
  }
  return best;
}

/** Places the last reviews, the least flexible first, each on the least loaded day of its window. */
function placeFinals(windows: readonly FinalWindow[], load: number[]): number[] {
  const order = windows
    .map((window, index) => ({ window, index }))
    .sort(
      (a, b) =>
        a.window.latestDay - a.window.earliestDay - (b.window.latestDay - b.window.earliestDay) ||
        a.window.latestDay - b.window.latestDay ||
        a.index - b.index,
    );
  const days = new Array<number>(windows.length);
  for (const { window, index } of order) {
    const day = leastLoadedDay(load, window);
    days[index] = day;
    load[day]!++;
  }
  return days;
}

export function planStudy(options: StudyPlanOptions): StudyPlan {
  validate(options);
  const scheduler = options.scheduler ?? defaultScheduler;
  const model = new DayModel(scheduler);
  const now = options.now;
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const exams: PlannedExam[] = options.exams
    .map((exam) => ({
      key: exam.key,
      day: dateDiffInDays(now, exam.date),
      targetRecall: exam.targetRecall,
      dailyCap: exam.dailyCap,
    }))
    .filter((exam) => exam.day >= 1)
    .sort((a, b) => a.day - b.day || a.key.localeCompare(b.key));
  const examOf = new Map(exams.map((exam) => [exam.key, exam]));
  const horizon = exams.at(-1)?.day ?? 0;
  const fixed = new Array<number>(horizon).fill(0);

  interface Work extends PlannedItem {
    examDay: number;
    target: number;
  }
  const works: Work[] = [];
  for (const item of options.items) {
    const ahead = [...new Set(item.exams)]
      .map((key) => examOf.get(key))
      .filter((e): e is PlannedExam => e !== undefined)
      .sort((a, b) => a.day - b.day || a.key.localeCompare(b.key));
    const exam = ahead[0];
    if (exam === undefined) continue;
    const work: Work = {
      key: item.key,
      setKey: item.setKey,
      exam: exam.key,
      exams: ahead.map((e) => e.key),
      memory: null,
      doneToday: item.state.lastReview !== null && dateDiffInDays(start, item.state.lastReview) === 0,
      reviews: [],
      introducedOn: null,
      window: null,
      recallOnExam: 0,
      status: 'not-started',
      examDay: exam.day,
      target: exam.targetRecall,
    };
    if (item.state.phase === 'learning' || item.state.phase === 'relearning') {
      const finished = finishSteps(item.state, now, start, scheduler);
      work.reviews.push(
        ...finished.days.filter((d) => d < exam.day).map((day) => ({ day, reason: 'learning' as const })),
      );
      work.memory = finished.memory;
    } else if (item.state.phase === 'review') {
      work.memory = dayMemoryOf(item.state, start);
    }
    works.push(work);
  }

  // 2. New items, the earliest exam's first.
  const fresh = works
    .map((work, index) => ({ work, index }))
    .filter(({ work }) => work.memory === null)
    .sort((a, b) => a.work.examDay - b.work.examDay || a.index - b.index)
    .map(({ work }) => work);
  let day = 0;
  let room = Math.max(0, options.newCardsPerDay - options.newSeenToday);
  for (const work of fresh) {
    while (room === 0 && day < horizon) {
      day++;
      room = options.newCardsPerDay;
    }
    if (day >= work.examDay) continue;
    work.introducedOn = day;
    work.reviews.push({ day, reason: 'new' });
    work.memory = model.learn(day);
    room--;
  }

  // 3–4. FSRS's schedule until a final review can finish the item.
  const windowed: Work[] = [];
  for (const work of works) {
    if (work.memory === null) continue;
    const from = work.introducedOn === null ? 0 : work.introducedOn + 1;
    const chain = planChain(model, work.memory, from, work.examDay, work.target);
    work.reviews.push(...chain.reviews);
    if (chain.window !== null) {
      work.window = chain.window;
      windowed.push(work);
    }
  }
  for (const work of works) {
    const days = new Set(work.reviews.map((r) => r.day));
    if (work.doneToday) days.add(0);
    for (const d of days) if (d < horizon) fixed[d]!++;
  }

  // 5. Spread the final reviews.
  const load = [...fixed];
  const placed =
    options.spreadFinalReviews === false
      ? windowed.map((work) => work.window!.latestDay)
      : placeFinals(
          windowed.map((work) => work.window!),
          load,
        );
  windowed.forEach((work, index) => work.reviews.push({ day: placed[index]!, reason: work.window!.reason }));

  for (const work of works) {
    work.reviews.sort((a, b) => a.day - b.day);
    if (work.memory === null) continue;
    let m: DayMemory = work.memory;
    for (const r of work.reviews) {
      if (r.reason === 'learning' || r.reason === 'new') continue;
      m = model.review(m, r.day, true);
    }
    work.recallOnExam = model.recall(m, work.examDay);
    work.status = work.recallOnExam >= work.target ? 'ready' : 'at-risk';
  }

  return {
    start,
    exams,
    items: works.map(({ examDay: _day, target: _target, ...item }) => item),
    load,
    newCardsPerDay: options.newCardsPerDay,
  };
}

/** The items to study today: those with a review planned for day 0, by key. */
export function todaysItems(plan: StudyPlan): Map<string, PlannedReviewReason> {
  const today = new Map<string, PlannedReviewReason>();
  for (const item of plan.items) {
    const first = item.reviews[0];
    if (first !== undefined && first.day === 0) today.set(item.key, first.reason);
  }
  return today;
}
