import ExcelJS from 'exceljs';
import { type Cell, type Grid, type OutCell, type OutGrid, a1, isDate, isLink } from '../domain/core/cells';
import { areaGrid, styleGrid, validationGrid } from '../domain/core/layoutGrids';
import type { ChartSpec, Extent, Layout, Protection, Rect, ValidationRule } from '../domain/core/layout';
import type { ReadMode, Workbook } from '../port';
import { renderChart } from './chartPicture';
import { readBookBytes, unkeptParts, unreadableBook, writeAtomically } from './files';
import * as M from './cliMessages';
import { tabGone } from '../domain/core/tableMessages';

/** A gap this wide between a value and the rest of the tab makes it a stray value, left unread. */
const FAR_ROWS = 1000;
const FAR_COLS = 100;

/** The last position before the first gap wider than `gap` (0 with none). */
function reach(positions: number[], gap: number): number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let last = 0;
  for (const p of sorted) {
    if (p - last > gap) break;
    last = p;
  }
  return last;
}

const A4 = 9;
/** Height of a line of 11-point text, in points; a wide (CJK) character is about 13.5 px wide, a narrow one 7.5. */
const LINE_POINTS = 15;

/** Lines a text takes in a column `width` pixels wide, wrapped at its width and at its line breaks. */
export function linesOf(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let px = 0;
    for (const ch of paragraph) px += /[ -\u00ff\uff61-\uff9f]/.test(ch) ? 7.5 : 13.5;
    lines += Math.max(1, Math.ceil(px / Math.max(width, 20)));
  }
  return lines;
}

/** Sheets measures columns in pixels, Excel in characters of about 7 pixels. */
const PIXELS_PER_CHAR = 7;

/** Excel keeps at most this many characters in a cell (Sheets keeps 50,000). */
const EXCEL_CELL_LIMIT = 32_767;

/** A value an .xlsx file cannot hold; the command stops before saving anything. */
export class ExcelLimitError extends Error {}

/**
 * The port over an .xlsx file, for offices on the separated network (LGWAN) and for trying the
 * product without a Google account. Same actions, same domain: only this file knows exceljs.
 * Charts are not written (exceljs cannot); everything else the layout asks for is.
 */
export class XlsxWorkbook implements Workbook {
  private readonly pending: Array<Promise<void>> = [];
  /** Charts to draw as pictures at save time, by tab: a rebuild replaces the tab's charts. */
  private readonly charts = new Map<string, readonly ChartSpec[]>();

  constructor(
    readonly book: ExcelJS.Workbook = new ExcelJS.Workbook(),
    /** What the file holds that saving would drop (an office's own charts …), said before it is lost. */
    readonly unkept: readonly string[] = [],
  ) {}

