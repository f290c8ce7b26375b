/**
 * `npm run bench -- plan`: seeded student simulations of exam plans (see plan-simulation.ts), each
 * scenario with its exams set and without, several seeds each. Prints a table and writes
 * bench/results/plan.json.
 *
 *   npm run bench -- plan                 # every scenario, 3 seeds
 *   npm run bench -- plan --seeds 5 --only "300 cards"
 *   npm run bench -- plan --out bench/results/plan-before.json
 *   npm run bench -- plan --table bench/results/plan-before.json   # print a results file's table again
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/app/paths.js';
import { runScenario, type RunResult, type Scenario } from './plan-simulation.js';
import { round } from './stats.js';

export const PLAN_SCENARIOS: Scenario[] = [
  { name: '300 cards, 10 days', sets: [300], exams: [{ sets: [0], day: 10 }] },
  { name: '500 cards, 2 days', sets: [500], exams: [{ sets: [0], day: 2 }] },
  { name: '100 cards, 30 days', sets: [100], exams: [{ sets: [0], day: 30 }] },
  { name: '200 cards, 14 days', sets: [200], exams: [{ sets: [0], day: 14 }] },
  {
    name: '1,000 cards, 60 days, 2 missed',
    sets: [500, 500],
    exams: [{ sets: [0, 1], day: 60 }],
    missedDays: [25, 50],
  },
  {
    name: 'two exams a week apart',
    sets: [100, 100],
    separateSubjects: true,
    exams: [
      { sets: [0], day: 7 },
      { sets: [1], day: 14 },
    ],
  },
];

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
const pct = (share: number) => `${round(share * 100, 1)}%`;

/** The heaviest day's answers and the mean over the days studied. */
function load(run: RunResult) {
  const studied = run.answersPerDay.filter((n) => n > 0);
  return { heaviest: Math.max(0, ...run.answersPerDay), mean: mean(studied) };
}

export interface ScenarioSummary {
  scenario: string;
  exam: number;
  examDay: number;
  items: number;
  predicted: {
    recall: number;
    atTarget: number;
    low?: number;
    high?: number;
    /** Share of cards the plan says can reach the target, and the new-card limit it offers if not all. */
    ready?: number;
    offeredNewCardsPerDay?: number | null;
    missTomorrow?: number | null;
  } | null;
  withPlan: { recall: number; atTarget: number; heaviestDay: number; meanDay: number };
  noExam: { recall: number; atTarget: number; heaviestDay: number; meanDay: number };
}

function summarise(scenario: Scenario, runs: RunResult[]): ScenarioSummary[] {
  const withPlan = runs.filter((run) => run.withExams);
  const without = runs.filter((run) => !run.withExams);
  return scenario.exams.map((exam, index) => {
    const outcome = (list: RunResult[]) => list.map((run) => run.exams[index]!);
    const predicted = outcome(withPlan).map((o) => o.predicted!);
    const side = (list: RunResult[]) => ({
      recall: round(mean(outcome(list).map((o) => o.recall)), 4),
      atTarget: round(mean(outcome(list).map((o) => o.atTarget)), 4),
      heaviestDay: round(mean(list.map((run) => load(run).heaviest)), 1),
      meanDay: round(mean(list.map((run) => load(run).mean)), 1),
    });
    return {
      scenario: scenario.name,
      exam: index + 1,
      examDay: exam.day,
      items: outcome(withPlan)[0]!.items,
      predicted: {
        recall: round(mean(predicted.map((p) => p.recall)), 4),
        atTarget: round(mean(predicted.map((p) => p.atTarget)), 4),
        ...(predicted[0]?.low !== undefined
          ? {
              low: round(mean(predicted.map((p) => p.low!)), 4),
              high: round(mean(predicted.map((p) => p.high!)), 4),
              ready: round(mean(predicted.map((p) => p.ready!)), 4),
              offeredNewCardsPerDay: predicted[0].offeredNewCardsPerDay ?? null,
              missTomorrow:
                predicted[0].missTomorrow === null || predicted[0].missTomorrow === undefined
                  ? null
                  : round(mean(predicted.map((p) => p.missTomorrow!)), 4),
            }
          : {}),
      },
      withPlan: side(withPlan),
      noExam: side(without),
    };
  });
}

export function planTable(summaries: readonly ScenarioSummary[]): string {
  const header = [
    'scenario',
    'the plan says',
    'predicted recall',
    'simulated recall',
    'at target: predicted / simulated',
    'heaviest day / mean',
    'no exam: recall, at target, heaviest / mean',
  ];
  const says = (s: ScenarioSummary) => {
    const p = s.predicted;
    if (p?.ready === undefined) return '—';
    return p.ready >= 1 ? 'on track' : `short: learn ${p.offeredNewCardsPerDay ?? '?'} a day`;
  };
  const rows = summaries.map((s) => [
    s.scenario + (summaries.filter((o) => o.scenario === s.scenario).length > 1 ? `, exam ${s.exam}` : ''),
    says(s),
    s.predicted === null
      ? '–'
      : pct(s.predicted.recall) +
        (s.predicted.low !== undefined ? ` (${pct(s.predicted.low)}–${pct(s.predicted.high!)})` : ''),
    pct(s.withPlan.recall),
    `${s.predicted === null ? '–' : pct(s.predicted.atTarget)} / ${pct(s.withPlan.atTarget)}`,
    `${s.withPlan.heaviestDay} / ${s.withPlan.meanDay}`,
    `${pct(s.noExam.recall)}, ${pct(s.noExam.atTarget)}, ${s.noExam.heaviestDay} / ${s.noExam.meanDay}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export async function runPlanBench(args: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const table = option('--table');
  if (table !== undefined) {
    const saved = JSON.parse(readFileSync(table, 'utf8')) as { scenarios: Scenario[]; runs: RunResult[] };
    const again = saved.scenarios.flatMap((scenario) =>
      summarise(
        scenario,
        saved.runs.filter((run) => run.scenario === scenario.name),
      ),
    );
    process.stdout.write(`${planTable(again)}\n`);
    return;
  }
  const seeds = Number(option('--seeds') ?? 3);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100) throw new Error('--seeds: 1 to 100');
  const only = option('--only');
  const outFile = option('--out') ?? join(projectRoot, 'bench', 'results', 'plan.json');
  const chosen = PLAN_SCENARIOS.filter((s) => only === undefined || s.name.includes(only));
  const summaries: ScenarioSummary[] = [];
  const runs: RunResult[] = [];
  for (const scenario of chosen) {
    const started = performance.now();
    const scenarioRuns: RunResult[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      for (const withExams of [true, false]) scenarioRuns.push(await runScenario(scenario, seed, withExams));
    }
    runs.push(...scenarioRuns);
    summaries.push(...summarise(scenario, scenarioRuns));
    const pageMs = Math.max(...scenarioRuns.flatMap((run) => run.examPageMs));
    const queueMs = Math.max(...scenarioRuns.filter((run) => run.withExams).map((run) => run.queueMaxMs));
    process.stderr.write(
      `[bench plan] ${scenario.name}: ${seeds} seeds in ${round((performance.now() - started) / 1000, 1)} s; ` +
        `exam page ≤ ${pageMs} ms, queue ≤ ${queueMs} ms\n`,
    );
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
        seeds,
        scenarios: chosen,
        summaries,
        runs,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`${planTable(summaries)}\n`);
}
