import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DayModel, dayMemoryOf } from '../../../../src/domain/study/day-memory.js';
import { forecastPlan } from '../../../../src/domain/study/exam-forecast.js';
import { planStudy, type PlanItem } from '../../../../src/domain/study/exam-plan.js';
import { newStudyState, type StudyState } from '../../../../src/domain/study/scheduling.js';

const NOW = new Date('2026-11-27T09:00:00Z');
const TODAY = new Date('2026-11-27T00:00:00Z');
const DAY = 86_400_000;
const model = new DayModel();
const exam = (days: number, targetRecall = 0.9) => ({
  key: 'exam',
  date: new Date(NOW.getTime() + days * DAY),
  targetRecall,
  dailyCap: 50,
});
const items = (count: number, state: () => StudyState): PlanItem[] =>
  Array.from({ length: count }, (_, i) => ({ key: `i${i}`, setKey: 's', state: state(), exams: ['exam'] }));
const overdue = (): StudyState => ({
  ...newStudyState(NOW),
  phase: 'review',
  stability: 3,
  difficulty: 9,
  reps: 3,
  lastReview: new Date(NOW.getTime() - 9 * DAY),
  due: new Date(NOW.getTime() - 3 * DAY),
});

describe('forecastPlan', () => {
  it('counts items the limit leaves unstarted as not known: 20 of 50 learnt today, recalled as FSRS says tomorrow', () => {
    const plan = planStudy({
      items: items(50, () => newStudyState(NOW)),
      exams: [exam(1)],
      now: NOW,
      newCardsPerDay: 20,
      newSeenToday: 0,
    });
    const forecast = forecastPlan(plan).get('exam')!;
    const learnt = model.recall(model.learn(0), 1);
    assert.ok(Math.abs(forecast.recall - (20 / 50) * learnt) < 1e-12);
    assert.equal(forecast.atTarget, 20 / 50);
    assert.equal(forecast.items, 50);
  });

  it('answers each planned review with FSRS’s probability: the expected recall of an overdue item reviewed today', () => {
    const plan = planStudy({
      items: items(200, overdue),
      exams: [exam(1)],
      now: NOW,
      newCardsPerDay: 20,
      newSeenToday: 0,
    });
    assert.deepEqual(plan.items[0]!.reviews, [{ day: 0, reason: 'due' }]);
    const memory = dayMemoryOf(overdue(), TODAY)!;
    const chance = model.recall(memory, 0);
    const recalled = model.recall(model.review(memory, 0, true), 1);
    const forgotten = model.recall(model.review(memory, 0, false), 1);
    const expected = chance * recalled + (1 - chance) * forgotten;
    const forecast = forecastPlan(plan, { runs: 100 }).get('exam')!;
    // 200 items × 100 runs: the standard error is about a tenth of a point.
    assert.ok(Math.abs(forecast.recall - expected) < 0.005, `${forecast.recall} vs ${expected}`);
    // Recalled, it is at the target on the day; forgotten and relearnt, under it.
    assert.ok(recalled >= 0.9 && forgotten < 0.9);
    assert.ok(Math.abs(forecast.atTarget - chance) < 0.01, `${forecast.atTarget} vs ${chance}`);
    // The spread: the share recalled on the day, over runs, around the mean.
    assert.ok(forecast.low < forecast.recall && forecast.recall < forecast.high);
    assert.ok(forecast.high - forecast.low < 0.2);
  });

  it('gives the same forecast for the same plan and seed', () => {
    const plan = planStudy({
      items: items(40, overdue),
      exams: [exam(10)],
      now: NOW,
      newCardsPerDay: 20,
      newSeenToday: 0,
    });
    assert.deepEqual(forecastPlan(plan), forecastPlan(plan));
    assert.deepEqual(forecastPlan(plan, { seed: 7 }), forecastPlan(plan, { seed: 7 }));
  });

  it('says what missing tomorrow costs: when the limit binds, a day of new cards is lost', () => {
    const plan = planStudy({
      items: items(300, () => newStudyState(NOW)),
      exams: [exam(10)],
      now: NOW,
      newCardsPerDay: 20,
      newSeenToday: 0,
    });
    const all = forecastPlan(plan).get('exam')!;
    const missing = forecastPlan(plan, { skipDay: 1 }).get('exam')!;
    // 200 of 300 can be started; missing a day leaves 180.
    assert.ok(Math.abs(all.atTarget - 200 / 300) < 0.03, `${all.atTarget}`);
    assert.ok(Math.abs(missing.atTarget - 180 / 300) < 0.03, `${missing.atTarget}`);
    const cost = all.recall - missing.recall;
    assert.ok(cost > 0.04 && cost < 0.08, `cost ${cost}`);
  });
});
