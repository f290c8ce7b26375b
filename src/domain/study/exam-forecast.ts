/**
 * What a study plan will give on each exam day, lived as a learner lives it: a seeded Monte-Carlo
 * simulation. In each run every planned review is recalled with the probability FSRS gives (its
 * forgetting curve over the whole days since the last answer; 1 within the day, so learning steps pass),
 * an item forgotten is relearned the same day (Again, then Good at its step) and replanned as the plan
 * would (FSRS's schedule, a final review on the least loaded day of its window);
 * an item not started by its exam counts as not known. After an exam, an item in a later exam too is
 * planned for that one. On the exam day each item is recalled, or not, with its probability then.
 *
 * The forecast of an exam: the mean probability of recall of its items on the day (what a learner can
 * expect to recall, on average over runs), the 5th and 95th percentiles of the share of its items recalled
 * on the day (90% of runs fall between them), and the share of items at the target. With `skipDay`, the
 * learner does not study on that day: its reviews wait a day, and every introduction from then on comes a
 * day later (the plan recomputed after a missed day does just that).
 */
import { DayModel, type DayMemory } from './day-memory.js';
import {
  leastLoadedDay,
  planChain,
  type FinalWindow,
  type PlannedReview,
  type StudyPlan,
} from './exam-plan.js';
import { defaultScheduler, type Scheduler } from './scheduling.js';

export interface ForecastOptions {
  /** Simulated runs. Default: 100, fewer for plans of over 400 items (at least 30; their spread is narrow). */
  runs?: number;
  /** Default 1. The same plan and seed give the same forecast. */
  seed?: number;
  /** A day (1 = tomorrow) on which the learner does not study. */
  skipDay?: number | null;
  scheduler?: Scheduler;
}

export interface ExamForecast {
  key: string;
  items: number;
  /** Mean probability of recall on the exam day. */
  recall: number;
  /** 5th and 95th percentiles of the share of items recalled on the day. */
  low: number;
  high: number;
  /** Share of items whose probability of recall on the day is at least the target. */
  atTarget: number;
  /** How many runs were simulated. */
  runs: number;
}

/** mulberry32, as random.ts, without the object: runs draw millions of numbers. */
function seededDraws(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[rank]!;
}

