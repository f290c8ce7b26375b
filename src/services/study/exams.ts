/**
 * Exam dates: a learner sets an exam on one of their sets or on a subject (the sets of that subject they
 * study or have saved), with the recall wanted on the day and a most-reviews-a-day cap. planForExam (the
 * domain) turns that into a plan; the study queue brings a card forward to the plan's date when it is
 * earlier than FSRS's due date.
 */
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { ExamDateRow } from '../../db/repositories/exam-date.repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import { AppError, notFound, type FieldProblem } from '../../domain/errors.js';
import { cardSetSlug } from '../../domain/slug.js';
import {
  DEFAULT_TARGET_RECALL,
  newStudyState,
  planForExam,
  type ExamCard,
  type ExamPlan,
  itemKey,
  studyVariants,
} from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { getNewCardsPerDay } from './study-settings.js';
import { DAY_MS, findLearnerSets, startOfUtcDay, toItemCard, toStudyState } from './study-mapping.js';

export const EXAM_LIMITS = {
  minTargetPercent: 50,
  maxTargetPercent: 99,
  maxDailyCap: 1000,
  defaultDailyCap: 50,
  maxDaysAhead: 3650,
} as const;

export type ExamScope =
  { kind: 'set'; id: number; name: string; slug: string } | { kind: 'subject'; id: number; name: string };

export interface ExamView {
  id: number;
  scope: ExamScope;
  /** Midnight UTC of the exam day. */
  examDate: Date;
  targetRecall: number;
  dailyCap: number;
  /** Whole days from today to the exam (0: today; negative: past). */
  daysLeft: number;
}

function toExamView(row: ExamDateRow, today: number): ExamView {
  const scope: ExamScope =
    row.cardSetId !== null
      ? { kind: 'set', id: row.cardSetId, name: row.scopeName, slug: cardSetSlug(row.scopeName) }
      : { kind: 'subject', id: row.subjectId ?? 0, name: row.scopeName };
  return {
    id: row.id,
    scope,
    examDate: new Date(row.examDate),
    targetRecall: row.targetRecall,
    dailyCap: row.dailyCap,
    daysLeft: Math.round((row.examDate - today) / DAY_MS),
  };
}

export async function listExams(ctx: ServiceContext, actor: Actor): Promise<ExamView[]> {
  const today = startOfUtcDay(ctx.clock.now().getTime());
  const rows = await ctx.repos.examDates.listForUser(actor.userId);
  return rows.map((row) => toExamView(row, today));
}

export interface ExamScopeChoices {
  sets: { id: number; title: string }[];
  subjects: { id: number; name: string }[];
}

/** What an exam may be set on: the learner's sets (and `includeSetId`, if they may see it), and every subject. */
export async function listExamScopeChoices(
  ctx: ServiceContext,
  actor: Actor,
  includeSetId?: number,
): Promise<ExamScopeChoices> {
  const sets = await findLearnerSets(ctx.repos, actor);
  if (includeSetId !== undefined && !sets.some((set) => set.id === includeSetId)) {
    const extra = await findViewableSet(ctx.repos, actor, includeSetId).catch(() => undefined);
    if (extra !== undefined) sets.unshift(extra.row);
  }
  const subjects = await ctx.repos.subjects.listWithCounts();
  return {
    sets: sets.map((set) => ({ id: set.id, title: set.title })),
    subjects: subjects.map((subject) => ({ id: subject.id, name: subject.name })),
  };
}

export interface ExamInput {
  /** "set:12" or "subject:3". */
  scope: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Recall wanted on the day, in percent (blank: 90). */
  targetPercent: string;
  /** Most reviews a day (blank: 50). */
  dailyCap: string;
}

interface ValidExam {
  scope: { cardSetId: number } | { subjectId: number };
  examDate: number;
  targetRecall: number;
  dailyCap: number;
}

