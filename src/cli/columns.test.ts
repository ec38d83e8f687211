import { describe, expect, it } from 'vitest';
import { cellAt, columnLetters, columnNumber } from './columns';

describe('column letters', () => {
  it('names columns by letters', () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('reads the letters of a column or a cell reference back', () => {
    expect(['A', 'c', 'Z', 'AA', 'AZ12', 'AAA1', '12'].map(columnNumber)).toEqual([1, 3, 26, 27, 52, 703, 0]);
    for (let column = 1; column <= 20_000; column += 7) expect(columnNumber(columnLetters(column))).toBe(column);
  });

  it('reads a cell reference', () => {
    expect(['C4', 'aa12', ' B7 ', 'C', '4', 'C4:D5', 'ABCD1'].map(cellAt)).toEqual([
      { column: 3, row: 4 },
      { column: 27, row: 12 },
      { column: 2, row: 7 },
      null,
      null,
      null,
      null,
    ]);
  });
});
