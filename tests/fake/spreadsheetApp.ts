/**
 * An in-memory fake of the subset of Apps Script's SpreadsheetApp, LockService and Session the
 * adapter uses, faithful to its rules: 1-based rows and columns, getRange throws out of the
 * sheet's bounds and on zero sizes, setValues throws when the array's shape differs from the
 * range, strings are parsed as if typed (=… becomes a formula, 59.1% a number, a leading
 * apostrophe keeps text), getValues gives '' for empty cells. Every call is counted.
 */
import manifest from '../../appsscript.json';
import { isDate } from '../../src/domain/core/cells';

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

/** The scopes the project's manifest asks for: the fake grants exactly these. */
function manifestScopes(): string[] {
  return [...((manifest as { oauthScopes?: string[] }).oauthScopes ?? [])];
}

type Value = string | number | boolean | Date;

export interface CallCounts {
  read: number;
  write: number;
  /** Calls that only find something (a tab by its name, its used range, the number of tabs): a round trip each. */
  lookup: number;
  other: number;
  cellsRead: number;
  cellsWritten: number;
  byMethod: Record<string, number>;
  /** sheet name → read + write calls on that sheet. */
  bySheet: Record<string, number>;
}

const READS = new Set([
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNotes',
  'getDataValidations',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'getMaxColumns',
  'getProtections',
  'getCharts',
  'getEditors',
  'getSheets',
  'canDomainEdit',
  'canEdit',
]);
/** Each is a round trip in Apps Script, though it moves no cell and changes nothing (a toast only shows). */
const LOOKUPS = new Set(['getSheetByName', 'getDataRange', 'getNumSheets', 'toast', 'getOwner']);
const WRITES = new Set([
  'setDataValidations',
  'setBackgrounds',
  'setFontWeights',
  'setValues',
  'setValue',
  'clear',
  'clearContent',
  'clearContents',
  'insertSheet',
  'deleteSheet',
  'setNote',
  'setNotes',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'protect',
  'remove',
  'setDescription',
  'setWarningOnly',
  'addEditors',
  'addEditor',
  'removeEditors',
  'setDomainEdit',
  'setUnprotectedRanges',
  'setRange',
  'setFrozenRows',
  'setColumnWidth',
  'setColumnWidths',
  'setFontWeight',
  'setBackground',
  'setWrap',
  'setWraps',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'insertChart',
  'removeChart',
  'insertRowsAfter',
  'insertColumnsAfter',
  'deleteRows',
  'setName',
]);

export interface FakeCell {
  value: Value;
  formula?: string;
  /** The text the cell shows, where it differs from String(value) (a percentage, a date). */
  display?: string;
  note?: string;
  validation?: FakeValidation;
  bold?: boolean;
  background?: string;
  wrap?: boolean;
  align?: string;
}

