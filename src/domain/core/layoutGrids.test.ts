import { describe, expect, it } from 'vitest';
import { styleGrid, validationGrid, widthRuns } from './layoutGrids';

describe('widthRuns', () => {
  it('sets the commonest width over every column first when that takes fewer calls', () => {
    expect(widthRuns([80, 200, 320, 80, 320, 80, 80, 260, 80, 80])).toEqual([
      { start: 1, count: 10, width: 80 },
      { start: 2, count: 1, width: 200 },
      { start: 3, count: 1, width: 320 },
      { start: 5, count: 1, width: 320 },
      { start: 8, count: 1, width: 260 },
    ]);
    expect(widthRuns([70, 120, 70, 640])).toHaveLength(3);
    expect(widthRuns([100, 100, 200])).toEqual([
      { start: 1, count: 2, width: 100 },
      { start: 3, count: 1, width: 200 },
    ]);
  });
});

describe('grids', () => {
  it('styles header rows and the input area over the extent, nothing else', () => {
    const g = styleGrid(
      { headerRows: [1], inputAreas: [{ row: 2, col: 2, numRows: 1, numCols: 1 }] },
      { rows: 3, cols: 2 },
    );
    expect(g.backgrounds).toEqual([
      ['#e8eaed', '#e8eaed'],
      [null, '#fff8e1'],
      [null, null],
    ]);
    expect(g.weights).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
      ['normal', 'normal'],
    ]);
  });
  it('lays every validation on one grid down to the extent, clearing rows below the ranges', () => {
    const list = { kind: 'list' as const, values: ['A', 'B'] };
    const { area, grid } = validationGrid(
      [{ range: { row: 2, col: 3, numRows: 2, numCols: 1 }, rule: list, help: 'h' }],
      { rows: 5, cols: 4 },
    );
    expect(area).toEqual({ row: 2, col: 3, numRows: 4, numCols: 1 });
    expect(grid.map((r) => (r[0] ? 'rule' : null))).toEqual(['rule', 'rule', null, null]);
    expect(grid[0][0]).toBe(grid[1][0]);
  });
});
