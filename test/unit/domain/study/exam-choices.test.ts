import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examChoices } from '../../../../src/domain/study/exam-choices.js';
import { planStudy, type StudyPlanOptions } from '../../../../src/domain/study/exam-plan.js';
import { summariseExam } from '../../../../src/domain/study/exam-summary.js';
import { newStudyState, type StudyState } from '../../../../src/domain/study/scheduling.js';

const NOW = new Date('2026-11-27T09:00:00Z');
const DAY = 86_400_000;
const LIMITS = { maxNewCardsPerDay: 500, minTargetPercent: 50 };
const options = (count: number, days: number, state: () => StudyState, target = 0.9): StudyPlanOptions => ({
  items: Array.from({ length: count }, (_, i) => ({
    key: `i${i}`,
    setKey: 's',
    state: state(),
    exams: ['exam'],
  })),
  exams: [{ key: 'exam', date: new Date(NOW.getTime() + days * DAY), targetRecall: target, dailyCap: 50 }],
  now: NOW,
  newCardsPerDay: 20,
  newSeenToday: 0,
});
const summary = (o: StudyPlanOptions) => summariseExam(planStudy(o), 'exam')!;

describe('examChoices', () => {
  it('offers the smallest new-card limit that starts every card in time: 300 cards in 10 days, 30 a day', () => {
    const o = options(300, 10, () => newStudyState(NOW));
    assert.equal(summary(o).notStarted, 100);
    const choices = examChoices(o, 'exam', LIMITS);
    assert.deepEqual(choices, { newCardsPerDay: { perDay: 30, ready: 300 }, targetPercent: null });
    assert.equal(summary({ ...o, newCardsPerDay: 30 }).ready, 300);
    assert.ok(summary({ ...o, newCardsPerDay: 29 }).ready < 300);
  });

  it('counts today’s new cards already seen: 500 cards in 2 days with 20 seen today needs 260 a day', () => {
    const o = { ...options(500, 2, () => newStudyState(NOW)), newSeenToday: 20 };
    assert.deepEqual(examChoices(o, 'exam', LIMITS).newCardsPerDay, { perDay: 260, ready: 500 });
  });

  it('offers the highest target every card can reach when some cannot reach this one', () => {
    const hard = (): StudyState => ({
      ...newStudyState(NOW),
      phase: 'review',
      stability: 0.5,
      difficulty: 10,
      reps: 4,
      lastReview: new Date(NOW.getTime() - DAY),
      due: new Date(NOW.getTime() + 30 * DAY),
    });
    const o = options(3, 3, hard, 0.99);
    assert.equal(summary(o).atRisk, 3);
    const { targetPercent, newCardsPerDay } = examChoices(o, 'exam', LIMITS);
    assert.equal(newCardsPerDay, null, 'more new cards would not help');
    assert.ok(targetPercent !== null && targetPercent < 99);
    const at = (percent: number) =>
      summary({ ...o, exams: [{ ...o.exams[0]!, targetRecall: percent / 100 }] });
    assert.equal(at(targetPercent).atRisk, 0);
    assert.ok(at(targetPercent + 1).atRisk > 0);
  });

  it('offers nothing when the plan meets the target', () => {
    assert.deepEqual(
      examChoices(
        options(40, 10, () => newStudyState(NOW)),
        'exam',
        LIMITS,
      ),
      {
        newCardsPerDay: null,
        targetPercent: null,
      },
    );
  });
});