export interface FakeValidation {
  kind: 'list' | 'formula';
  values?: string[];
  formula?: string;
  allowInvalid: boolean;
  helpText: string;
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  editors: string[];
  domainEdit = true;
  removed = false;
  unprotected: Array<{ row: number; col: number; numRows: number; numCols: number }> = [];
  constructor(
    private readonly app: FakeApp,
    readonly sheet: FakeSheet,
    readonly type: 'SHEET' | 'RANGE',
    public range: { row: number; col: number; numRows: number; numCols: number } | undefined,
  ) {
    // Until it is narrowed, a new protection lets edit whoever may edit the spreadsheet.
    this.editors = [...app.sharedWith];
    this.domainEdit = app.domainShared;
  }
  private t<T>(m: string, r: T): T {
    this.app.count(m, this.sheet.name);
    return r;
  }
  /** Only the owner and the protection's own editors may read its editors or change it. */
  private mayManage() {
    return this.app.user === this.app.owner || this.app.among(this.editors) || this.warningOnly;
  }
  private mustManage() {
    if (!this.mayManage()) throw new Error('Exception: You do not have permission to access or edit this protection.');
  }
  getDescription() {
    return this.t('getDescription', this.description);
  }
  /** Whether the running user may change this protection (NOTES: the reference guards remove() with it). */
  canEdit() {
    return this.t('canEdit', this.mayManage());
  }
  isWarningOnly() {
    return this.t('isWarningOnly', this.warningOnly);
  }
  setDescription(d: string) {
    this.mustManage();
    this.description = d;
    return this.t('setDescription', this);
  }
  setWarningOnly(w: boolean) {
    this.mustManage();
    this.warningOnly = w;
    return this.t('setWarningOnly', this);
  }
  getEditors() {
    this.mustManage();
    return this.t(
      'getEditors',
      this.editors.map((e) => new FakeUser(e)),
    );
  }
  removeEditors(users: Array<FakeUser | string>) {
    this.mustManage();
    const gone = new Set(users.map((u) => (typeof u === 'string' ? u : u.getEmail())));
    const group = this.app.runnerGroup;
    if (group && gone.has(group) && !this.editors.includes(this.app.user)) {
      this.t('removeEditors', this); // a call refused still costs its round trip
      throw new Error('Exception: You cannot remove yourself as an editor.');
    }
    // The owner and the person running the script are never removed.
    this.editors = this.editors.filter((e) => !gone.has(e) || e === this.app.owner || e === this.app.user);
    return this.t('removeEditors', this);
  }
  addEditors(emails: string[]) {
    this.mustManage();
    for (const e of emails) if (!this.editors.includes(e)) this.editors.push(e);
    return this.t('addEditors', this);
  }
  addEditor(e: string | FakeUser) {
    return this.addEditors([typeof e === 'string' ? e : e.getEmail()]);
  }
  canDomainEdit() {
    this.mustManage();
    return this.t('canDomainEdit', this.domainEdit);
  }
  setDomainEdit(d: boolean) {
    this.mustManage();
    if (!this.app.workspace)
      throw new Error('Exception: This spreadsheet does not belong to a Google Workspace domain.');
    this.domainEdit = d;
    return this.t('setDomainEdit', this);
  }
  remove() {
    this.mustManage();
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
    this.t('remove', undefined);
  }
  setUnprotectedRanges(ranges: FakeRange[]) {
    this.mustManage();
    this.unprotected = ranges.map((r) => ({ row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols }));
    return this.t('setUnprotectedRanges', this);
  }
  setRange(r: FakeRange) {
    this.mustManage();
    if (this.type !== 'RANGE') throw new Error('Exception: A sheet protection has no range to set.');
    if (r.sheet !== this.sheet) throw new Error('Exception: The range must be on the protected sheet.');
    this.range = { row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
    return this.t('setRange', this);
  }
  /** A range protection's range; a sheet protection's is the whole tab, as in Apps Script. */
  getRange() {
    return this.range
      ? new FakeRange(this.app, this.sheet, this.range.row, this.range.col, this.range.numRows, this.range.numCols)
      : new FakeRange(this.app, this.sheet, 1, 1, this.sheet.maxRows, this.sheet.maxCols);
  }
}

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail() {
    return this.email;
  }
}

/** Parses a string the way Sheets parses what a person types; a date is midnight in the spreadsheet's time zone. */
function typed(v: unknown, timeZone?: string): { value: Value; formula?: string; display?: string } {
  if (typeof v !== 'string') {
    if (v === null || v === undefined) return { value: '' };
    if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
    // A Date made in the script's own realm (the bundle runs in a vm context) is a Date too.
    if (isDate(v)) return { value: new Date(v.getTime()) };
    throw new Error(`Exception: The parameters (${typeof v}) don't match the method signature.`);
  }
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=') && v.length > 1) {
    const link = /^=HYPERLINK\("([^"]*)","((?:[^"]|"")*)"\)$/.exec(v);
    return { value: link ? link[2].replace(/""/g, '"') : '', formula: v };
  }
  const t = v.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  if (/^-?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, display: t };
  if (/^(TRUE|FALSE)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  const d = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (d) return { value: zonedMidnight(Number(d[1]), Number(d[2]), Number(d[3]), timeZone), display: t };
  return { value: v };
}

/** The instant of a day's midnight in a time zone (the process's own when none is given). */
export function zonedMidnight(y: number, m: number, d: number, timeZone?: string): Date {
  const local = new Date(y, m - 1, d);
  if (!timeZone) return local;
  // Where that UTC instant's wall clock stands in the zone tells the zone's offset.
  const utc = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(utc))
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(utc - (shown - utc));
}

