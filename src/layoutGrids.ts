import type { Extent, Layout, Rect, ValidationRule } from './port';

/**
 * A layout turned into the per-cell grids that Sheets and Excel take in one call each, so an
 * adapter formats a tab in a constant number of calls. Shared by both adapters.
 */
export const HEADER_FILL = '#e8eaed';
export const INPUT_FILL = '#fff8e1';

export function sameWidthRuns(widths: readonly number[]): Array<{ start: number; count: number; width: number }> {
  const runs: Array<{ start: number; count: number; width: number }> = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

const inside = (r: Rect, row: number, col: number) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;

/** Fill and weight of every cell of the extent: header rows grey and bold, the input area yellow. */
export function styleGrid(layout: Layout, extent: Extent): { backgrounds: Array<Array<string | null>>; weights: Array<Array<'bold' | 'normal'>> } {
  const headers = new Set(layout.headerRows ?? []);
  const backgrounds: Array<Array<string | null>> = [];
  const weights: Array<Array<'bold' | 'normal'>> = [];
  for (let r = 1; r <= extent.rows; r++) {
    const header = headers.has(r);
    backgrounds.push(Array.from({ length: extent.cols }, (_, c) => (header ? HEADER_FILL : layout.inputArea && inside(layout.inputArea, r, c + 1) ? INPUT_FILL : null)));
    weights.push(Array<'bold' | 'normal'>(extent.cols).fill(header ? 'bold' : 'normal'));
  }
  return { backgrounds, weights };
}

export interface CellRule {
  readonly rule: ValidationRule;
  readonly help: string;
}

/**
 * Every validation as one grid over the columns they use, down to the extent's last row:
 * cells outside the ranges get none, which also clears rules left on rows that went away.
 */
export function validationGrid(validations: NonNullable<Layout['validations']>, extent: Extent): { area: Rect; grid: Array<Array<CellRule | null>> } {
  const top = Math.min(...validations.map((v) => v.range.row));
  const left = Math.min(...validations.map((v) => v.range.col));
  const right = Math.max(...validations.map((v) => v.range.col + v.range.numCols - 1));
  const bottom = Math.max(extent.rows, ...validations.map((v) => v.range.row + v.range.numRows - 1));
  const shared: CellRule[] = validations.map((v) => ({ rule: v.rule, help: v.help }));
  const grid: Array<Array<CellRule | null>> = [];
  for (let r = top; r <= bottom; r++) {
    grid.push(
      Array.from({ length: right - left + 1 }, (_, i) => {
        const k = validations.findIndex((x) => inside(x.range, r, left + i));
        return k < 0 ? null : shared[k];
      }),
    );
  }
  return { area: { row: top, col: left, numRows: bottom - top + 1, numCols: right - left + 1 }, grid };
}
