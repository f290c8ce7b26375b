/**
 * Exam dates: a learner sets an exam on one of their sets or on a subject (the sets of that subject they
 * study or have saved), with the recall wanted on the day for each card and a most-reviews-a-day cap. The
 * learner's study plan (study-plan.ts) covers every exam ahead; the daily queue is its day 0. An exam's
 * page shows its part of the plan, the forecast of the day (exam-forecast.ts), what missing tomorrow would
 * cost, and, when the target cannot be met, the choices that would meet it; the new-card limit and the
 * target change only when the learner picks one of those.
 */
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { ExamDateRow } from '../../db/repositories/exam-date.repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import { AppError, notFound, type FieldProblem } from '../../domain/errors.js';
import { cardSetSlug } from '../../domain/slug.js';
import {
  DEFAULT_TARGET_RECALL,
  examChoices,
  forecastPlan,
  summariseExam,
  type ExamChoices,
  type ExamForecast,
  type ExamSummary,
} from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import { canView } from '../../domain/card-set-access.js';
import { toAccessFacts } from '../card-set-mapping.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { MAX_NEW_CARDS_PER_DAY, saveNewCardsPerDay } from './study-settings.js';
import { DAY_MS, findLearnerSets, startOfUtcDay } from './study-mapping.js';
import { buildLearnerPlan, examKey, setsCovered } from './study-plan.js';

export const EXAM_LIMITS = {
  minTargetPercent: 50,
  maxTargetPercent: 99,
  maxDailyCap: 1000,
  defaultDailyCap: 50,
  maxDaysAhead: 3650,
} as const;

export type ExamScope =
  | { kind: 'set'; id: number; name: string; slug: string }
  | { kind: 'subject'; id: number; name: string }
  /** A set the learner may no longer see (made private, or hidden): its title is not shown. */
  | { kind: 'unavailable-set'; id: number };

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

function toExamView(row: ExamDateRow, today: number, visibleSets: ReadonlySet<number>): ExamView {
  const scope: ExamScope =
    row.cardSetId === null
      ? { kind: 'subject', id: row.subjectId ?? 0, name: row.scopeName }
      : visibleSets.has(row.cardSetId)
        ? { kind: 'set', id: row.cardSetId, name: row.scopeName, slug: cardSetSlug(row.scopeName) }
        : { kind: 'unavailable-set', id: row.cardSetId };
  return {
    id: row.id,
    scope,
    examDate: new Date(row.examDate),
    targetRecall: row.targetRecall,
    dailyCap: row.dailyCap,
    daysLeft: Math.round((row.examDate - today) / DAY_MS),
  };
}

/** The ids of the exams' sets that the learner may still see. */
async function visibleExamSets(
  repos: Repositories,
  actor: Actor,
  rows: readonly ExamDateRow[],
): Promise<Set<number>> {
  const ids = rows.flatMap((row) => (row.cardSetId === null ? [] : [row.cardSetId]));
  const sets = await repos.cardSets.findSummaries(ids);
  return new Set(sets.filter((set) => canView(actor, toAccessFacts(set))).map((set) => set.id));
}

/** The learner's exam as they may see it now: a set they can no longer open is not named. */
export async function viewExam(repos: Repositories, actor: Actor, row: ExamDateRow, today: number) {
  return toExamView(row, today, await visibleExamSets(repos, actor, [row]));
}

export async function listExams(ctx: ServiceContext, actor: Actor): Promise<ExamView[]> {
  const today = startOfUtcDay(ctx.clock.now().getTime());
  const rows = await ctx.repos.examDates.listForUser(actor.userId);
  const visible = await visibleExamSets(ctx.repos, actor, rows);
  return rows.map((row) => toExamView(row, today, visible));
}

export interface ExamScopeChoices {
  sets: { id: number; title: string }[];
  subjects: { id: number; name: string }[];
}

/**
 * The subjects an exam may be on: those with listed sets, and those of the learner's own study sets (a
 * subject only private sets use is not offered to anyone else), by name.
 */