const PROTECTED =
  'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class FakeRange {
  constructor(
    private readonly app: FakeApp,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  private each(fn: (c: FakeCell, r: number, c2: number) => void) {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numCols; c++) fn(this.sheet.cellAt(this.row + r, this.col + c, true)!, r, c);
  }
  private t<T>(m: string, r: T): T {
    this.app.count(m, this.sheet.name);
    return r;
  }
  getRow() {
    return this.row;
  }
  getSheet() {
    return this.sheet;
  }
  /** Selects the range and shows its tab, as a click on a link to it would. */
  activate() {
    this.app.active = { sheet: this.sheet.name, row: this.row, col: this.col };
    return this.t('activate', this);
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getA1Notation() {
    return `${colLetter(this.col)}${this.row}:${colLetter(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }
  getValues(): Value[][] {
    this.app.cellsRead += this.numRows * this.numCols;
    const out: Value[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: Value[] = [];
      for (let c = 0; c < this.numCols; c++) {
        const v = this.sheet.cellAt(this.row + r, this.col + c)?.value ?? '';
        line.push(isDate(v) ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return this.t('getValues', out);
  }
  getDisplayValues(): string[][] {
    this.app.cellsRead += this.numRows * this.numCols;
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: string[] = [];
      for (let c = 0; c < this.numCols; c++) {
        const cell = this.sheet.cellAt(this.row + r, this.col + c);
        const v = cell?.value ?? '';
        line.push(
          cell?.display ??
            (isDate(v)
              ? `${v.getFullYear()}/${v.getMonth() + 1}/${v.getDate()}`
              : typeof v === 'boolean'
                ? v
                  ? 'TRUE'
                  : 'FALSE'
                : String(v)),
        );
      }
      out.push(line);
    }
    return this.t('getDisplayValues', out);
  }
  getFormulas(): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: string[] = [];
      for (let c = 0; c < this.numCols; c++) line.push(this.sheet.cellAt(this.row + r, this.col + c)?.formula ?? '');
      out.push(line);
    }
    return this.t('getFormulas', out);
  }
  setValues(values: unknown[][]) {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numCols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.numCols}.`,
        );
      }
      for (const v of line)
        if (typeof v === 'string' && v.length > 50000)
          throw new Error('Exception: Your input contains more than the maximum of 50000 characters in a single cell.');
    }
    this.app.cellsWritten += this.numRows * this.numCols;
    this.app.mustEdit(this.sheet, this);
    this.each((cell, r, c) => {
      const t = typed(values[r][c], this.app.timeZone);
      cell.value = t.value;
      cell.formula = t.formula;
      cell.display = t.display;
    });
    this.app.afterWrite(this.sheet.name);
    return this.t('setValues', this);
  }
  setValue(v: unknown) {
    if (this.numRows !== 1 || this.numCols !== 1)
      return this.setValues(Array.from({ length: this.numRows }, () => Array(this.numCols).fill(v)));
    return this.setValues([[v]]);
  }
  clearContent() {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.value = '';
      c.formula = undefined;
    });
    return this.t('clearContent', this);
  }
  setNote(n: string) {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.note = n;
    });
    return this.t('setNote', this);
  }
  setNotes(n: string[][]) {
    this.app.mustEdit(this.sheet, this);
    this.each((c, r, k) => {
      c.note = n[r][k];
    });
    return this.t('setNotes', this);
  }
  setDataValidation(rule: FakeValidation | null) {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.validation = rule ?? undefined;
    });
    return this.t('setDataValidation', this);
  }
  clearDataValidations() {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.validation = undefined;
    });
    return this.t('clearDataValidations', this);
  }
  setDataValidations(rules: Array<Array<FakeValidation | null>>) {
    this.app.mustEdit(this.sheet, this);
    this.shape(rules);
    this.each((c, r, k) => {
      c.validation = rules[r][k] ?? undefined;
    });
    return this.t('setDataValidations', this);
  }
  setBackgrounds(colors: Array<Array<string | null>>) {
    this.app.mustEdit(this.sheet, this);
    this.shape(colors);
    this.each((c, r, k) => {
      c.background = colors[r][k] ?? undefined;
    });
    return this.t('setBackgrounds', this);
  }
  setFontWeights(weights: Array<Array<string | null>>) {
    this.app.mustEdit(this.sheet, this);
    this.shape(weights);
    this.each((c, r, k) => {
      c.bold = weights[r][k] === 'bold';
    });
    return this.t('setFontWeights', this);
  }
  private shape(grid: unknown[][]) {
    if (grid.length !== this.numRows || grid.some((line) => line.length !== this.numCols))
      throw new Error('Exception: The number of rows or columns in the data does not match the range.');
  }
  setFontWeight(w: string) {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.bold = w === 'bold';
    });
    return this.t('setFontWeight', this);
  }
  setBackground(b: string) {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.background = b;
    });
    return this.t('setBackground', this);
  }
  setWrap(w: boolean) {
    this.app.mustEdit(this.sheet, this);
    this.each((c) => {
      c.wrap = w;
    });
    return this.t('setWrap', this);
  }
  setWraps(w: boolean[][]) {
    this.app.mustEdit(this.sheet, this);
    this.shape(w);
    this.each((c, r, k) => {
      c.wrap = w[r][k];
    });
    return this.t('setWraps', this);
  }
  setHorizontalAlignments(a: Array<Array<string | null>>) {
    this.app.mustEdit(this.sheet, this);
    this.shape(a);
    this.each((c, r, k) => {
      c.align = a[r][k] ?? undefined;
    });
    return this.t('setHorizontalAlignments', this);
  }
  setVerticalAlignment(_a: string) {
    this.app.mustEdit(this.sheet, this);
    return this.t('setVerticalAlignment', this);
  }
  protect() {
    this.app.mustEdit(this.sheet, this);
    const p = new FakeProtection(this.app, this.sheet, 'RANGE', {
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    });
    this.sheet.protections.push(p);
    return this.t('protect', p);
  }
}

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface FakeChart {
  type: 'bar' | 'line';
  title: string;
  range: FakeRange;
  row: number;
  col: number;
  stacked: boolean;
  colors?: string[];
  options: Record<string, unknown>;
}

