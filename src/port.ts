import type { Grid, OutGrid } from './domain/cells';

/**
 * What the actions need from a workbook. Two adapters implement it: Apps Script
 * (src/gas/) and .xlsx files (src/cli/). Every method is one batched operation on a tab.
 */
export interface Workbook {
  /** Names of all tabs, in order. */
  sheetNames(): string[];
  /**
   * Every value of a tab in one read ('' for empty cells); undefined when the tab does not exist.
   * - 'values': numbers as numbers, dates as Date (a cell shown as 59.1% gives 0.591);
   * - 'typed': as 'values', but a cell holding a formula gives the formula as text, which is
   *   what the person typed (=IMPORTRANGE(…) in an answer is kept as those characters);
   * - 'shown': every cell as the text it shows (59.1% stays "59.1%").
   */
  read(sheet: string, mode?: ReadMode): Grid | undefined;
  /** Adds an empty tab at the end. */
  createSheet(name: string): void;
  /**
   * Adds a tab at the end, already formatted and protected as `format(name, layout, extent)`
   * would leave it; its content is written next. For many tabs of one layout (the request
   * tabs): the Apps Script adapter copies their formatting from one template tab, so that each
   * costs a few calls instead of one per format. `tallest` is the most rows any tab of this
   * layout will have in this run, so that one template serves them all. Call `close()` when
   * the run ends.
   */
  createFormatted(name: string, layout: Layout, extent: Extent, tallest?: number): void;
  /** Removes a tab (only ever one known to hold nothing). */
  deleteSheet(name: string): void;
  /**
   * Writes one block at (row, col), 1-based, in one call. Strings are stored as text, never run
   * as formulas; links become links to their cell.
   */
  write(sheet: string, row: number, col: number, values: OutGrid): void;
  /**
   * Formatting, validation and protection of a tab, applied as a whole over `extent` (the area
   * its content was written to): a constant number of calls, whatever the number of rows.
   */
  format(sheet: string, layout: Layout, extent: Extent): void;
  /** Ends the run: removes whatever the adapter made for its own use (the template tab). */
  close(): void;
  /** The e-mail of the person running the action, where the workbook knows it (not in a file). */
  runner(): string | undefined;
  /** Each tab's ID by its name: a tab keeps its ID when renamed or moved, a copy gets a new one. */
  sheetIds(): ReadonlyMap<string, string>;
  /**
   * Lets only the 管理者 and the owner edit the tabs the tool keeps (inputs and results); does
   * nothing to a tab already so protected. With no 管理者 listed, the runner is one.
   */
  protectForAdmins(sheets: readonly string[], admins: readonly string[]): void;
  /** Whether a request tab still holds the protections `spec` gives it (none removed or loosened by hand). */
  protectionIntact(sheet: string, spec: Protection): boolean;
  /**
   * Whether a tab was protected by the tool: its protection lets edit no one but the 管理者,
   * the runner and the owner. Someone who only edits the spreadsheet cannot make such a tab
   * (Apps Script never removes the person who makes a protection from it).
   */
  madeByTool(sheet: string, admins: readonly string[]): boolean;
}

export type ReadMode = 'values' | 'typed' | 'shown';

/** A rectangle of cells, 1-based. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

export type ValidationRule =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'wholeNumber'; readonly min: number };

export interface Extent {
  readonly rows: number;
  readonly cols: number;
}

export interface Layout {
  readonly frozenRows?: number;
  /** Widths in pixels from column 1. */
  readonly columnWidths?: readonly number[];
  /** Rows set in bold with a light fill (header rows, headings). */
  readonly headerRows?: readonly number[];
  /** Cells with a pale yellow fill: where people type. */
  readonly inputArea?: Rect;
  /**
   * Wrap text over the whole extent (true) or in these areas only, so that headings stay on
   * one line. A file's adapter makes wrapped rows tall enough to show every line.
   */
  readonly wrap?: true | readonly Rect[];
  /** Areas centred across: counts and grades stand under the middle of their headings. */
  readonly center?: readonly Rect[];
  /** Replace every data validation of the extent with these. */
  readonly validations?: ReadonlyArray<{ readonly range: Rect; readonly rule: ValidationRule; readonly help: string }>;
  readonly notes?: ReadonlyArray<{ readonly row: number; readonly col: number; readonly text: string }>;
  readonly protection?: Protection;
  readonly charts?: readonly ChartSpec[];
  /**
   * Print setup: A4 in this orientation, fitted to the page width (Apps Script cannot set it;
   * a file's adapter does).
   */
  readonly print?: 'portrait' | 'landscape';
}

/**
 * Who may edit a tab: only the spreadsheet's owner, the 管理者 and the person running the tool,
 * except the `editable` area, which `editors` may edit too. With `warningOnly` (no editor could be named),
 * the tab only warns before an edit.
 */
export interface Protection {
  /** Shown in Sheets' list of protections; each costs a call, so many tabs go without. */
  readonly description?: string;
  /** The department's editors: they may edit the `editable` area. */
  readonly editors: readonly string[];
  /** 設定 管理者: they may edit the whole tab (none listed: the runner). */
  readonly admins: readonly string[];
  readonly warningOnly: boolean;
  readonly editable?: Rect;
  /**
   * The tab already has this protection with these editors (set by an earlier run): only the
   * editable area may have moved. An adapter may then move it instead of setting all anew.
   */
  readonly sameEditors?: boolean;
}

export interface ChartSpec {
  readonly title: string;
  /** The data: first column the categories, first row the series names. */
  readonly data: Rect;
  /** Where the chart's top-left corner stands. */
  readonly anchor: { readonly row: number; readonly col: number };
}

/** The document lock, so that two people never write at once. */
export interface Lock {
  /** Waits up to `ms`; false when someone else still holds the lock. */
  tryLock(ms: number): boolean;
  release(): void;
}
