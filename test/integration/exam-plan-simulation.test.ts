/**
 * Exam plans against seeded student simulations (bench/plan-simulation.ts) on both engines: the shapes of
 * `npm run bench -- plan`, smaller. The student follows /review each day through the real services; the
 * exam page's prediction, read on the first day, must be within 3 points of the recall the student has on
 * the day; following the plan must beat studying with no exam set where the target can be met; and a target
 * that cannot be met must be reported as such, with the new-card limit that would meet it. Every shape runs
 * on SQLite; PostgreSQL, where each answer costs more, runs one shape of each kind (the same services and
 * queries: it checks the engine, not the plan again).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runScenario, type RunResult, type Scenario } from '../../bench/plan-simulation.js';
import { testDatabases, type TestDatabase } from '../helpers/databases.js';

const SHAPES = {
  /** 300 cards, 10 days: more than 20 new cards a day can start. */
  short: { name: '120 cards, 4 days', sets: [120], exams: [{ sets: [0], day: 4 }] },
  /** 500 cards, 2 days. */
  cram: { name: '100 cards, 2 days', sets: [100], exams: [{ sets: [0], day: 2 }] },
  /** 100 cards, 30 days: FSRS alone gets there. */
  roomy: { name: '60 cards, 12 days', sets: [60], exams: [{ sets: [0], day: 12 }] },
  /** 200 cards, 14 days: FSRS alone leaves a batch due on the exam day under the target. */
  fortnight: { name: '100 cards, 14 days', sets: [100], exams: [{ sets: [0], day: 14 }] },
  /** 1,000 cards, 60 days, two missed days (in two sets, one subject exam). */
  missed: {
    name: '100 cards, 16 days, 2 missed',
    sets: [50, 50],
    exams: [{ sets: [0, 1], day: 16 }],
    missedDays: [5, 11],
  },
  /** Two exams a week apart. */
  twoExams: {
    name: 'two exams a week apart',
    sets: [60, 60],
    separateSubjects: true,
    exams: [
      { sets: [0], day: 7 },
      { sets: [1], day: 14 },
    ],
  },
} satisfies Record<string, Scenario>;

const points = (share: number) => share * 100;

for (const factory of testDatabases()) {
  describe(`exam plans lived by a simulated student on ${factory.dialect}`, () => {
    const databases: TestDatabase[] = [];
    after(async () => {
      for (const database of databases) await database.drop();
    });
    const run = async (scenario: Scenario, withExams: boolean): Promise<RunResult> => {
      const database = await factory.create();
      databases.push(database);
      return runScenario(scenario, 1, withExams, { databaseUrl: database.url });
    };
    const both = async (scenario: Scenario) => ({
      plan: await run(scenario, true),
      none: await run(scenario, false),
    });

    it('reports a target that the new-card limit cannot meet, with the limit that would, and predicts what the student gets', async () => {
      const shapes = [
        [SHAPES.short, 30],
        [SHAPES.cram, 50],
      ] as const;
      for (const [scenario, offered] of factory.dialect === 'sqlite' ? shapes : shapes.slice(1)) {
        const result = await run(scenario, true);
        const exam = result.exams[0]!;
        const predicted = exam.predicted!;
        assert.ok(predicted.ready! < 1, `${scenario.name}: reported as reachable`);
        assert.equal(predicted.offeredNewCardsPerDay, offered, scenario.name);
        assert.ok(
          Math.abs(points(predicted.recall) - points(exam.recall)) <= 3,
          `${scenario.name}: predicted ${points(predicted.recall)}, simulated ${points(exam.recall)}`,
        );
        // Only 20 a day can be started: the rest are not known on the day, and the prediction says so.
        assert.ok(exam.recall < 0.7 && predicted.recall < 0.7, scenario.name);
      }
    });

    it('predicts recall on the exam day within 3 points of what the student reaches, and following the plan beats no plan where the target can be met', async () => {
      const shapes = [SHAPES.roomy, SHAPES.fortnight, SHAPES.missed, SHAPES.twoExams];
      for (const scenario of factory.dialect === 'sqlite' ? shapes : [SHAPES.fortnight]) {
        const { plan, none } = await both(scenario);
        plan.exams.forEach((exam, index) => {
          const label = `${scenario.name}, exam ${index + 1}`;
          const predicted = exam.predicted!;
          assert.equal(predicted.ready, 1, `${label}: the target can be met`);
          assert.equal(predicted.offeredNewCardsPerDay, null, label);
          assert.ok(
            Math.abs(points(predicted.recall) - points(exam.recall)) <= 3,
            `${label}: predicted ${points(predicted.recall)}, simulated ${points(exam.recall)}`,
          );
          assert.ok(
            Math.abs(points(predicted.atTarget) - points(exam.atTarget)) <= 3,
            `${label}: at target predicted ${points(predicted.atTarget)}, simulated ${points(exam.atTarget)}`,
          );
          assert.ok(predicted.low! <= predicted.recall && predicted.recall <= predicted.high!, label);
          const without = none.exams[index]!;
          // Never worse than no plan beyond one card's worth of chance; strictly better where FSRS alone falls short.
          assert.ok(
            exam.atTarget >= without.atTarget - 1 / exam.items - 1e-9,
            `${label}: ${exam.atTarget} at target with the plan, ${without.atTarget} without`,
          );
        });
        if (scenario === SHAPES.fortnight) {
          const [exam, without] = [plan.exams[0]!, none.exams[0]!];
          assert.ok(exam.atTarget - without.atTarget >= 0.1, `${exam.atTarget} vs ${without.atTarget}`);
          assert.ok(exam.recall > without.recall, `${exam.recall} vs ${without.recall}`);
        }
      }
    });
  });
}