export class FakeSheet {
  /** rows[r - 1][c - 1]; sparse where nothing was ever written. */
  rows: FakeCell[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  columnWidths: Record<number, number> = {};
  protections: FakeProtection[] = [];
  charts: FakeChart[] = [];
  constructor(
    private readonly app: FakeApp,
    public name: string,
    readonly id: number,
  ) {}
  cellAt(row: number, col: number, create = false): FakeCell | undefined {
    let line = this.rows[row - 1];
    if (!line) {
      if (!create) return undefined;
      line = this.rows[row - 1] = [];
    }
    let c = line[col - 1];
    if (!c && create) c = line[col - 1] = { value: '' };
    return c;
  }
  private t<T>(m: string, r: T): T {
    this.app.count(m, this.name);
    return r;
  }
  lastRow(): number {
    for (let r = this.rows.length; r > 0; r--)
      if (this.rows[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) return r;
    return 0;
  }
  lastCol(): number {
    let n = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > n; c--)
        if (line[c - 1] && (line[c - 1].value !== '' || line[c - 1].formula)) {
          n = c;
          break;
        }
    }
    return n;
  }
  /** Test helper: empties the tab without counting a call. */
  clearAll() {
    this.rows = [];
  }
  getName() {
    return this.t('getName', this.name);
  }
  setName(n: string) {
    this.app.mustEdit(this);
    this.app.mustBeNewName(n, this);
    this.name = n;
    return this.t('setName', this);
  }
  getSheetId() {
    return this.t('getSheetId', this.id);
  }
  getLastRow() {
    return this.t('getLastRow', this.lastRow());
  }
  getLastColumn() {
    return this.t('getLastColumn', this.lastCol());
  }
  getMaxRows() {
    return this.t('getMaxRows', this.maxRows);
  }
  getMaxColumns() {
    return this.t('getMaxColumns', this.maxCols);
  }
  getRange(row: number | string, col?: number, numRows = 1, numCols = 1) {
    if (typeof row === 'string') throw new Error('A1 ranges are not used by the adapter');
    const c = col ?? 1;
    if (!Number.isInteger(row) || !Number.isInteger(c) || row < 1 || c < 1)
      throw new Error('Exception: The starting row/column of the range is too small.');
    if (numRows < 1 || numCols < 1)
      throw new Error('Exception: The number of rows/columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || c + numCols - 1 > this.maxCols)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    return this.t('getRange', new FakeRange(this.app, this, row, c, numRows, numCols));
  }
  getDataRange() {
    return this.t(
      'getDataRange',
      new FakeRange(this.app, this, 1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastCol(), 1)),
    );
  }
  clear() {
    this.rows = [];
    return this.t('clear', this);
  }
  clearContents() {
    for (const line of this.rows)
      for (const c of line ?? [])
        if (c) {
          c.value = '';
          c.formula = undefined;
        }
    return this.t('clearContents', this);
  }
  insertRowsAfter(_after: number, n: number) {
    this.app.mustEdit(this);
    this.maxRows += n;
    return this.t('insertRowsAfter', this);
  }
  deleteRows(start: number, n: number) {
    this.app.mustEdit(this);
    if (start < 1 || start + n - 1 > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (this.maxRows - n <= this.frozenRows)
      throw new Error('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    this.rows.splice(start - 1, n);
    this.maxRows -= n;
    return this.t('deleteRows', this);
  }
  insertColumnsAfter(_after: number, n: number) {
    this.app.mustEdit(this);
    this.maxCols += n;
    return this.t('insertColumnsAfter', this);
  }
  setFrozenRows(n: number) {
    this.app.mustEdit(this);
    this.frozenRows = n;
    return this.t('setFrozenRows', this);
  }
  setColumnWidth(col: number, w: number) {
    this.app.mustEdit(this);
    this.columnWidths[col] = w;
    return this.t('setColumnWidth', this);
  }
  setColumnWidths(start: number, n: number, w: number) {
    this.app.mustEdit(this);
    for (let i = 0; i < n; i++) this.columnWidths[start + i] = w;
    return this.t('setColumnWidths', this);
  }
  /** A protected sheet gives back its protection (Apps Script makes no second one). */
  protect() {
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return this.t('protect', existing);
    this.app.mustEdit(this);
    const p = new FakeProtection(this.app, this, 'SHEET', undefined);
    this.protections.push(p);
    return this.t('protect', p);
  }
  getProtections(type: 'SHEET' | 'RANGE') {
    return this.t(
      'getProtections',
      this.protections.filter((p) => p.type === type),
    );
  }
  getCharts() {
    return this.t('getCharts', [...this.charts]);
  }
  removeChart(c: FakeChart) {
    this.charts = this.charts.filter((x) => x !== c);
    return this.t('removeChart', undefined);
  }
  insertChart(c: FakeChart) {
    this.charts.push(c);
    return this.t('insertChart', undefined);
  }
  newChart() {
    const spec: Partial<FakeChart> = { stacked: false, options: {} };
    // The typed builders of real Apps Script: setStacked exists on a bar chart's only.
    const builder: Record<string, (...args: never[]) => unknown> = {
      asBarChart: () => {
        spec.type = 'bar';
        return { ...builder, setStacked };
      },
      asLineChart: () => {
        spec.type = 'line';
        return builder;
      },
      addRange: (r: FakeRange) => {
        spec.range = r;
        return builder;
      },
      // Google Charts takes CSS colours; anything else draws nothing useful, so refuse it here.
      setColors: (colors: string[]) => {
        if (!Array.isArray(colors) || !colors.every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)))
          throw new Error(`Invalid argument: cssValues (${String(colors)})`);
        spec.colors = [...colors];
        return builder;
      },
      // Options travel to Google Charts as JSON: a function or undefined would be lost.
      setOption: (name: string, value: unknown) => {
        if (typeof name !== 'string' || value === undefined || JSON.stringify(value) === undefined)
          throw new Error(`Invalid argument: option ${String(name)}`);
        spec.options![name] = JSON.parse(JSON.stringify(value));
        return builder;
      },
      setTitle: (t: string) => {
        spec.title = t;
        return builder;
      },
      setPosition: (row: number, col: number) => {
        spec.row = row;
        spec.col = col;
        return builder;
      },
      build: () => {
        if (!spec.type || !spec.range) throw new Error('Chart needs a type and a range.');
        return spec as FakeChart;
      },
    };
    const setStacked = () => {
      spec.stacked = true;
      return { ...builder, setStacked };
    };
    return builder;
  }

