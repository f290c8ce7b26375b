/** A learner's progress: reviews per day, retention per week, the cards falling due, and each set's cards by stage. */
import { cardSetSlug } from '../../domain/slug.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { DAY_MS, findLearnerSets, progressOf, startOfUtcDay } from './study-mapping.js';

export const PROGRESS_WEEKS = 26;
export const FORECAST_DAYS = 30;

export interface DayCount {
  date: Date;
  count: number;
}

export interface WeekRetention {
  /** Monday (UTC) the week starts on. */
  weekStart: Date;
  reviews: number;
  /** Answers other than Again. */
  passed: number;
}

export interface SetProgress {
  id: number;
  title: string;
  slug: string;
  total: number;
  new: number;
  learning: number;
  known: number;
}

export interface Progress {
  today: Date;
  /** Every day from the Monday PROGRESS_WEEKS − 1 weeks before this week's up to today. */
  days: DayCount[];
  weeks: WeekRetention[];
  /** Today (with any overdue cards) and the FORECAST_DAYS − 1 days after it. */
  forecast: DayCount[];
  sets: SetProgress[];
  totalReviews: number;
}

/** Midnight UTC of the Monday of the week `day` (midnight UTC) falls in. */
const mondayOf = (day: number) => day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;

export async function getProgress(ctx: ServiceContext, actor: Actor): Promise<Progress> {
  const today = startOfUtcDay(ctx.clock.now().getTime());
  const tomorrow = today + DAY_MS;
  const start = mondayOf(today) - (PROGRESS_WEEKS - 1) * 7 * DAY_MS;
  const { study, studyStats } = ctx.repos;
  const [reviewDays, overdue, dueDays, phases, sets, totalReviews] = await Promise.all([
    studyStats.reviewsByDay(actor.userId, start),
    study.countDue(actor.userId, tomorrow - 1),
    studyStats.dueByDay(actor.userId, tomorrow, today + FORECAST_DAYS * DAY_MS),
    studyStats.phaseCountsBySet(actor.userId),
    findLearnerSets(ctx.repos, actor),
    studyStats.countReviews(actor.userId),
  ]);

  const reviewsOn = new Map(reviewDays.map((row) => [row.day * DAY_MS, row]));
  const days: DayCount[] = [];
  for (let day = start; day <= today; day += DAY_MS) {
    days.push({ date: new Date(day), count: reviewsOn.get(day)?.count ?? 0 });
  }
  const weeks: WeekRetention[] = [];
  for (let week = start; week <= today; week += 7 * DAY_MS) {
    let reviews = 0;
    let passed = 0;
    for (let day = week; day < week + 7 * DAY_MS; day += DAY_MS) {
      reviews += reviewsOn.get(day)?.count ?? 0;
      passed += reviewsOn.get(day)?.passed ?? 0;
    }
    weeks.push({ weekStart: new Date(week), reviews, passed });
  }

  const dueOn = new Map(dueDays.map((row) => [row.day * DAY_MS, row.count]));
  const forecast: DayCount[] = [{ date: new Date(today), count: overdue }];
  for (let i = 1; i < FORECAST_DAYS; i++) {
    const day = today + i * DAY_MS;
    forecast.push({ date: new Date(day), count: dueOn.get(day) ?? 0 });
  }

  const items = await studyStats.countItemsOfSets(sets.map((set) => set.id));
  const stages = new Map<number, { learning: number; known: number }>();
  for (const row of phases) {
    const counts = stages.get(row.cardSetId) ?? { learning: 0, known: 0 };
    const stage = progressOf(row.phase);
    if (stage !== 'new') counts[stage] += row.count;
    stages.set(row.cardSetId, counts);
  }
  return {
    today: new Date(today),
    days,
    weeks,
    forecast,
    sets: sets.map((set) => {
      const { learning, known } = stages.get(set.id) ?? { learning: 0, known: 0 };
      const total = Math.max(items.get(set.id) ?? 0, learning + known);
      return {
        id: set.id,
        title: set.title,
        slug: cardSetSlug(set.title),
        total,
        new: total - learning - known,
        learning,
        known,
      };
    }),
    totalReviews,
  };
}
