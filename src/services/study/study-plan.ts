/**
 * A learner's study plan, made from the real state every time it is asked for (after each answer, after a
 * missed day): every exam still ahead, the study items of the sets each covers, and planStudy over them
 * with the learner's new-card limit and the new items already started today. New items are introduced in
 * the sets' order, the cards the learner chose for an exam (exam-focus.ts) first. The daily queue takes its
 * day 0; the exam pages show an exam's part of it.
 */
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { ExamDateRow } from '../../db/repositories/exam-date.repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import {
  itemKey,
  newStudyState,
  planStudy,
  studyVariants,
  type PlanItem,
  type StudyPlan,
  type StudyPlanOptions,
} from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import { getNewCardsPerDay } from './study-settings.js';
import { startOfUtcDay, toItemCard, toStudyState } from './study-mapping.js';

/** The learner's sets an exam covers: its set, or their sets of its subject. */
export function setsCovered(
  exam: ExamDateRow,
  learnerSets: readonly CardSetSummaryRow[],
): CardSetSummaryRow[] {
  return learnerSets.filter((set) =>
    exam.cardSetId !== null ? set.id === exam.cardSetId : set.subjectId === exam.subjectId,
  );
}

/** An exam's key in plans. */
export const examKey = (exam: { id: number }): string => String(exam.id);

export interface LearnerPlan {
  /** What the plan was made from (to plan again with other choices). */
  options: StudyPlanOptions;
  plan: StudyPlan;
  /** The exams still ahead. */
  exams: ExamDateRow[];
}

/** The learner's plan, or null when no exam is ahead. */
export async function buildLearnerPlan(
  repos: Repositories,
  actor: Actor,
  now: Date,
  learnerSets: readonly CardSetSummaryRow[],
): Promise<LearnerPlan | null> {
  const today = startOfUtcDay(now.getTime());
  const exams = (await repos.examDates.listForUser(actor.userId)).filter((exam) => exam.examDate > today);
  if (exams.length === 0) return null;
  const examsOfSet = new Map<number, string[]>();
  for (const exam of exams) {
    for (const set of setsCovered(exam, learnerSets)) {
      examsOfSet.set(set.id, [...(examsOfSet.get(set.id) ?? []), examKey(exam)]);
    }
  }
  const setIds = [...examsOfSet.keys()].sort((a, b) => a - b);
  const [cards, states, newCardsPerDay, newSeenToday, focus] = await Promise.all([
    repos.cardSets.findCardsOfSets(setIds),
    repos.study.findStatesOfSets(actor.userId, setIds),
    getNewCardsPerDay(repos, actor),
    repos.study.countFirstReviewsSince(actor.userId, today),
    repos.examDates.listFocus(exams.map((exam) => exam.id)),
  ]);
  const first = new Set([...focus.values()].flat());
  const stateOf = new Map(states.map((row) => [itemKey(row.cardId, row.variant), row]));
  const ordered = setIds.flatMap((setId) => (cards.get(setId) ?? []).map((card) => ({ setId, card })));
  ordered.sort((a, b) => Number(first.has(b.card.id)) - Number(first.has(a.card.id)));
  const items: PlanItem[] = ordered.flatMap(({ setId, card }) =>
    studyVariants(toItemCard(card)).map((variant) => {
      const key = itemKey(card.id, variant);
      const row = stateOf.get(key);
      return {
        key,
        setKey: String(setId),
        state: row === undefined ? newStudyState(now) : toStudyState(row),
        exams: examsOfSet.get(setId)!,
      };
    }),
  );
  const options: StudyPlanOptions = {
    items,
    exams: exams.map((exam) => ({
      key: examKey(exam),
      date: new Date(exam.examDate),
      targetRecall: exam.targetRecall,
      dailyCap: exam.dailyCap,
    })),
    now,
    newCardsPerDay,
    newSeenToday,
  };
  return { options, plan: planStudy(options), exams };
}