  /** Test helpers (not counted): values as getValues would give them, over the used area. */
  values(): Value[][] {
    const rows = this.lastRow();
    const cols = this.lastCol();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.cellAt(r + 1, c + 1)?.value ?? ''),
    );
  }
  /** Replaces what the tab holds as a person pasting a table would (formats stay), without counting. */
  retype(rows: readonly (readonly unknown[])[]) {
    for (const line of this.rows)
      for (const c of line ?? [])
        if (c) {
          c.value = '';
          c.formula = undefined;
          c.display = undefined;
        }
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) this.type(r + 1, c + 1, v);
      }),
    );
  }
  /** Types like a person would, without counting: strings parsed as Sheets does. */
  type(row: number, col: number, v: unknown) {
    if (row > this.maxRows) this.maxRows = row;
    if (col > this.maxCols) this.maxCols = col;
    const c = this.cellAt(row, col, true)!;
    const t = typed(v, this.app.timeZone);
    c.value = t.value;
    c.formula = t.formula;
    c.display = t.display;
  }
}

/** Cells, size, frozen rows and widths of one tab onto another (not its protections or charts). */
function copySheet(from: FakeSheet, to: FakeSheet) {
  to.rows = from.rows.map((line) => (line ? line.map((c) => (c ? { ...c } : c)) : line));
  to.maxRows = from.maxRows;
  to.maxCols = from.maxCols;
  to.frozenRows = from.frozenRows;
  to.columnWidths = { ...from.columnWidths };
}

