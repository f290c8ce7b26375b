import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { printSheets } from '../../../src/web/card-set/print-sheets.js';

const numbers = (rows: ({ number: number } | null)[][]) =>
  rows.map((row) => row.map((cell) => cell?.number ?? 0));

describe('double-sided print sheets', () => {
  it('puts eight cards on a sheet, with each row of backs mirrored', () => {
    const sheets = printSheets(Array.from({ length: 11 }, (_, i) => `card ${i + 1}`));
    assert.equal(sheets.length, 2);
    assert.deepEqual(numbers(sheets[0]!.fronts), [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    assert.deepEqual(numbers(sheets[0]!.backs), [
      [2, 1],
      [4, 3],
      [6, 5],
      [8, 7],
    ]);
    // A short last row keeps its card behind its front: the blank moves to the other side.
    assert.deepEqual(numbers(sheets[1]!.fronts), [
      [9, 10],
      [11, 0],
    ]);
    assert.deepEqual(numbers(sheets[1]!.backs), [
      [10, 9],
      [0, 11],
    ]);
    assert.equal(sheets[1]!.fronts[1]![0]!.card, 'card 11');
  });

  it('mirrors rows of any width, and has no sheets for no cards', () => {
    const [sheet] = printSheets(['a', 'b', 'c', 'd'], 3, 2);
    assert.deepEqual(numbers(sheet!.backs), [
      [3, 2, 1],
      [0, 0, 4],
    ]);
    assert.deepEqual(printSheets([]), []);
  });
});
