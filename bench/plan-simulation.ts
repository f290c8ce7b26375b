/**
 * Seeded student simulations through the real services: a real SQLite database (a fresh file per run),
 * the real queue, review and exam-plan services, and a fake clock. The student opens /review once a day at
 * a random hour, answers every item it shows (and the learning steps that come back within half an hour),
 * each answer Good with the probability FSRS gives of recalling it (whole UTC days since the last review),
 * else Again, a new item's first answer Good. On each exam day the student's recall of the exam's items is
 * read from the database: FSRS's probability of recall on that day, 0 for an item never studied.
 *
 * The same scenario runs with the exam dates set and without, so that the two can be compared.
 */
import { createDerivedWork } from '../src/services/derived-work.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { openDatabase, parseDatabaseUrl } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createRepositories, createTransact } from '../src/db/repositories/index.js';
import { fixedClock } from '../src/domain/clock.js';
import { createRandom } from '../src/domain/study/random.js';
import { itemKey, recallOnDay, studyVariants } from '../src/domain/study/index.js';
import type { Actor } from '../src/domain/viewer.js';
import type { ServiceContext } from '../src/services/context.js';
import { importCardSets } from '../src/services/import-card-set.js';
import { saveSetToFolder } from '../src/services/folders.js';
import { getExamPlan, saveExam } from '../src/services/study/exams.js';
import { recordReview } from '../src/services/study/record-review.js';
import { getDailyQueue } from '../src/services/study/study-queue.js';
import { saveNewCardsPerDay } from '../src/services/study/study-settings.js';
import { toItemCard, toStudyState } from '../src/services/study/study-mapping.js';
import { readPrediction, type Prediction } from './plan-prediction.js';

const DAY = 86_400_000;
/** Midnight UTC of the first simulated day. */
export const SIMULATION_START = Date.UTC(2027, 0, 4);

export interface ScenarioExam {
  /** Indexes into `sets`: one set gives a set exam; several (of one subject) a subject exam. */
  sets: number[];
  /** Days from the first day to the exam day. */
  day: number;
  /** Recall wanted on the day, in percent. Default 90. */
  targetPercent?: number;
  /** Most reviews a day. Default 50. */
  dailyCap?: number;
}

export interface Scenario {
  name: string;
  /** Cards per set (at most 500 each). Sets of one scenario share a subject unless `subjects` is set. */
  sets: number[];
  /** One subject per set (default: all in one subject). */
  separateSubjects?: boolean;
  exams: ScenarioExam[];
  /** Days (0 = the first) on which the student does not study. */
  missedDays?: number[];
  /** The learner's new-card limit. Default 20. */
  newCardsPerDay?: number;
}

export interface ExamOutcome {
  day: number;
  items: number;
  targetRecall: number;
  /** What the exam page said on day 0 (null: no exam set in this run). */
  predicted: Prediction | null;
  /** Mean probability of recall of the exam's items on the exam day. */
  recall: number;
  /** Share of the exam's items whose recall on the day is at least the target. */
  atTarget: number;
}

export interface RunResult {
  scenario: string;
  seed: number;
  withExams: boolean;
  exams: ExamOutcome[];
  /** Answers given per day, day 0 to the day before the last exam (missed days included, as 0). */
  answersPerDay: number[];
  /** Milliseconds the exam pages' service took on day 0 (plan, forecasts, choices), per exam. */
  examPageMs: number[];
  /** Milliseconds the daily queue's service took, at most, over the run. */
  queueMaxMs: number;
}

async function createLearner(ctx: ServiceContext): Promise<Actor> {
  const id = await ctx.repos.users.insertIfFree({
    handle: 'student',
    display_name: 'Student',
    password_hash: null,
    role: 'member',
    created_at: ctx.clock.now().getTime(),
  });
  if (id === undefined) throw new Error('could not create the student');
  return { userId: id, role: 'member' };
}

function cardsOf(setIndex: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    title: `Term ${setIndex + 1}.${i + 1}`,
    body: `The definition of term ${setIndex + 1}.${i + 1}, in a sentence of its own.`,
  }));
}

/** The probability FSRS gives of recalling the item now: 1 within the day of its last answer. */
async function answerFor(ctx: ServiceContext, actor: Actor, cardId: number, variant: number, draw: number) {
  const row = (await ctx.repos.study.findStates(actor.userId, [cardId])).find((r) => r.variant === variant);
  if (row === undefined || row.phase === 'new') return 3;
  const recall = recallOnDay(toStudyState(row), ctx.clock.now());
  return draw < recall ? 3 : 1;
}

/**
 * Runs one scenario once: with its exam dates set, or with none (the same study otherwise). On a fresh
 * SQLite file, or on the empty database `databaseUrl` names (the tests run it on both engines).
 */