export class FakeApp {
  readonly sheets: FakeSheet[] = [];
  readonly alerts: Array<{ title: string; message: string }> = [];
  /** Sidebars shown with Ui.showSidebar: their title and HTML. */
  readonly sidebars: Array<{ title: string; html: string }> = [];
  /** The cell the user sees selected (Range.activate). */
  active: { sheet: string; row: number; col: number } | undefined;
  /** Dialogs shown with Ui.showModalDialog: their title and HTML. */
  readonly dialogs: Array<{ title: string; html: string; width?: number; height?: number }> = [];
  readonly toasts: string[] = [];
  readonly menus: Array<{ title: string; items: Array<[string, string]> }> = [];
  owner = 'owner@city.example.lg.jp';
  /** Who runs the script now: the example's 管理者 unless a test says otherwise. */
  user = 'danjo@city.kiyose.example.lg.jp';
  /** Who may edit the spreadsheet (its sharing), and whether everyone in the domain may. */
  sharedWith = [this.owner, this.user, 'other-department@city.example.lg.jp'];
  domainShared = true;
  /** A group in sharedWith through which alone the runner may edit (removing it throws). */
  runnerGroup: string | undefined;
  /** Owned in a Google Workspace domain (setDomainEdit throws otherwise). */
  workspace = true;
  /** The spreadsheet's time zone (File > Settings); the process's own when unset. */
  timeZone: string | undefined;
  /** What the manifest grants (appsscript.json): Session needs userinfo.email. */
  scopes: string[] = manifestScopes();
  counts: Record<string, number> = {};
  bySheet: Record<string, number> = {};
  cellsRead = 0;
  cellsWritten = 0;
  lockHeldBy: string | undefined;
  /** Set by a test to throw after the nth write (simulates a run cut off half-way). */
  failAfterWrites: number | undefined;
  /** Set by a test to throw at the nth call that changes anything (a tab, a format, a protection). */
  failAfterChanges: number | undefined;
  /** Calls that changed something, counted while failAfterChanges is set. */
  changes = 0;
  /** Called after every setValues (a test runs a second person's action here). */
  onWrite: (() => void) | undefined;
  /** How long each tryLock said it would wait, in ms. */
  readonly lockWaits: number[] = [];
  /** setValues calls so far (for interruption tests). */
  get writesDone(): number {
    return this.writes;
  }
  private writes = 0;
  nextId = 1000;

