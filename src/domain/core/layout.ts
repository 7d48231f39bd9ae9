/**
 * How a tab looks, prints and who may edit it, as plain values: the domain says what a tab
 * should be; each adapter (Apps Script, .xlsx) makes it so in a constant number of calls.
 */

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
  readonly inputAreas?: readonly Rect[];
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
 * except the `editable` areas, which `editors` may edit too. With `warningOnly` (no editor could be named),
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
  readonly editable?: readonly Rect[];
  /**
   * The tab already has this protection with these editors (set by an earlier run): only the
   * editable area may have moved. An adapter may then move it instead of setting all anew.
   */
  readonly sameEditors?: boolean;
}

export interface ChartSpec {
  /** Grades stacked per row, or values over the years as lines (a KPI's measured values and its path). */
  readonly kind: 'stackedBar' | 'line';
  readonly title: string;
  /** The data: first column the categories, first row the series names. */
  readonly data: Rect;
  /** Where the chart's top-left corner stands. */
  readonly anchor: { readonly row: number; readonly col: number };
  /** One CSS colour per series, in the data's column order. */
  readonly colors: readonly string[];
  /** Pixels; the adapter's default where absent. */
  readonly size?: { readonly width: number; readonly height: number };
}

/** A KPI's measured values (blue, as the grades' best) and its path to the target (grey, dashed where drawn by us). */
export const KPI_VALUE_COLOR = '#2166ac';
export const KPI_PATH_COLOR = '#555555';

/** Blue for the best grade to red for the worst: the order reads without the legend. */
const GOOD_TO_BAD = ['#2166ac', '#4393c3', '#92c5de', '#f4a582', '#d6604d', '#b2182b'];
/** No answer is no grade: grey, apart from the scale. */
export const NO_ANSWER_COLOR = '#bdbdbd';

/** The colours of a grade chart's series: the scale's grades, then 未回答 in grey. */
export function gradeSeriesColors(count: number): string[] {
  return [...gradeColors(count), NO_ANSWER_COLOR];
}

/** Colours for a scale of `count` grades, best first, spread over blue → red. */
export function gradeColors(count: number): string[] {
  const last = GOOD_TO_BAD.length - 1;
  return Array.from({ length: count }, (_, i) => GOOD_TO_BAD[count < 2 ? 0 : Math.round((i * last) / (count - 1))]);
}
