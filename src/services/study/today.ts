/**
 * "Today", a logged-in learner's home: what the Review queue holds now and later today (and per set), the
 * study streak and the last seven days' answers, the next exam with whether its plan is on track, the sets
 * studied last, and the learner's folders. Every count is the one the Review queue, the progress page and
 * the exam plan give: the same services make them.
 */
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { CardSetSummary } from '../../domain/card-set.js';
import { summariseExam } from '../../domain/study/index.js';
import { studyStreak } from '../../domain/study/streak.js';
import type { Actor } from '../../domain/viewer.js';
import { toCardSetSummary } from '../card-set-mapping.js';
import type { ServiceContext } from '../context.js';
import { listFolders, type FolderWithSets } from '../folders.js';
import { listExams, type ExamView } from './exams.js';
import type { DayCount } from './progress.js';
import { DAY_MS, findLearnerSets, startOfUtcDay } from './study-mapping.js';
import { buildLearnerPlan, examKey } from './study-plan.js';
import { dailyQueueOf, type StudyQueue } from './study-queue.js';

/** How many "continue" sets Today offers. */
export const CONTINUE_SETS = 4;
/** How far back a streak is counted. */
const STREAK_DAYS = 400;

export interface NextExam {
  exam: ExamView;
  /** The plan's cards for this exam, and how many reach the target if each review is recalled. */
  items: number;
  ready: number;
  /** Reviews of this exam's cards the plan has for today. */
  today: number;
}

export interface TodayView {
  queue: Omit<StudyQueue, 'items'> & { sets: number };
  /** Days in a row with at least one answer, up to today (see streak.ts). */
  streak: number;
  /** The last seven days, today last. */
  week: DayCount[];
  /** The next exam ahead, if any (an exam today has nothing left to plan). */
  nextExam: NextExam | null;
  /** The sets answered most recently, latest first. */
  continueSets: CardSetSummary[];
  folders: FolderWithSets[];
}

async function findNextExam(
  ctx: ServiceContext,
  actor: Actor,
  learnerSets: readonly CardSetSummaryRow[],
): Promise<NextExam | null> {
  const exams = (await listExams(ctx, actor))
    .filter((exam) => exam.daysLeft > 0 && exam.scope.kind !== 'unavailable-set')
    .sort((a, b) => a.examDate.getTime() - b.examDate.getTime() || a.id - b.id);
  const exam = exams[0];
  if (exam === undefined) return null;
  const learner = await buildLearnerPlan(ctx.repos, actor, ctx.clock.now(), learnerSets);
  const summary = learner === null ? null : summariseExam(learner.plan, examKey(exam));
  if (summary === null) return { exam, items: 0, ready: 0, today: 0 };
  return {
    exam,
    items: summary.items,
    ready: summary.ready,
    today: summary.days.find((day) => day.day === 0)?.total ?? 0,
  };
}

export async function getToday(ctx: ServiceContext, actor: Actor): Promise<TodayView> {
  const today = startOfUtcDay(ctx.clock.now().getTime());
  const learnerSets = await findLearnerSets(ctx.repos, actor);
  const [queue, reviewDays, nextExam, recentIds, folders] = await Promise.all([
    dailyQueueOf(ctx, actor, learnerSets),
    ctx.repos.studyStats.reviewsByDay(actor.userId, today - STREAK_DAYS * DAY_MS),
    findNextExam(ctx, actor, learnerSets),
    ctx.repos.studyStats.listRecentlyStudiedSetIds(actor.userId, CONTINUE_SETS * 2),
    listFolders(ctx, actor),
  ]);
  const { items: _items, ...counts } = queue;
  const answered = new Map(reviewDays.map((row) => [row.day, row.count]));
  const todayNumber = today / DAY_MS;
  const week: DayCount[] = [];
  for (let ago = 6; ago >= 0; ago--) {
    const day = todayNumber - ago;
    week.push({ date: new Date(day * DAY_MS), count: answered.get(day) ?? 0 });
  }
  // Only the sets the learner may still see (findLearnerSets checks), in the order last studied.
  const visible = new Map(learnerSets.map((set) => [set.id, set]));
  const continueSets = recentIds
    .flatMap((id) => {
      const set = visible.get(id);
      return set === undefined ? [] : [toCardSetSummary(set)];
    })
    .slice(0, CONTINUE_SETS);
  return {
    queue: counts,
    streak: studyStreak(new Set(answered.keys()), todayNumber),
    week,
    nextExam,
    continueSets,
    folders,
  };
}
