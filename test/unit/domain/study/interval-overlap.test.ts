import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { overlapsAny } from '../../../../src/domain/study/interval-overlap.js';

const range = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }))
  .map(([start, length]) => ({ start, end: start + length }));

describe('overlapsAny', () => {
  it('answers as a scan of every range would, for ranges in any order, nested or empty', () => {
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 40 }),
        fc.array(range, { maxLength: 20 }),
        (ranges, queries) => {
          const overlaps = overlapsAny(ranges);
          for (const { start, end } of queries) {
            const scanned = ranges.some((r) => start < r.end && end > r.start);
            assert.equal(overlaps(start, end), scanned, JSON.stringify({ ranges, start, end }));
          }
        },
      ),
    );
  });

  it('treats ranges as half-open: touching is not overlapping', () => {
    const overlaps = overlapsAny([{ start: 5, end: 10 }]);
    assert.equal(overlaps(10, 12), false);
    assert.equal(overlaps(0, 5), false);
    assert.equal(overlaps(9, 10), true);
    assert.equal(overlapsAny([])(0, 100), false);
  });
});
