import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DayModel, dayMemoryOf } from '../../../../src/domain/study/day-memory.js';
import { newStudyState, review } from '../../../../src/domain/study/scheduling.js';

const DAY = 86_400_000;
const DAY0 = new Date('2027-01-04T00:00:00Z');
const model = new DayModel();

describe('DayModel', () => {
  it('gives what review gives, answer by answer: learning (Good, Good at the step), reviews recalled or forgotten (Again, Good at the step)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(
          fc.record({
            late: fc.integer({ min: -3, max: 4 }),
            passed: fc.boolean(),
            hour: fc.integer({ min: 6, max: 22 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (start, sessions) => {
          const first = DAY0.getTime() + start * DAY + 9 * 3_600_000;
          let state = review(newStudyState(new Date(first)), 3, new Date(first)).state;
          state = review(state, 3, new Date(first + 600_000)).state;
          let memory = model.learn(start);
          assert.deepEqual(dayMemoryOf(state, DAY0), memory);
          for (const { late, passed, hour } of sessions) {
            const day = Math.max(memory.last + 1, memory.due + late);
            const at = DAY0.getTime() + day * DAY + hour * 3_600_000;
            if (passed) state = review(state, 3, new Date(at)).state;
            else state = review(review(state, 1, new Date(at)).state, 3, new Date(at + 600_000)).state;
            memory = model.review(memory, day, passed);
            const expected = dayMemoryOf(state, DAY0)!;
            assert.equal(memory.due, expected.due);
            assert.equal(memory.last, expected.last);
            assert.ok(Math.abs(memory.stability - expected.stability) < 1e-9);
            assert.ok(Math.abs(memory.difficulty - expected.difficulty) < 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a review-phase state in days from day 0; none for new or learning items', () => {
    const learning = review(newStudyState(DAY0), 3, DAY0).state;
    assert.equal(dayMemoryOf(learning, DAY0), null);
    assert.equal(dayMemoryOf(newStudyState(DAY0), DAY0), null);
    const graduated = review(learning, 3, new Date(DAY0.getTime() + 600_000)).state;
    const memory = dayMemoryOf(graduated, new Date(DAY0.getTime() + 3 * DAY))!;
    assert.equal(memory.last, -3);
    assert.equal(memory.due, -1);
    assert.equal(model.recall(memory, 0), model.recall({ ...memory, last: 0 }, 3));
  });
});
