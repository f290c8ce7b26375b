/**
 * When a plan cannot bring every item of an exam to its target, what would: computed by planning again,
 * not guessed.
 * - More new cards a day: the smallest limit (up to the most allowed) at which as many of the exam's items
 *   are ready as at the most allowed; offered only when that is more than now.
 * - A lower target: the highest whole percent below the target at which every item started is ready (it
 *   helps with items at risk, not with items the limit leaves unstarted); offered only when there is one.
 * Whether an item is ready does not depend on where its final review falls in its window, and only the
 * exams up to this one compete with it for new cards, so the plans made here leave the others out.
 */
import { planStudy, type StudyPlanOptions } from './exam-plan.js';
import { summariseExam } from './exam-summary.js';

export interface ExamChoices {
  newCardsPerDay: { perDay: number; ready: number } | null;
  targetPercent: number | null;
}

export function examChoices(
  options: StudyPlanOptions,
  key: string,
  limits: { maxNewCardsPerDay: number; minTargetPercent: number },
): ExamChoices {
  const exam = options.exams.find((e) => e.key === key);
  if (exam === undefined) return { newCardsPerDay: null, targetPercent: null };
  const earlier = new Set(
    options.exams.filter((e) => e.date.getTime() <= exam.date.getTime()).map((e) => e.key),
  );
  const relevant = {
    ...options,
    exams: options.exams.filter((e) => earlier.has(e.key)),
    items: options.items.filter((item) => item.exams.some((k) => earlier.has(k))),
  };
  const summary = (overrides: Partial<StudyPlanOptions>) =>
    summariseExam(planStudy({ ...relevant, ...overrides, spreadFinalReviews: false }), key);
  const now = summary({});
  if (now === null || now.ready === now.items) return { newCardsPerDay: null, targetPercent: null };

  let newCardsPerDay: ExamChoices['newCardsPerDay'] = null;
  if (now.notStarted > 0 && options.newCardsPerDay < limits.maxNewCardsPerDay) {
    const best = summary({ newCardsPerDay: limits.maxNewCardsPerDay })!.ready;
    if (best > now.ready) {
      let lo = options.newCardsPerDay + 1;
      let hi = limits.maxNewCardsPerDay;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (summary({ newCardsPerDay: mid })!.ready >= best) hi = mid;
        else lo = mid + 1;
      }
      newCardsPerDay = { perDay: hi, ready: best };
    }
  }

  let targetPercent: number | null = null;
  if (now.atRisk > 0) {
    const withTarget = (percent: number) =>
      summary({
        exams: relevant.exams.map((e) => (e.key === key ? { ...e, targetRecall: percent / 100 } : e)),
      })!;
    let lo = limits.minTargetPercent;
    let hi = Math.round(exam.targetRecall * 100) - 1;
    if (hi >= lo && withTarget(lo).atRisk === 0) {
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (withTarget(mid).atRisk === 0) lo = mid;
        else hi = mid - 1;
      }
      targetPercent = lo;
    }
  }
  return { newCardsPerDay, targetPercent };
}
