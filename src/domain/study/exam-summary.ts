/**
 * One exam's part of a study plan, as its page shows it: its items' reviews per day, how many of its items
 * the plan brings to the target (if each planned review is recalled), how many it cannot, and why.
 */
import type { ItemStatus, PlannedReviewReason, StudyPlan } from './exam-plan.js';

const DAY_MS = 86_400_000;

export interface ExamDay {
  day: number;
  date: Date;
  /** Reviews of this exam's items by reason (learning steps count with `due`). */
  due: number;
  new: number;
  exam: number;
  atRisk: number;
  total: number;
  /** Every item reviewed that day, this exam's and the others'. */
  allExams: number;
  overCap: boolean;
}

export interface ExamSetSummary {
  setKey: string | null;
  items: number;
  ready: number;
  /** Mean recall on the day if every planned review is recalled (0 for items not started). */
  recallIfRecalled: number;
}

export interface ExamSummary {
  key: string;
  day: number;
  targetRecall: number;
  dailyCap: number;
  items: number;
  /** Items the plan brings to the target on the day (each planned review recalled). */
  ready: number;
  /** Items started that no schedule can bring to the target in the days left. */
  atRisk: number;
  /** Items the new-card limit leaves unstarted before the exam. */
  notStarted: number;
  recallIfRecalled: number;
  days: ExamDay[];
  bySet: ExamSetSummary[];
}

const BUCKET: Readonly<Record<PlannedReviewReason, 'due' | 'new' | 'exam' | 'atRisk'>> = {
  learning: 'due',
  due: 'due',
  new: 'new',
  exam: 'exam',
  'at-risk': 'atRisk',
};

/** The summary of exam `key`, or null when the plan has no such exam ahead. */
export function summariseExam(plan: StudyPlan, key: string): ExamSummary | null {
  const exam = plan.exams.find((e) => e.key === key);
  if (exam === undefined) return null;
  // Items also in an earlier exam are planned for that one first; their status here is that plan's.
  const items = plan.items.filter((item) => item.exams.includes(key));
  const days: ExamDay[] = Array.from({ length: exam.day }, (_, day) => ({
    day,
    date: new Date(plan.start.getTime() + day * DAY_MS),
    due: 0,
    new: 0,
    exam: 0,
    atRisk: 0,
    total: 0,
    allExams: plan.load[day] ?? 0,
    overCap: (plan.load[day] ?? 0) > exam.dailyCap,
  }));
  for (const item of items) {
    const seen = new Set<number>();
    for (const review of item.reviews) {
      const entry = days[review.day];
      if (entry === undefined || seen.has(review.day)) continue;
      seen.add(review.day);
      entry[BUCKET[review.reason]]++;
      entry.total++;
    }
  }
  const count = (list: typeof items, status: ItemStatus) => list.filter((i) => i.status === status).length;
  const mean = (list: typeof items) =>
    list.length === 0 ? 0 : list.reduce((sum, i) => sum + i.recallOnExam, 0) / list.length;
  const setKeys = [...new Set(items.map((item) => item.setKey))];
  return {
    key,
    day: exam.day,
    targetRecall: exam.targetRecall,
    dailyCap: exam.dailyCap,
    items: items.length,
    ready: count(items, 'ready'),
    atRisk: count(items, 'at-risk'),
    notStarted: count(items, 'not-started'),
    recallIfRecalled: mean(items),
    days,
    bySet: setKeys.map((setKey) => {
      const inSet = items.filter((item) => item.setKey === setKey);
      return { setKey, items: inSet.length, ready: count(inSet, 'ready'), recallIfRecalled: mean(inSet) };
    }),
  };
}
