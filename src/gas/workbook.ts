import { type Grid, type OutCell, type OutGrid, a1, isLink } from '../domain/cells';
import type { Layout, Lock, ReadMode, Rect, ValidationRule, Workbook } from '../port';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_FILL = '#e8eaed';
const INPUT_FILL = '#fff8e1';

/** The only code that touches SpreadsheetApp: the port over the spreadsheet the script is bound to. */
export class GasWorkbook implements Workbook {
  private readonly handles = new Map<string, Sheet | null>();

  constructor(private readonly ss: Spreadsheet) {}

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  private sheet(name: string): Sheet | null {
    if (!this.handles.has(name)) this.handles.set(name, this.ss.getSheetByName(name));
    return this.handles.get(name)!;
  }

  private must(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`シート「${name}」がありません。`);
    return s;
  }

  read(name: string, mode: ReadMode = 'values') {
    const s = this.sheet(name);
    if (!s) return undefined;
    const range = s.getDataRange();
    if (mode === 'shown') return range.getDisplayValues() as Grid;
    const values = range.getValues() as Grid;
    if (mode === 'typed') {
      range.getFormulas().forEach((line, r) => line.forEach((f, c) => {
        if (f !== '') values[r][c] = f;
      }));
    }
    return values;
  }

  createSheet(name: string): void {
    this.handles.set(name, this.ss.insertSheet(name, this.ss.getNumSheets()));
  }

  write(name: string, row: number, col: number, values: OutGrid): void {
    if (values.length === 0 || values[0].length === 0) return;
    const s = this.must(name);
    // Sheets refuse a range past their size: grow the tab first (new tabs have 1000 rows, 26 columns).
    const lastRow = row + values.length - 1;
    const lastCol = col + values[0].length - 1;
    const maxRows = s.getMaxRows();
    if (lastRow > maxRows) s.insertRowsAfter(maxRows, lastRow - maxRows);
    const maxCols = s.getMaxColumns();
    if (lastCol > maxCols) s.insertColumnsAfter(maxCols, lastCol - maxCols);
    s.getRange(row, col, values.length, values[0].length).setValues(values.map((r) => r.map((v) => this.toSheet(v))));
  }

  /** A leading apostrophe keeps any string as text: '=IMPORTRANGE(…)' typed as an answer stays text. */
  private toSheet(v: OutCell): unknown {
    if (isLink(v)) {
      const target = this.sheet(v.sheet);
      const text = v.text.replace(/"/g, '""');
      return target ? `=HYPERLINK("#gid=${target.getSheetId()}&range=${a1(v.row, v.col)}","${text}")` : `'${v.text}`;
    }
    return typeof v === 'string' && v !== '' ? `'${v}` : v;
  }

  format(name: string, layout: Layout): void {
    const s = this.must(name);
    const range = (r: Rect) => s.getRange(r.row, r.col, r.numRows, r.numCols);
    if (layout.frozenRows !== undefined) s.setFrozenRows(layout.frozenRows);
    layout.columnWidths?.forEach((w, i) => s.setColumnWidth(i + 1, w));
    const width = Math.max(s.getLastColumn(), 1);
    for (const r of layout.headerRows ?? []) s.getRange(r, 1, 1, width).setFontWeight('bold').setBackground(HEADER_FILL);
    if (layout.inputArea) range(layout.inputArea).setBackground(INPUT_FILL);
    if (layout.wrap) range(layout.wrap).setWrap(true).setVerticalAlignment('top');
    if (layout.notes?.length) for (const n of layout.notes) s.getRange(n.row, n.col).setNote(n.text);
    if (layout.validations) {
      s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns()).clearDataValidations();
      for (const v of layout.validations) range(v.range).setDataValidation(this.rule(v.rule, v.range, v.help));
    }
    if (layout.protection) {
      for (const p of [...s.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...s.getProtections(SpreadsheetApp.ProtectionType.RANGE)]) p.remove();
      const p = s.protect().setDescription(layout.protection.description);
      if (layout.protection.warningOnly) p.setWarningOnly(true);
      else restrictTo(p, layout.protection.editors);
      for (const r of layout.protection.locked) restrictTo(range(r).protect().setDescription('ツールが記入する欄（編集できません）'), []);
    }
    if (layout.charts) {
      for (const c of s.getCharts()) s.removeChart(c);
      for (const c of layout.charts) {
        const chart = s.newChart().asBarChart().setStacked().setTitle(c.title).addRange(range(c.data)).setPosition(c.anchor.row, c.anchor.col, 0, 0).build();
        s.insertChart(chart);
      }
    }
  }

  private rule(rule: ValidationRule, at: Rect, help: string) {
    const b = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(help);
    if (rule.kind === 'list') return b.requireValueInList([...rule.values], true).build();
    const cell = a1(at.row, at.col);
    return b.requireFormulaSatisfied(`=OR(${cell}="",AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=${rule.min}))`).build();
  }
}

/**
 * Leaves only the given editors (plus the owner and the person running the tool, whom
 * Apps Script never removes) able to edit the protected tab or range.
 */
function restrictTo(p: GoogleAppsScript.Spreadsheet.Protection, editors: readonly string[]) {
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (editors.length) p.addEditors([...editors]);
}

export class GasLock implements Lock {
  private readonly lock = LockService.getDocumentLock();

  tryLock(ms: number): boolean {
    return this.lock.tryLock(ms);
  }

  release(): void {
    SpreadsheetApp.flush();
    this.lock.releaseLock();
  }
}
