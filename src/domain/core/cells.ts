/**
 * Plain cell values as both adapters hand them to the domain, and the few
 * helpers that turn what people type into comparable text.
 */

/** A value read from a sheet: '' for an empty cell, as Apps Script's getValues gives it. */
export type Cell = string | number | boolean | Date;

/** A link to a cell of another tab (rendered by each adapter in its own way). */
export interface CellLink {
  readonly kind: 'link';
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** A value written to a sheet. Strings are always stored as text, never run as formulas. */
export type OutCell = Cell | CellLink;

export type Grid = Cell[][];
export type OutGrid = OutCell[][];

/** A Date, also one made in another realm (a test's vm context, exceljs). */
export function isDate(v: unknown): v is Date {
  // Not instanceof: a Date from another realm (the bundle under test) is a date too. The typeof
  // test first, since nearly every cell is a string or a number and the tag lookup is slow.
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

export function link(sheet: string, row: number, col: number, text: string): CellLink {
  return { kind: 'link', sheet, row, col, text };
}

export function isLink(v: unknown): v is CellLink {
  return typeof v === 'object' && v !== null && (v as CellLink).kind === 'link';
}

/** NFKC + trim: 全角 digits/letters/spaces become ordinary. Use on a copy; keep what was typed. */
export function norm(v: Cell | undefined | null): string {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return v.toISOString();
  const s = String(v);
  // Most cells are plain ASCII (事業番号, years, codes): NFKC would change nothing there.
  if (/^[\x21-\x7e]*$/.test(s)) return s;
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** norm() without any white space: for comparing headers, setting items, codes. */
export function compact(v: Cell | undefined | null): string {
  return norm(v).replace(/\s/g, '');
}

export function isBlank(v: Cell | undefined | null): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A tab with nothing typed in it (a missing tab reads as none). */
export function isBlankGrid(values: Grid | undefined): boolean {
  return (values ?? []).every((r) => r.every(isBlank));
}

export function formatDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * A date as people type it (2025/4/1, with the time only when there is one): how a text answer
 * that Sheets turned into a date is stored back as text.
 */
export function dateText(d: Date): string {
  const time = d.getHours() || d.getMinutes() ? ` ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}` : '';
  return `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()}${time}`;
}

export function formatDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The largest and smallest of many numbers (0 for none). Never Math.max(...list): 回答 of ten
 * years holds 100,000 rows, past the engine's limit on arguments ("Maximum call stack size").
 */
export function largest(values: Iterable<number>): number {
  let out = -Infinity;
  for (const v of values) if (v > out) out = v;
  return out === -Infinity ? 0 : out;
}
export function smallest(values: Iterable<number>): number {
  let out = Infinity;
  for (const v of values) if (v < out) out = v;
  return out === Infinity ? 0 : out;
}
/** The longest row's length. */
export function widest(rows: ReadonlyArray<{ readonly length: number }>): number {
  return largest(rows.map((r) => r.length));
}

/** Spreadsheet column letters back to their number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Values of a cell that mean "not applicable" in Japanese tables (―, －, -). */
export function isNotApplicable(v: Cell): boolean {
  return /^[-―－‐ー—]$/.test(norm(v));
}

/** An error value a spreadsheet shows instead of a result (#REF!, #N/A …). */
export function isErrorValue(v: Cell): boolean {
  return typeof v === 'string' && /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/.test(v.trim());
}

/** Google Sheets refuses more than this many characters in one cell. */
export const CELL_CHAR_LIMIT = 50000;

/**
 * The longest text the tool can write into a cell: it writes text with a leading apostrophe
 * (so that nothing typed runs as a formula), and Sheets counts that apostrophe too.
 */
export const TEXT_LIMIT = CELL_CHAR_LIMIT - 1;

/** Splits sorted column numbers into runs of neighbours: [1,2,3,5] → [[1,2,3],[5]]. */
export function contiguousRuns(sorted: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && c === run[run.length - 1] + 1) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** The items of a list by key, each looked at once. */
export function bucketBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = keyOf(item);
    const b = out.get(k);
    if (b) b.push(item);
    else out.set(k, [item]);
  }
  return out;
}