async function validateExam(ctx: ServiceContext, actor: Actor, input: ExamInput): Promise<ValidExam> {
  const problems: FieldProblem[] = [];
  const today = startOfUtcDay(ctx.clock.now().getTime());
  let scope: ValidExam['scope'] | undefined;
  const scopeMatch = /^(set|subject):([1-9]\d{0,9})$/.exec(input.scope);
  if (scopeMatch === null) {
    problems.push({ field: 'scope', message: 'Choose a set or a subject.' });
  } else if (scopeMatch[1] === 'set') {
    const id = Number(scopeMatch[2]);
    const visible = await findViewableSet(ctx.repos, actor, id).then(
      () => true,
      () => false,
    );
    if (visible) scope = { cardSetId: id };
    else problems.push({ field: 'scope', message: 'Choose one of the sets listed.' });
  } else {
    const id = Number(scopeMatch[2]);
    const subjects = await ctx.repos.subjects.listWithCounts();
    if (subjects.some((subject) => subject.id === id)) scope = { subjectId: id };
    else problems.push({ field: 'scope', message: 'Choose one of the subjects listed.' });
  }

  let examDate = 0;
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date.trim());
  const parsed = dateMatch === null ? NaN : Date.UTC(+dateMatch[1]!, +dateMatch[2]! - 1, +dateMatch[3]!);
  if (
    dateMatch === null ||
    Number.isNaN(parsed) ||
    new Date(parsed).toISOString().slice(0, 10) !== input.date.trim()
  ) {
    problems.push({ field: 'date', message: 'A date such as 2027-06-14.' });
  } else if (parsed <= today) {
    problems.push({ field: 'date', message: 'A day after today.' });
  } else if (parsed > today + EXAM_LIMITS.maxDaysAhead * DAY_MS) {
    problems.push({ field: 'date', message: 'At most 10 years ahead.' });
  } else {
    examDate = parsed;
  }

  const targetText = input.targetPercent.trim().replace(/%$/, '').trim();
  const target = targetText === '' ? DEFAULT_TARGET_RECALL * 100 : Number(targetText);
  if (
    !Number.isInteger(target) ||
    target < EXAM_LIMITS.minTargetPercent ||
    target > EXAM_LIMITS.maxTargetPercent
  ) {
    problems.push({
      field: 'targetPercent',
      message: `A whole number from ${EXAM_LIMITS.minTargetPercent} to ${EXAM_LIMITS.maxTargetPercent}.`,
    });
  }
  const capText = input.dailyCap.trim();
  const cap = capText === '' ? EXAM_LIMITS.defaultDailyCap : Number(capText);
  if (!Number.isInteger(cap) || cap < 1 || cap > EXAM_LIMITS.maxDailyCap) {
    problems.push({ field: 'dailyCap', message: `A whole number from 1 to ${EXAM_LIMITS.maxDailyCap}.` });
  }
  if (problems.length > 0 || scope === undefined) {
    throw new AppError('validation', 'Please correct the exam details.', problems);
  }
  return { scope, examDate, targetRecall: target / 100, dailyCap: cap };
}

/** Sets an exam date (or changes the one already set on that set or subject); returns its id. */
export async function saveExam(ctx: ServiceContext, actor: Actor, input: ExamInput): Promise<number> {
  const exam = await validateExam(ctx, actor, input);
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    const existing = await repos.examDates.findByScope(actor.userId, exam.scope);
    if (existing !== undefined) {
      await repos.examDates.update(existing.id, exam);
      return existing.id;
    }
    return repos.examDates.insert({
      userId: actor.userId,
      cardSetId: 'cardSetId' in exam.scope ? exam.scope.cardSetId : null,
      subjectId: 'subjectId' in exam.scope ? exam.scope.subjectId : null,
      ...exam,
      now,
    });
  });
}

async function findOwnExam(repos: Repositories, actor: Actor, id: number): Promise<ExamDateRow> {
  const row = await repos.examDates.findById(id);
  if (row === undefined || row.userId !== actor.userId) throw notFound(`Exam ${id}`);
  return row;
}