  /** Opens a book; a file that is no .xlsx (or a damaged one) is a CliError that says what it is. */
  static async open(path: string): Promise<XlsxWorkbook> {
    const bytes = readBookBytes(path);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw unreadableBook(path, e);
    }
    return new XlsxWorkbook(book, unkeptParts(bytes));
  }

  /** Saves without ever leaving a half-written book (see writeAtomically). */
  async save(path: string): Promise<void> {
    for (const [name, charts] of this.charts) {
      const ws = this.book.getWorksheet(name);
      if (ws) for (const chart of charts) this.pending.push(this.chartPicture(ws, chart));
    }
    this.charts.clear();
    await Promise.all(this.pending);
    for (const ws of this.book.worksheets) {
      this.fitRowHeights(ws);
      // A4 for every tab: exceljs leaves the paper to the printer's locale (Letter outside Japan).
      ws.pageSetup.paperSize = A4;
    }
    writeAtomically(path, new Uint8Array(await this.book.xlsx.writeBuffer()));
  }

  /** Things worth telling about what was read (values far from the table, left unread), one per tab. */
  readonly notices = new Map<string, string>();

  /** Whether anything was changed: a command that changed nothing leaves the file as it is. */
  changed = false;

  sheetNames(): string[] {
    return this.book.worksheets.map((w) => w.name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new Error(tabGone(name));
    return ws;
  }

  /**
   * Reads only the cells that hold something: a value typed by mistake at XFD1048576 costs what
   * one cell costs. Values far below or right of the rest (a gap of FAR_ROWS rows or FAR_COLS
   * columns) are left unread and noted.
   */
  /** A file is read whole (`within` saves calls to a service, and a file has none). */
  read(name: string, mode: ReadMode = 'values', _within?: Extent): Grid | undefined {
    const ws = this.book.getWorksheet(name);
    if (!ws) return undefined;
    const cells: Array<{ r: number; c: number; v: Cell }> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = fromExcel(cell, mode);
        if (v !== '') cells.push({ r, c, v });
      });
    });
    const lastRow = reach(
      cells.map((x) => x.r),
      FAR_ROWS,
    );
    const lastCol = reach(
      cells.map((x) => x.c),
      FAR_COLS,
    );
    const far = cells.filter((x) => x.r > lastRow || x.c > lastCol);
    if (far.length) {
      this.notices.set(name, M.farValues(name, a1(far[0].r, far[0].c), far.length));
    }
    if (lastRow === 0) return [['']];
    const out: Grid = Array.from({ length: lastRow }, () => Array<Cell>(lastCol).fill(''));
    for (const x of cells) if (x.r <= lastRow && x.c <= lastCol) out[x.r - 1][x.c - 1] = x.v;
    return out;
  }

  createSheet(name: string): void {
    this.changed = true;
    this.book.addWorksheet(name);
  }

  /** A file has no call costs: the tab is made and formatted as it is. */
  createFormatted(name: string, layout: Layout, extent: Extent, _tallest?: number): void {
    this.createSheet(name);
    this.format(name, layout, extent);
  }

  deleteSheet(name: string): void {
    this.changed = true;
    this.book.removeWorksheet(this.sheet(name).id);
  }

  /** Nothing of the adapter's own is left in a file; saving is save()'s work. */
  close(): void {}

  /** A file has no signed-in user: whoever holds it runs the command. */
  runner(): string | undefined {
    return undefined;
  }

  /** A file has no address to link to: the command line names the tab and the file instead. */
  tabLink(): undefined {
    return undefined;
  }

  sheetIds(): ReadonlyMap<string, string> {
    return new Map(this.book.worksheets.map((w) => [w.name, String(w.id)]));
  }

  /** Excel has no per-person editors: the book's own tabs stay open to whoever holds the file. */
  protectForAdmins(_sheets: readonly string[], _admins: readonly string[]): readonly string[] {
    return [];
  }

  /** Nobody but whoever holds the file: nothing is locked for them. */
  lockedFor(_sheet: string): readonly string[] {
    return [];
  }

  intactProtections(tabs: ReadonlyArray<{ readonly sheet: string; readonly spec: Protection }>): ReadonlySet<string> {
    return new Set(tabs.filter((t) => locked(this.sheet(t.sheet)) === !t.spec.warningOnly).map((t) => t.sheet));
  }

  sealedTabs(sheets: readonly string[]): ReadonlySet<string> {
    return new Set(sheets.filter((s) => this.book.getWorksheet(s) && locked(this.sheet(s))));
  }

  /** Excel names no editors: a locked tab is as the tool left it. */
  editorsAsSet(_sheet: string, _spec: Protection): boolean {
    return true;
  }

  /** A file has no owner: whoever runs the command line may run every action. */
  owner(): string | undefined {
    return undefined;
  }

  write(name: string, row: number, col: number, values: OutGrid): void {
    this.changed = true;
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const text = typeof v === 'string' ? v : isLink(v) ? v.text : '';
        if (text.length > EXCEL_CELL_LIMIT)
          throw new ExcelLimitError(M.cellOverExcel(name, a1(row + r, col + c), text.length));
      }),
    );
    const ws = this.sheet(name);
    values.forEach((line, r) => {
      const xrow = ws.getRow(row + r);
      line.forEach((v, c) => {
        const cell = xrow.getCell(col + c);
        // Cells read from a file share style objects: a date format set on one would turn its
        // neighbours' numbers into dates. A cell whose number format changes gets its own style.
        const numFmt = isDate(v) ? DATE_FORMAT : undefined;
        if (cell.numFmt !== numFmt && (numFmt || isDateFormat(cell.numFmt))) cell.style = { ...cell.style, numFmt };
        cell.value = this.toExcel(v);
      });
    });
  }

  private toExcel(v: OutCell): ExcelJS.CellValue {
    if (isLink(v)) return { text: v.text, hyperlink: `#'${v.sheet.replace(/'/g, "''")}'!${a1(v.row, v.col)}` };
    if (v === '') return null;
    // A file holds dates without a time zone; exceljs reads and writes them as UTC. The domain's
    // dates are local (a deadline is that day where the office is), so the wall clock is kept.
    if (isDate(v))
      return new Date(
        Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds()),
      );
    return v;
  }

  /** The layout onto a tab: its look, its dropdowns, its protection, its print set-up and its charts. */
  format(name: string, layout: Layout, extent: Extent): void {
    this.changed = true;
    const ws = this.sheet(name);
    if (layout.frozenRows !== undefined) ws.views = [{ state: 'frozen', ySplit: layout.frozenRows }];
    layout.columnWidths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.round(w / PIXELS_PER_CHAR);
    });
    styleCells(ws, layout, extent);
    for (const n of layout.notes ?? []) ws.getCell(n.row, n.col).note = n.text;
    if (layout.validations?.length) this.addDropdowns(name, ws, layout.validations, extent);
    const p = layout.protection;
    if (p && !p.warningOnly) {
      // Excel has no per-person editors: the editable area is unlocked, the rest locked.
      for (const area of p.editable ?? [])
        eachCell(ws, area, (c) => {
          c.protection = { locked: false };
        });
      this.pending.push(
        ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true }),
      );
    }
    if (layout.print) setUpPrint(ws, layout.print, layout);
    // exceljs writes no charts: each becomes a picture of the same data, drawn by vega-lite. The
    // charts replace the tab's pictures (a rebuilt summary must not keep last year's beneath).
    if (layout.charts) {
      // exceljs has no call to remove a picture: its list of media is filtered instead.
      const media = ws as unknown as { _media: Array<{ type: string }> };
      media._media = media._media.filter((m) => m.type !== 'image');
      this.charts.set(name, layout.charts);
    }
  }

  /** Dropdowns Excel accepts; a list over Excel's limit is left out and said once. */
  private addDropdowns(name: string, ws: ExcelJS.Worksheet, validations: Layout['validations'], extent: Extent) {
    const { area, grid } = validationGrid(validations ?? [], extent);
    const tooLong = new Set<string>();
    eachCell(ws, area, (c, r, k) => {
      const v = grid[r][k];
      const rule = v ? excelRule(v.rule, v.help) : undefined;
      if (rule === 'too long' && v?.rule.kind === 'list') tooLong.add(v.rule.values.join('、'));
      (c as { dataValidation?: ExcelJS.DataValidation }).dataValidation = rule === 'too long' ? undefined : rule;
    });
    for (const list of tooLong)
      this.notices.set(`${name}#list#${list}`, M.listOverExcel(name, list.slice(0, 40), EXCEL_LIST_LIMIT));
  }

  private async chartPicture(ws: ExcelJS.Worksheet, chart: ChartSpec): Promise<void> {
    const d = chart.data;
    const data = Array.from({ length: d.numRows }, (_, r) =>
      Array.from({ length: d.numCols }, (_, c) => fromExcel(ws.getCell(d.row + r, d.col + c), 'values')),
    );
    const picture = await renderChart(chart, data);
    if (!picture) {
      this.notices.set(`${ws.name}#chart`, M.noChartRenderer(ws.name));
      return;
    }
    const id = this.book.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, {
      tl: { col: chart.anchor.col - 1, row: chart.anchor.row - 1 },
      ext: { width: picture.width, height: picture.height },
    });
  }

  /**
   * Neither exceljs nor LibreOffice grows a row to its wrapped text: each row with wrapped cells
   * gets the height of its tallest cell, from its text and its column's width.
   */
  private fitRowHeights(ws: ExcelJS.Worksheet): void {
    ws.eachRow({ includeEmpty: false }, (row) => {
      let lines = 1;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (!cell.alignment?.wrapText) return;
        const text = String(fromExcel(cell, 'shown'));
        const width = (ws.getColumn(c).width ?? 9) * PIXELS_PER_CHAR - 6;
        lines = Math.max(lines, linesOf(text, width));
      });
      row.height = lines > 1 ? lines * LINE_POINTS + 4 : undefined!;
    });
  }
}