export async function runScenario(
  scenario: Scenario,
  seed: number,
  withExams: boolean,
  options: { databaseUrl?: string } = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'recall-plan-'));
  const database = openDatabase(
    options.databaseUrl === undefined
      ? { dialect: 'sqlite', file: join(dir, 'recall.db') }
      : parseDatabaseUrl(options.databaseUrl),
  );
  try {
    await migrateToLatest(database.db);
    const clock = fixedClock(new Date(SIMULATION_START + 7 * 3_600_000));
    const ctx: ServiceContext = {
      repos: createRepositories(database.db, { sqlite: database.sqlite }),
      transact: createTransact(database.db),
      clock,
      derived: createDerivedWork(),
    };
    const actor = await createLearner(ctx);
    const imported = await importCardSets(
      ctx,
      scenario.sets.map((count, index) => ({
        parsed: {
          title: `Scenario set ${index + 1}`,
          subtitle: null,
          subject: scenario.separateSubjects === true ? `Subject ${index + 1}` : 'Simulated subject',
          topic: null,
          cards: cardsOf(index, count),
        },
        author: { handle: 'simulation-author', displayName: 'Simulation author' },
        visibility: 'public',
      })),
    );
    const setIds = imported.map((set) => set.id);
    for (const id of setIds) await saveSetToFolder(ctx, actor, id, { newFolderName: 'Revision' });
    await saveNewCardsPerDay(ctx, actor, String(scenario.newCardsPerDay ?? 20));

    const subjectId = (await ctx.repos.cardSets.findSummaries([setIds[0]!]))[0]!.subjectId;
    const examIds: (number | null)[] = [];
    for (const exam of scenario.exams) {
      if (!withExams) {
        examIds.push(null);
        continue;
      }
      const scope = exam.sets.length === 1 ? `set:${setIds[exam.sets[0]!]}` : `subject:${subjectId}`;
      examIds.push(
        await saveExam(ctx, actor, {
          scope,
          date: new Date(SIMULATION_START + exam.day * DAY).toISOString().slice(0, 10),
          targetPercent: String(exam.targetPercent ?? 90),
          dailyCap: String(exam.dailyCap ?? 50),
        }),
      );
    }
    const predictions: (Prediction | null)[] = [];
    const examPageMs: number[] = [];
    for (const id of examIds) {
      const started = performance.now();
      predictions.push(id === null ? null : readPrediction(await getExamPlan(ctx, actor, id)));
      if (id !== null) examPageMs.push(Math.round(performance.now() - started));
    }

    const random = createRandom(seed);
    const lastDay = Math.max(...scenario.exams.map((exam) => exam.day));
    const answersPerDay: number[] = [];
    const outcomes: ExamOutcome[] = [];
    const missed = new Set(scenario.missedDays ?? []);
    let queueMaxMs = 0;
    for (let day = 0; day <= lastDay; day++) {
      for (const [index, exam] of scenario.exams.entries()) {
        if (exam.day !== day) continue;
        clock.advance(SIMULATION_START + day * DAY + 8 * 3_600_000 - clock.now().getTime());
        outcomes.push({
          day,
          ...(await measureRecall(
            ctx,
            actor,
            exam.sets.map((i) => setIds[i]!),
            exam.targetPercent ?? 90,
          )),
          predicted: predictions[index] ?? null,
        });
      }
      if (day === lastDay) break;
      let answers = 0;
      // The hour differs each day (draws happen on missed days too, so runs stay comparable).
      const hour = 7 + random.next() * 15;
      if (!missed.has(day)) {
        clock.advance(SIMULATION_START + day * DAY + hour * 3_600_000 - clock.now().getTime());
        const session = await studySession(ctx, clock, actor, random);
        answers = session.answers;
        queueMaxMs = Math.max(queueMaxMs, session.queueMaxMs);
      }
      answersPerDay.push(answers);
    }
    return {
      scenario: scenario.name,
      seed,
      withExams,
      exams: outcomes,
      answersPerDay,
      examPageMs,
      queueMaxMs: Math.round(queueMaxMs),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One visit to /review: every item shown, then again for the learning steps that come back soon. */
async function studySession(
  ctx: ServiceContext,
  clock: ReturnType<typeof fixedClock>,
  actor: Actor,
  random: ReturnType<typeof createRandom>,
): Promise<{ answers: number; queueMaxMs: number }> {
  let answers = 0;
  let queueMaxMs = 0;
  const end = ctx.clock.now().getTime() + 6 * 3_600_000;
  while (ctx.clock.now().getTime() < end) {
    const started = performance.now();
    const queue = await getDailyQueue(ctx, actor);
    queueMaxMs = Math.max(queueMaxMs, performance.now() - started);
    if (queue.items.length === 0) {
      const next = queue.nextDue?.getTime();
      const now = ctx.clock.now().getTime();
      if (next === undefined || next - now > 30 * 60_000) break;
      clock.advance(next - now + 1000);
      continue;
    }
    for (const item of queue.items) {
      const rating = await answerFor(ctx, actor, item.cardId, item.variant, random.next());
      await recordReview(ctx, actor, { cardId: item.cardId, variant: item.variant, rating });
      answers++;
      clock.advance(8000);
    }
  }
  return { answers, queueMaxMs };
}

async function measureRecall(ctx: ServiceContext, actor: Actor, setIds: number[], targetPercent: number) {
  const [cards, states] = await Promise.all([
    ctx.repos.cardSets.findCardsOfSets(setIds),
    ctx.repos.study.findStatesOfSets(actor.userId, setIds),
  ]);
  const stateOf = new Map(states.map((row) => [itemKey(row.cardId, row.variant), row]));
  const now = ctx.clock.now();
  const recalls = setIds.flatMap((id) =>
    (cards.get(id) ?? []).flatMap((card) =>
      studyVariants(toItemCard(card)).map((variant) => {
        const row = stateOf.get(itemKey(card.id, variant));
        return row === undefined || row.phase === 'new' ? 0 : recallOnDay(toStudyState(row), now);
      }),
    ),
  );
  const target = targetPercent / 100;
  return {
    items: recalls.length,
    targetRecall: target,
    recall: recalls.reduce((sum, r) => sum + r, 0) / recalls.length,
    atTarget: recalls.filter((r) => r >= target - 1e-9).length / recalls.length,
  };
}