async function examSubjects(
  repos: Repositories,
  learnerSets: readonly CardSetSummaryRow[],
): Promise<{ id: number; name: string }[]> {
  const byId = new Map((await repos.subjects.listWithCounts()).map((row) => [row.id, row.name]));
  for (const set of learnerSets) byId.set(set.subjectId, set.subjectName);
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

/** What an exam may be set on: the learner's sets (and `includeSetId`, if they may see it), and subjects. */
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
  return {
    sets: sets.map((set) => ({ id: set.id, title: set.title })),
    subjects: await examSubjects(ctx.repos, sets),
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
    const subjects = await examSubjects(ctx.repos, await findLearnerSets(ctx.repos, actor));
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

/** The learner's own exam; "not found" for anyone else's. */
export async function findOwnExam(repos: Repositories, actor: Actor, id: number): Promise<ExamDateRow> {
  const row = await repos.examDates.findById(id);
  if (row === undefined || row.userId !== actor.userId) throw notFound(`Exam ${id}`);
  return row;
}

export async function deleteExam(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  await findOwnExam(ctx.repos, actor, id);
  await ctx.repos.examDates.delete(id);
}

export interface ExamPlanView {
  exam: ExamView;
  /** The exam's part of the plan; null when the exam day has come or its set is no longer available. */
  summary: ExamSummary | null;
  /** The day as the learner will live it, simulated. */
  forecast: ExamForecast | null;
  /** The same if the learner does not study tomorrow; null when tomorrow is the exam day. */
  missTomorrow: ExamForecast | null;
  /** What would meet the target, when the plan cannot. */
  choices: ExamChoices;
  newCardsPerDay: number;
  /** Cards the learner chose to start first for this exam (exam-focus.ts). */
  focusCount: number;
  /** The sets the plan covers, by id (the plan's setKey). */
  sets: Map<string, { id: number; title: string; slug: string; cardCount: number }>;
}

export async function getExamPlan(ctx: ServiceContext, actor: Actor, id: number): Promise<ExamPlanView> {
  const row = await findOwnExam(ctx.repos, actor, id);
  const now = ctx.clock.now();
  const today = startOfUtcDay(now.getTime());
  const learnerSets = await findLearnerSets(ctx.repos, actor);
  const covered = setsCovered(row, learnerSets);
  const sets = new Map(
    covered.map((set) => [
      String(set.id),
      { id: set.id, title: set.title, slug: cardSetSlug(set.title), cardCount: set.cardCount },
    ]),
  );
  const exam = await viewExam(ctx.repos, actor, row, today);
  const none = { newCardsPerDay: null, targetPercent: null };
  // A set that is no longer available has nothing to plan (and its title is not shown).
  const ahead = row.examDate > today && exam.scope.kind !== 'unavailable-set';
  const learner = ahead ? await buildLearnerPlan(ctx.repos, actor, now, learnerSets) : null;
  const summary = learner === null ? null : summariseExam(learner.plan, examKey(row));
  const focusCount = (await ctx.repos.examDates.listFocus([row.id])).get(row.id)?.length ?? 0;
  if (learner === null || summary === null) {
    return {
      exam,
      summary: null,
      forecast: null,
      missTomorrow: null,
      choices: none,
      newCardsPerDay: 0,
      focusCount,
      sets,
    };
  }
  const key = examKey(row);
  return {
    exam,
    summary,
    forecast: forecastPlan(learner.plan).get(key) ?? null,
    missTomorrow: summary.day > 1 ? (forecastPlan(learner.plan, { skipDay: 1 }).get(key) ?? null) : null,
    choices: examChoices(learner.options, key, {
      maxNewCardsPerDay: MAX_NEW_CARDS_PER_DAY,
      minTargetPercent: EXAM_LIMITS.minTargetPercent,
    }),
    newCardsPerDay: learner.options.newCardsPerDay,
    focusCount,
    sets,
  };
}

/** The learner takes the plan's offer of more new cards a day (for every set: the limit is the learner's). */
export async function acceptNewCardsChoice(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  value: string,
): Promise<number> {
  await findOwnExam(ctx.repos, actor, id);
  return saveNewCardsPerDay(ctx, actor, value);
}

/** The learner takes the plan's offer of a lower target for this exam; `value` in percent. */
export async function acceptTargetChoice(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  value: string,
): Promise<number> {
  const row = await findOwnExam(ctx.repos, actor, id);
  const text = value.trim().replace(/%$/, '').trim();
  const percent = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (
    !Number.isInteger(percent) ||
    percent < EXAM_LIMITS.minTargetPercent ||
    percent > EXAM_LIMITS.maxTargetPercent
  ) {
    throw new AppError('validation', 'The target is not valid.', [
      {
        field: 'targetPercent',
        message: `A whole number from ${EXAM_LIMITS.minTargetPercent} to ${EXAM_LIMITS.maxTargetPercent}.`,
      },
    ]);
  }
  await ctx.repos.examDates.update(row.id, {
    examDate: row.examDate,
    targetRecall: percent / 100,
    dailyCap: row.dailyCap,
  });
  return percent;
}