export function forecastPlan(plan: StudyPlan, options: ForecastOptions = {}): Map<string, ExamForecast> {
  const runs =
    options.runs ?? Math.max(30, Math.min(100, Math.round(40_000 / Math.max(1, plan.items.length))));
  const seed = options.seed ?? 1;
  const skip = options.skipDay ?? null;
  const model = new DayModel(options.scheduler ?? defaultScheduler);
  const examOf = new Map(plan.exams.map((exam) => [exam.key, exam]));

  const placeIn = (window: FinalWindow) => leastLoadedDay(plan.load, window);
  const replan = (memory: DayMemory, from: number, examDay: number, target: number): PlannedReview[] => {
    const chain = planChain(model, memory, from, examDay, target);
    return chain.window === null
      ? chain.reviews
      : [...chain.reviews, { day: placeIn(chain.window), reason: chain.window.reason }];
  };

  /**
   * What can happen to one item, as a tree built as runs need it: a node is the next planned review (or an
   * exam day), its children what follows if it is recalled or forgotten. Runs share the nodes they reach,
   * so each distinct history is worked out once.
   */
  interface Node {
    /** Index into `item.exams` of the exam this node plans for. */
    exam: number;
    memory: DayMemory | null;
    /** A review day, or null: the exam day itself. */
    day: number | null;
    chance: number;
    events: readonly PlannedReview[];
    at: number;
    moved: boolean;
    passed?: Node;
    failed?: Node;
  }
  const nodeAt = (
    item: StudyPlan['items'][number],
    exam: number,
    memory: DayMemory | null,
    events: readonly PlannedReview[],
    at: number,
  ): Node => {
    const examDay = examOf.get(item.exams[exam]!)!.day;
    for (let i = at; memory !== null && i < events.length; i++) {
      const planned = events[i]!.day;
      const day = planned === skip ? planned + 1 : planned;
      if (day >= examDay || day <= memory.last) continue;
      return { exam, memory, day, chance: model.recall(memory, day), events, at: i, moved: day !== planned };
    }
    return {
      exam,
      memory,
      day: null,
      chance: model.recall(memory, examDay),
      events,
      at: events.length,
      moved: false,
    };
  };
  const child = (item: StudyPlan['items'][number], node: Node, passed: boolean): Node => {
    const exam = examOf.get(item.exams[node.exam]!)!;
    if (node.day === null) {
      // After the exam: on to the item's next exam, planned from the day of this one.
      const next = item.exams[node.exam + 1]!;
      const nextExam = examOf.get(next)!;
      const events =
        node.memory === null ? [] : replan(node.memory, exam.day, nextExam.day, nextExam.targetRecall);
      return nodeAt(item, node.exam + 1, node.memory, events, 0);
    }
    const memory = model.review(node.memory!, node.day, passed);
    if (passed && !node.moved) return nodeAt(item, node.exam, memory, node.events, node.at + 1);
    return nodeAt(item, node.exam, memory, replan(memory, node.day + 1, exam.day, exam.targetRecall), 0);
  };
  const rootOf = (item: StudyPlan['items'][number]): Node => {
    const first = examOf.get(item.exam)!;
    let memory: DayMemory | null = item.memory;
    let events = item.reviews.filter((r) => r.reason !== 'learning' && r.reason !== 'new');
    if (item.introducedOn !== null) {
      const day = skip !== null && item.introducedOn >= skip ? item.introducedOn + 1 : item.introducedOn;
      memory = day >= first.day ? null : model.learn(day);
      if (memory !== null && day !== item.introducedOn) {
        events = replan(memory, day + 1, first.day, first.targetRecall);
      }
    }
    return nodeAt(item, 0, memory, events, 0);
  };

  interface Tally {
    items: number;
    recall: number;
    atTarget: number;
    shares: number[];
  }
  const tallies = new Map<string, Tally>(
    plan.exams.map((exam) => [exam.key, { items: 0, recall: 0, atTarget: 0, shares: [] }]),
  );
  for (const item of plan.items) for (const key of item.exams) tallies.get(key)!.items++;
  const roots = plan.items.map(rootOf);
  for (let run = 0; run < runs; run++) {
    const recalled = new Map<string, number>(plan.exams.map((exam) => [exam.key, 0]));
    plan.items.forEach((item, index) => {
      const random = seededDraws(
        (Math.imul(seed, 0x9e3779b1) ^ Math.imul(run + 1, 0x85ebca6b) ^ index) >>> 0,
      );
      let node = roots[index]!;
      for (;;) {
        if (node.day === null) {
          const key = item.exams[node.exam]!;
          const tally = tallies.get(key)!;
          tally.recall += node.chance;
          if (node.chance >= examOf.get(key)!.targetRecall) tally.atTarget++;
          if (random() < node.chance) recalled.set(key, recalled.get(key)! + 1);
          if (node.exam + 1 >= item.exams.length) break;
          node = node.passed ??= child(item, node, true);
        } else if (random() < node.chance) {
          node = node.passed ??= child(item, node, true);
        } else {
          node = node.failed ??= child(item, node, false);
        }
      }
    });
    for (const [key, count] of recalled) {
      const tally = tallies.get(key)!;
      if (tally.items > 0) tally.shares.push(count / tally.items);
    }
  }
  const forecasts = new Map<string, ExamForecast>();
  for (const [key, tally] of tallies) {
    const shares = [...tally.shares].sort((a, b) => a - b);
    const per = tally.items * runs;
    forecasts.set(key, {
      key,
      items: tally.items,
      recall: per === 0 ? 0 : tally.recall / per,
      low: percentile(shares, 5),
      high: percentile(shares, 95),
      atTarget: per === 0 ? 0 : tally.atTarget / per,
      runs,
    });
  }
  return forecasts;
}
