import type * as z from 'zod/mini';
import { type Cell, type Grid, columnLetter, compact, isBlank, isBlankGrid, isErrorValue } from './cells';
import { type Finding, error } from './findings';
import * as M from './tableMessages';

/**
 * A table found inside a tab by its header texts, wherever the header row is and in whatever
 * order the columns stand. Columns the tool does not know are left alone.
 */
export interface Table {
  readonly sheet: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  /** header text → 1-based column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Non-blank rows under the header. */
  readonly rows: readonly TableRow[];
  /** Nothing wrong with the header row: every required header there, none twice (needed to write back). */
  readonly complete: boolean;
}

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly values: readonly Cell[];
  /** The data row directly above, when there is one (a merged cell reads as blank below it). */
  readonly above?: readonly Cell[];
}

const headerKey = (v: Cell) => compact(v);

/** How far down a heading may push the header row. */
const HEADER_SCAN_ROWS = 30;

export function findHeaderRow(values: Grid, headers: readonly string[]): number | undefined {
  const wanted = new Set(headers.map((h) => headerKey(h)));
  let best: { index: number; hits: number } | undefined;
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN_ROWS); r++) {
    const hits = new Set(values[r].map(headerKey).filter((k) => wanted.has(k))).size;
    if (hits > 0 && (!best || hits > best.hits)) best = { index: r, hits };
  }
  return best && best.hits >= Math.min(2, headers.length) ? best.index + 1 : undefined;
}

/**
 * Finds the table. Every header in `required` must stand in the header row exactly once;
 * `optional` headers are located when present. What is wrong with the header row goes into
 * `findings` (the table is still returned, marked incomplete, when its header row was found).
 */
export function locateTable(
  sheet: string,
  values: Grid,
  findings: Finding[],
  required: readonly string[],
  optional: readonly string[] = [],
): Table | undefined {
  const all = [...required, ...optional];
  const headerRow = findHeaderRow(values, all);
  if (headerRow === undefined) {
    const what = isBlankGrid(values) ? 'シートが空です' : '見出し行が見つかりません';
    findings.push(error(sheet, 1, 1, M.say.headerRowNotFound(what, required)));
    return undefined;
  }
  const before = findings.length;
  const columns = new Map<string, number>();
  const header = values[headerRow - 1];
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    const name = all.find((h) => headerKey(h) === key);
    if (!name) return;
    if (columns.has(name)) {
      findings.push(
        error(sheet, headerRow, i + 1, M.say.headerTwice(name, columnLetter(columns.get(name)!), columnLetter(i + 1))),
      );
      return;
    }
    columns.set(name, i + 1);
  });
  for (const name of required) {
    if (!columns.has(name)) {
      findings.push(error(sheet, headerRow, undefined, M.say.headerMissing(name, headerRow)));
    }
  }
  const rows: TableRow[] = [];
  const known = [...columns.values()];
  for (let r = headerRow; r < values.length; r++) {
    const line = values[r];
    if (known.every((c) => isBlank(line[c - 1]))) continue;
    rows.push({ row: r + 1, values: line, above: r > headerRow ? values[r - 1] : undefined });
  }
  return { sheet, headerRow, columns, rows, complete: findings.length === before };
}

export function cell(table: Table, row: TableRow, header: string): Cell {
  const c = table.columns.get(header);
  return c === undefined ? '' : (row.values[c - 1] ?? '');
}

/** A column's rule: a zod schema from the typed cell to its value, with Japanese messages. */
export interface ColumnRule<T> {
  readonly header: string;
  readonly schema: z.ZodMiniType<T, Cell>;
  /** A blank cell is an error (true) or gives undefined (false). */
  readonly required: boolean;
}

export function rule<T>(header: string, schema: z.ZodMiniType<T, Cell>, required = true): ColumnRule<T> {
  return { header, schema, required };
}

type Parsed<R extends Record<string, ColumnRule<unknown>>> = {
  [K in keyof R]: R[K] extends ColumnRule<infer T> ? T | undefined : never;
};

/**
 * Runs each column's rule on one row; every failure becomes a finding at its cell.
 * Formula errors (#REF!, #N/A) are reported as such rather than as bad values.
 */
export function parseRow<R extends Record<string, ColumnRule<unknown>>>(
  table: Table,
  row: TableRow,
  rules: R,
  findings: Finding[],
): { value: Parsed<R>; ok: boolean } {
  const value: Record<string, unknown> = {};
  let ok = true;
  for (const [key, r] of Object.entries(rules)) {
    const col = table.columns.get(r.header);
    if (col === undefined) {
      ok = ok && !r.required;
      continue;
    }
    const raw = row.values[col - 1] ?? '';
    if (isErrorValue(raw)) {
      findings.push(error(table.sheet, row.row, col, M.say.formulaError(r.header, raw)));
      ok = ok && !r.required;
      continue;
    }
    if (isBlank(raw)) {
      if (r.required) {
        // A cell merged with the one above reads as blank: say so, it is a common layout in Japan.
        const above = row.above?.[col - 1];
        const merged = above !== undefined && !isBlank(above);
        findings.push(error(table.sheet, row.row, col, M.say.cellEmpty(r.header, merged)));
        ok = false;
      }
      continue;
    }
    const result = r.schema.safeParse(raw);
    if (result.success) value[key] = result.data;
    else {
      findings.push(error(table.sheet, row.row, col, M.say.valueInvalid(r.header, result.error.issues[0]?.message)));
      ok = false;
    }
  }
  return { value: value as Parsed<R>, ok };
}