/** Calls `fn` for every cell of an area, with its row and column inside the area. */
function eachCell(ws: ExcelJS.Worksheet, r: Rect, fn: (cell: ExcelJS.Cell, row: number, col: number) => void) {
  for (let i = 0; i < r.numRows; i++) for (let j = 0; j < r.numCols; j++) fn(ws.getCell(r.row + i, r.col + j), i, j);
}

/** Fills, weights, wrapping and alignment, set over the whole extent: rows a rebuild no longer uses lose theirs. */
function styleCells(ws: ExcelJS.Worksheet, layout: Layout, extent: Extent): void {
  const whole: Rect = { row: 1, col: 1, numRows: extent.rows, numCols: extent.cols };
  if (layout.headerRows || layout.inputAreas) {
    const styles = styleGrid(layout, extent);
    eachCell(ws, whole, (c, r, k) => {
      const fill = styles.backgrounds[r][k];
      c.fill = fill
        ? { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1).toUpperCase()}` } }
        : { type: 'pattern', pattern: 'none' };
      c.font = { bold: styles.weights[r][k] === 'bold' };
    });
  }
  if (layout.wrap || layout.center) {
    const wrapped = layout.wrap === true ? undefined : areaGrid(layout.wrap ?? [], extent);
    const centred = areaGrid(layout.center ?? [], extent);
    eachCell(ws, whole, (c, r, k) => {
      c.alignment = {
        vertical: 'top',
        wrapText: wrapped ? wrapped[r][k] : true,
        horizontal: centred[r][k] ? 'center' : undefined,
      };
    });
  }
}

/** A4 in the layout's orientation, fitted to the width; the frozen header row printed on every page. */
function setUpPrint(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', layout: Layout): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  };
  ws.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  const header = layout.frozenRows;
  if (header && layout.headerRows?.includes(header)) ws.pageSetup.printTitlesRow = `${header}:${header}`;
}

function locked(ws: ExcelJS.Worksheet): boolean {
  return (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
}

/** Excel refuses (and "repairs" away) a list rule whose text is longer than this. */
const EXCEL_LIST_LIMIT = 255;

function excelRule(rule: ValidationRule, help: string): ExcelJS.DataValidation | 'too long' {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: '入力できない値です', error: help };
  if (rule.kind !== 'list') return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [rule.min], ...common };
  // Inside Excel's quoted list a " is written twice; the limit counts the list as written.
  const list = rule.values.map((v) => v.replace(/"/g, '""')).join(',');
  return list.length > EXCEL_LIST_LIMIT ? 'too long' : { type: 'list', formulae: [`"${list}"`], ...common };
}

function fromExcel(cell: ExcelJS.Cell, mode: ReadMode): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return mode === 'shown' ? shownNumber(v, cell.numFmt) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return mode === 'shown' ? String(v) : v;
  if (isDate(v))
    return mode === 'shown' ? `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}` : localDate(v);
  if ('formula' in v || 'sharedFormula' in v) {
    if (mode === 'typed') return `=${(v as ExcelJS.CellFormulaValue).formula ?? ''}`;
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && 'error' in result) return result.error;
    return isDate(result) ? localDate(result) : result;
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return String(v.text);
  if ('error' in v) return v.error;
  return String(v);
}

const DATE_FORMAT = 'yyyy/m/d h:mm';

function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /[ymd]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** exceljs gives a file's dates as UTC instants of their wall clock: the same wall clock, local. */
function localDate(d: Date): Date {
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/** A number as Excel shows it, for the formats that matter here (percentages). */
function shownNumber(v: number, numFmt: string | undefined): string {
  if (numFmt && numFmt.includes('%')) {
    const decimals = (/0\.(0+)%/.exec(numFmt)?.[1] ?? '').length;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  return String(v);
}