  constructor(tabs: Record<string, unknown[][]> = {}, options: { timeZone?: string } = {}) {
    this.timeZone = options.timeZone;
    for (const [name, rows] of Object.entries(tabs)) {
      const s = this.addSheet(name);
      rows.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== '' && v !== null && v !== undefined) s.type(r + 1, c + 1, v);
        }),
      );
    }
  }

  /** Throws as Apps Script does where the running user may not edit these cells (or, without a range, the tab). */
  mustEdit(sheet: FakeSheet, area?: { row: number; col: number; numRows: number; numCols: number }) {
    if (this.user === this.owner) return;
    for (const p of sheet.protections) {
      if (p.warningOnly || p.domainEdit || this.among(p.editors)) continue;
      const inside = (r: { row: number; col: number; numRows: number; numCols: number }) =>
        !!area &&
        area.row >= r.row &&
        area.col >= r.col &&
        area.row + area.numRows <= r.row + r.numRows &&
        area.col + area.numCols <= r.col + r.numCols;
      const overlaps = (r: { row: number; col: number; numRows: number; numCols: number }) =>
        !area ||
        (area.row < r.row + r.numRows &&
          r.row < area.row + area.numRows &&
          area.col < r.col + r.numCols &&
          r.col < area.col + area.numCols);
      if (p.type === 'SHEET' ? !p.unprotected.some(inside) : overlaps(p.range!)) throw new Error(PROTECTED);
    }
  }

  /** Whether the running user is in a list of editors, by name or through the group they edit by. */
  among(editors: readonly string[]): boolean {
    return editors.includes(this.user) || (this.runnerGroup !== undefined && editors.includes(this.runnerGroup));
  }

  /** Sheet names are unique whatever their case (ABC and abc collide). */
  mustBeNewName(name: string, self?: FakeSheet) {
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  addSheet(name: string, id = this.nextId++): FakeSheet {
    const s = new FakeSheet(this, name, id);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * A virtual clock: each read, write or look-up advances it by `paceMs`, so that an action's own
   * time budget sees Apps Script's pace on a slow day (0.1–0.5 s a call) without waiting for it.
   */
  paceMs = 0;
  clockMs = 0;

  count(method: string, sheet?: string) {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
    if (READS.has(method) || WRITES.has(method) || LOOKUPS.has(method)) this.clockMs += this.paceMs;
    if (WRITES.has(method) && this.failAfterChanges !== undefined && ++this.changes >= this.failAfterChanges) {
      this.failAfterChanges = undefined;
      throw new Error('Exception: 実行が中断されました（テスト）');
    }
    if (sheet && (READS.has(method) || WRITES.has(method))) this.bySheet[sheet] = (this.bySheet[sheet] ?? 0) + 1;
  }

  afterWrite(_sheet: string) {
    this.writes++;
    const hook = this.onWrite;
    this.onWrite = undefined;
    hook?.();
    if (this.failAfterWrites !== undefined && this.writes >= this.failAfterWrites) {
      this.failAfterWrites = undefined;
      throw new Error('Exception: 実行が中断されました（テスト）');
    }
  }

  /** A deep copy of every tab's cells and settings, for measuring one action on the same state again. */
  clone(): FakeApp {
    const copy = new FakeApp();
    Object.assign(copy, {
      owner: this.owner,
      user: this.user,
      sharedWith: [...this.sharedWith],
      domainShared: this.domainShared,
      workspace: this.workspace,
      runnerGroup: this.runnerGroup,
      timeZone: this.timeZone,
      scopes: [...this.scopes],
    });
    copy.nextId = this.nextId;
    for (const s of this.sheets) {
      const t = copy.addSheet(s.name, s.id); // a copy of the same spreadsheet: the same sheet IDs
      copySheet(s, t);
      t.protections = s.protections.map((p) => {
        const q = new FakeProtection(copy, t, p.type, p.range);
        Object.assign(q, {
          description: p.description,
          warningOnly: p.warningOnly,
          editors: [...p.editors],
          domainEdit: p.domainEdit,
          unprotected: [...p.unprotected],
        });
        return q;
      });
    }
    return copy;
  }

  /** The time these calls would take in Apps Script, at 0.1 s per read, write or look-up. */
  projectedMs(): number {
    const c = this.callCounts();
    return (c.read + c.write + c.lookup) * 100;
  }

  resetCounts() {
    this.counts = {};
    this.bySheet = {};
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }

  callCounts(): CallCounts {
    let read = 0;
    let write = 0;
    let lookup = 0;
    let other = 0;
    for (const [m, n] of Object.entries(this.counts)) {
      if (READS.has(m)) read += n;
      else if (WRITES.has(m)) write += n;
      else if (LOOKUPS.has(m)) lookup += n;
      else other += n;
    }
    return {
      read,
      write,
      lookup,
      other,
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
      byMethod: { ...this.counts },
      bySheet: { ...this.bySheet },
    };
  }

  /** The globals Apps Script gives a bound script. */
  globals(): Record<string, unknown> {
    const app: FakeApp = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the closures below are Apps Script objects, not methods
    const spreadsheet = {
      getSheetByName: (n: string) => {
        app.count('getSheetByName');
        return app.sheet(n) ?? null;
      },
      getSheets: () => {
        app.count('getSheets');
        return [...app.sheets];
      },
      getNumSheets: () => {
        app.count('getNumSheets');
        return app.sheets.length;
      },
      getProtections: (type: 'SHEET' | 'RANGE') => {
        app.count('getProtections');
        return app.sheets.flatMap((s) => s.protections.filter((p) => p.type === type));
      },
      insertSheet: (n: string, index?: number, options?: { template?: FakeSheet }) => {
        app.mustBeNewName(n);
        const template = options?.template;
        if (template && !app.sheets.includes(template))
          throw new Error('Exception: The template sheet must belong to this spreadsheet.');
        const s = app.addSheet(n);
        // A template gives its cells (values, formats, dropdowns), size, frozen rows and widths;
        // its protections stay with it.
        if (template) copySheet(template, s);
        if (index !== undefined) {
          app.sheets.pop();
          app.sheets.splice(index, 0, s);
        }
        app.count('insertSheet', n); // counted once done: a run cut off here leaves the new tab
        return s;
      },
      deleteSheet: (s: FakeSheet) => {
        if (!app.sheets.includes(s)) throw new Error('Exception: The sheet does not exist.');
        if (app.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
        app.mustEdit(s);
        app.sheets.splice(app.sheets.indexOf(s), 1);
        app.count('deleteSheet', s.name);
      },
      toast: (m: string) => {
        app.count('toast');
        app.toasts.push(m);
      },
      // The file's owner; none (null) for a file on a shared drive.
      getOwner: () => {
        app.count('getOwner');
        return app.owner ? new FakeUser(app.owner) : null;
      },
      getId: () => 'fake-spreadsheet',
      getUrl: () => 'https://docs.google.com/spreadsheets/d/fake-spreadsheet/edit',
      getSpreadsheetTimeZone: () => {
        app.count('getSpreadsheetTimeZone');
        return app.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      },
    };
    const validationBuilder = () => {
      const rule: FakeValidation = { kind: 'list', allowInvalid: true, helpText: '' };
      const b = {
        requireValueInList: (values: string[]) => {
          rule.kind = 'list';
          rule.values = [...values];
          return b;
        },
        requireFormulaSatisfied: (f: string) => {
          rule.kind = 'formula';
          rule.formula = f;
          return b;
        },
        setAllowInvalid: (a: boolean) => {
          rule.allowInvalid = a;
          return b;
        },
        setHelpText: (t: string) => {
          rule.helpText = t;
          return b;
        },
        build: () => ({ ...rule }),
      };
      return b;
    };
    const ui = {
      ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL' },
      Button: { OK: 'OK' },
      alert: (title: string, message?: string) => {
        app.alerts.push({ title, message: message ?? '' });
        return 'OK';
      },
      showModalDialog: (output: FakeHtmlOutput, title: string) => {
        // Apps Script takes only an HtmlOutput (HtmlService) here, never a string.
        if (!(output instanceof FakeHtmlOutput)) throw new Error('Exception: Invalid argument: userInterface');
        app.dialogs.push({ title, html: output.html, width: output.width, height: output.height });
      },
      showSidebar: (output: FakeHtmlOutput) => {
        if (!(output instanceof FakeHtmlOutput)) throw new Error('Exception: Invalid argument: userInterface');
        app.sidebars.push({ title: output.title ?? '', html: output.html });
      },
      createMenu: (title: string) => {
        const menu = { title, items: [] as Array<[string, string]> };
        const m = {
          addItem: (label: string, fn: string) => {
            menu.items.push([label, fn]);
            return m;
          },
          addSeparator: () => m,
          addToUi: () => {
            app.menus.push(menu);
          },
        };
        return m;
      },
    };
    const lock = {
      tryLock: (ms: number) => {
        app.count('tryLock');
        app.lockWaits.push(ms);
        if (app.lockHeldBy) return false;
        app.lockHeldBy = 'this run';
        return true;
      },
      waitLock: () => {
        if (app.lockHeldBy) throw new Error('Exception: Lock timeout');
        app.lockHeldBy = 'this run';
      },
      releaseLock: () => {
        app.lockHeldBy = undefined;
      },
      hasLock: () => app.lockHeldBy === 'this run',
    };
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => spreadsheet,
        getActive: () => spreadsheet,
        getUi: () => ui,
        newDataValidation: validationBuilder,
        flush: () => app.count('flush'),
        ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' },
      },
      LockService: { getDocumentLock: () => lock },
      HtmlService: { createHtmlOutput: (html: string) => new FakeHtmlOutput(html) },
      Session: {
        getEffectiveUser: () => app.session('getEffectiveUser'),
        getActiveUser: () => app.session('getActiveUser'),
      },
    };
  }

  /** Session's users need the userinfo.email scope; without it Apps Script refuses the call. */
  session(method: string): FakeUser {
    if (!this.scopes.includes(USERINFO_EMAIL))
      throw new Error(
        `Exception: You do not have permission to call Session.${method}. Required permissions: ${USERINFO_EMAIL}`,
      );
    return new FakeUser(this.user);
  }

  /** Installs the globals on globalThis for code that calls them directly (the adapter). */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const entries = Object.entries(this.globals());
    const before = entries.map(([k]) => [k, g[k]] as const);
    for (const [k, v] of entries) g[k] = v;
    return () => {
      for (const [k, v] of before) g[k] = v;
    };
  }
}

/** HtmlService's page for a dialog: its HTML and the size asked for. */
export class FakeHtmlOutput {
  width?: number;
  height?: number;
  title?: string;
  constructor(readonly html: string) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
}