export async function deleteExam(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  await findOwnExam(ctx.repos, actor, id);
  await ctx.repos.examDates.delete(id);
}

/** The learner's sets an exam covers: its set, or their sets of its subject. */
function setsCovered(exam: ExamDateRow, learnerSets: readonly CardSetSummaryRow[]): CardSetSummaryRow[] {
  return learnerSets.filter((set) =>
    exam.cardSetId !== null ? set.id === exam.cardSetId : set.subjectId === exam.subjectId,
  );
}

async function planFor(
  repos: Repositories,
  actor: Actor,
  exam: ExamDateRow,
  sets: readonly CardSetSummaryRow[],
  now: Date,
  newCardsPerDay: number,
): Promise<ExamPlan> {
  const ids = sets.map((set) => set.id);
  const [cards, states] = await Promise.all([
    repos.cardSets.findCardsOfSets(ids),
    repos.study.findStatesOfSets(actor.userId, ids),
  ]);
  const stateOf = new Map(states.map((row) => [itemKey(row.cardId, row.variant), row]));
  const examCards: ExamCard[] = ids.flatMap((setId) =>
    (cards.get(setId) ?? []).flatMap((card) =>
      studyVariants(toItemCard(card)).map((variant) => {
        const key = itemKey(card.id, variant);
        const row = stateOf.get(key);
        return {
          key,
          setKey: String(setId),
          state: row === undefined ? newStudyState(now) : toStudyState(row),
        };
      }),
    ),
  );
  return planForExam({
    cards: examCards,
    today: now,
    examDate: new Date(exam.examDate),
    targetRecall: exam.targetRecall,
    dailyCap: exam.dailyCap,
    newCardsPerDay,
  });
}

export interface ExamPlanView {
  exam: ExamView;
  /** Null when the exam day has come: nothing left to plan. */
  plan: ExamPlan | null;
  /** The sets the plan covers, by id (the plan's setKey). */
  sets: Map<string, { id: number; title: string; slug: string; cardCount: number }>;
}

export async function getExamPlan(ctx: ServiceContext, actor: Actor, id: number): Promise<ExamPlanView> {
  const row = await findOwnExam(ctx.repos, actor, id);
  const now = ctx.clock.now();
  const today = startOfUtcDay(now.getTime());
  const covered = setsCovered(row, await findLearnerSets(ctx.repos, actor));
  const sets = new Map(
    covered.map((set) => [
      String(set.id),
      { id: set.id, title: set.title, slug: cardSetSlug(set.title), cardCount: set.cardCount },
    ]),
  );
  const exam = toExamView(row, today);
  if (row.examDate <= today) return { exam, plan: null, sets };
  const newPerDay = await getNewCardsPerDay(ctx.repos, actor);
  return { exam, plan: await planFor(ctx.repos, actor, row, covered, now, newPerDay), sets };
}

/**
 * For every exam still ahead: the date each study item of it should next be reviewed per the plan, by
 * itemKey. An item in several exams gets the earliest date. Items the plan does not need before the exam
 * are left out.
 */
export async function examReviewDates(
  repos: Repositories,
  actor: Actor,
  learnerSets: readonly CardSetSummaryRow[],
  now: Date,
  newCardsPerDay: number,
): Promise<Map<string, Date>> {
  const dates = new Map<string, Date>();
  const today = startOfUtcDay(now.getTime());
  const exams = (await repos.examDates.listForUser(actor.userId)).filter((exam) => exam.examDate > today);
  for (const exam of exams) {
    const covered = setsCovered(exam, learnerSets);
    if (covered.length === 0) continue;
    const plan = await planFor(repos, actor, exam, covered, now, newCardsPerDay);
    for (const card of plan.cards) {
      if (card.nextReview === null) continue;
      const known = dates.get(card.key);
      if (known === undefined || card.nextReview < known) dates.set(card.key, card.nextReview);
    }
  }
  return dates;
}
