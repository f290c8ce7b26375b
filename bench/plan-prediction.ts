/** What an exam page predicts, read from the service's view of the plan. */
import type { ExamPlanView } from '../src/services/study/exams.js';

export interface Prediction {
  /** Predicted mean recall of the exam's items on the day. */
  recall: number;
  /** Predicted share of items at the target on the day. */
  atTarget: number;
  /** The spread of the share recalled on the day (5th and 95th percentiles of the simulated runs). */
  low?: number;
  high?: number;
  /** Share of items the plan brings to the target if each planned review is recalled. */
  ready?: number;
  /** The new-card limit the page offers to meet the target, if any. */
  offeredNewCardsPerDay?: number | null;
  /** Predicted mean recall if the learner misses tomorrow. */
  missTomorrow?: number | null;
}

export function readPrediction(view: ExamPlanView): Prediction {
  const { forecast, summary } = view;
  if (forecast === null || summary === null) return { recall: 0, atTarget: 0 };
  return {
    recall: forecast.recall,
    atTarget: forecast.atTarget,
    low: forecast.low,
    high: forecast.high,
    ready: summary.items === 0 ? 1 : summary.ready / summary.items,
    offeredNewCardsPerDay: view.choices.newCardsPerDay?.perDay ?? null,
    missTomorrow: view.missTomorrow?.recall ?? null,
  };
}
