import type { Extent, Layout, Rect, ValidationRule } from './layout';

/**
 * A layout turned into the per-cell grids that Sheets and Excel take in one call each, so an
 * adapter formats a tab in a constant number of calls. Shared by both adapters.
 */
export const HEADER_FILL = '#e8eaed';
export const INPUT_FILL = '#fff8e1';

type WidthRun = { start: number; count: number; width: number };

function runsOf(widths: ReadonlyArray<number | undefined>): WidthRun[] {
  const runs: WidthRun[] = [];
  widths.forEach((width, i) => {
    if (width === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

/**
 * The fewest setColumnWidths calls for these widths: either one run per change of width, or
 * the commonest width over every column first and the others after.
 */
export function widthRuns(widths: readonly number[]): WidthRun[] {
  const plain = runsOf(widths);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (base === undefined) return plain;
  const based = [
    { start: 1, count: widths.length, width: base },
    ...runsOf(widths.map((w) => (w === base ? undefined : w))),
  ];
  return based.length < plain.length ? based : plain;
}

const inside = (r: Rect, row: number, col: number) =>
  row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;

/** Fill and weight of every cell of the extent: header rows grey and bold, the input area yellow. */
export function styleGrid(
  layout: Layout,
  extent: Extent,
): { backgrounds: Array<Array<string | null>>; weights: Array<Array<'bold' | 'normal'>> } {
  const headers = new Set(layout.headerRows ?? []);
  const backgrounds: Array<Array<string | null>> = [];
  const weights: Array<Array<'bold' | 'normal'>> = [];
  for (let r = 1; r <= extent.rows; r++) {
    const header = headers.has(r);
    backgrounds.push(
      Array.from({ length: extent.cols }, (_, c) =>
        header ? HEADER_FILL : layout.inputAreas?.some((a) => inside(a, r, c + 1)) ? INPUT_FILL : null,
      ),
    );
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
export function validationGrid(
  validations: NonNullable<Layout['validations']>,
  extent: Extent,
): { area: Rect; grid: Array<Array<CellRule | null>> } {
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

/** True for every cell of the extent inside one of the areas (for wrap and alignment grids). */
export function areaGrid(areas: readonly Rect[], extent: Extent): boolean[][] {
  // Each area marks its own cells: a report has thousands of areas (one per group of rows).
  const grid = Array.from({ length: extent.rows }, () => Array<boolean>(extent.cols).fill(false));
  for (const a of areas)
    for (let r = Math.max(a.row, 1); r < Math.min(a.row + a.numRows, extent.rows + 1); r++)
      for (let c = Math.max(a.col, 1); c < Math.min(a.col + a.numCols, extent.cols + 1); c++) grid[r - 1][c - 1] = true;
  return grid;
}
