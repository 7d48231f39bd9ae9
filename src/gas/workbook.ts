import { type Cell, type Grid, type OutCell, type OutGrid, a1, isDate, isLink } from '../domain/core/cells';
import { fingerprint } from '../domain/requests/requestIndex';
import type { ChartSpec, Extent, Layout, Protection, Rect, ValidationRule } from '../domain/core/layout';
import type { Lock, ReadMode, Workbook } from '../port';
import { type CellRule, areaGrid, styleGrid, validationGrid, widthRuns } from '../domain/core/layoutGrids';
import { tabGone, wholeTab } from '../domain/core/tableMessages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetProtection = GoogleAppsScript.Spreadsheet.Protection;

/** Apps Script's insertSheet gives 1000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;
/**
 * The tab createFormatted copies from lives only during a run (close() removes it). Its name ends
 * in a token of the run, so that nobody can take it in advance: a tab someone made under the
 * plain name never stops a run and is never deleted.
 */
export const TEMPLATE_PREFIX = '（作業用）調査シートのひな形';

interface Template {
  readonly name: string;
  readonly sheet: Sheet;
  readonly key: string;
  /** Rows formatted (the tallest tab it serves), and rows the tab has (what a copy has). */
  readonly formatted: number;
  readonly height: number;
}

/** What every seal of the tool's carries in its description, with the 管理者' fingerprint after it. */
const SEAL_MARK = '男女平等推進プラン #';

/** The only code that touches SpreadsheetApp: the port over the spreadsheet the script is bound to. */
export class GasWorkbook implements Workbook {
  /** Every tab in order, listed by one getSheets() call and kept up to date by this run's changes. */
  private tabs: Sheet[] | undefined;
  private readonly handles = new Map<string, Sheet>();
  /** Tabs this run created (they hold no protections yet). */
  private readonly created = new Set<string>();
  /** A size each tab is known to have at least, so that writing within it needs no size check. */
  private readonly size = new Map<string, Extent>();
  private template: Template | undefined;
  /** Who a new protection lets edit before it is narrowed: the spreadsheet's own sharing. */
  private sharing: { editors: string[]; domain: boolean; runnerFirst: boolean } | undefined;

  constructor(private readonly ss: Spreadsheet) {}

  sheetNames(): string[] {
    return this.all().map((s) => s.getName());
  }

  /** One call lists every tab: a run over 200 tabs looks none up by name. */
  private all(): Sheet[] {
    if (!this.tabs) {
      this.tabs = this.ss.getSheets();
      for (const s of this.tabs) this.handles.set(s.getName(), s);
    }
    return this.tabs;
  }

  private sheet(name: string): Sheet | null {
    this.all();
    return this.handles.get(name) ?? null;
  }

  /** Adds a tab at the end (no call asks how many tabs there are: the list knows). */
  private insert(name: string, template?: Sheet): Sheet {
    const at = this.all().length;
    const s = template ? this.ss.insertSheet(name, at, { template }) : this.ss.insertSheet(name, at);
    this.tabs!.push(s);
    this.handles.set(name, s);
    return s;
  }

  private must(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new Error(tabGone(name));
    return s;
  }

  /**
   * The spreadsheet's protections of each type, listed in one call per type and grouped by tab:
   * a question over 200 tabs costs two calls, not two per tab. Each use lists them anew (they
   * change as the run protects tabs, and by hand between runs).
   */
  private listProtections(): (type: 'SHEET' | 'RANGE', s: Sheet) => SheetProtection[] {
    const lists = new Map<'SHEET' | 'RANGE', Map<number, SheetProtection[]>>();
    return (type, s) => {
      let bySheet = lists.get(type);
      if (!bySheet) {
        bySheet = new Map();
        for (const p of this.ss.getProtections(SpreadsheetApp.ProtectionType[type])) {
          const id = p.getRange().getSheet().getSheetId();
          bySheet.set(id, [...(bySheet.get(id) ?? []), p]);
        }
        lists.set(type, bySheet);
      }
      return bySheet.get(s.getSheetId()) ?? [];
    };
  }

  read(name: string, mode: ReadMode = 'values', within?: Extent) {
    const s = this.sheet(name);
    if (!s) return undefined;
    const range = (within && this.area(s, within)) ?? s.getDataRange();
    const values = (mode === 'shown' ? range.getDisplayValues() : range.getValues()) as Grid;
    this.size.set(name, { rows: values.length, cols: values[0]?.length ?? 0 });
    if (mode === 'shown') return values;
    this.toWallClock(values);
    if (mode === 'typed') {
      range.getFormulas().forEach((line, r) =>
        line.forEach((f, c) => {
          if (f !== '') values[r][c] = f;
        }),
      );
    }
    return values;
  }

  /** The range of a known area; undefined where the tab was made smaller by hand (Sheets refuse it). */
  private area(s: Sheet, within: Extent): GoogleAppsScript.Spreadsheet.Range | undefined {
    try {
      return s.getRange(1, 1, within.rows, within.cols);
    } catch {
      return undefined;
    }
  }

  /**
   * getValues gives a date as an instant; the day a person typed is that instant's date in the
   * spreadsheet's time zone, which may not be the script's. Each date becomes the same wall
   * clock in the script's zone, which is how the domain reads dates.
   */
  private toWallClock(values: Cell[][]): void {
    let parts: Intl.DateTimeFormat | undefined;
    // 回答's 取込日時 repeats one instant per merge over thousands of rows: each is converted once.
    const seen = new Map<number, number>();
    for (const line of values) {
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (!isDate(v)) continue;
        const known = seen.get(v.getTime());
        if (known !== undefined) {
          line[c] = new Date(known);
          continue;
        }
        parts ??= this.zoneParts();
        const p = Object.fromEntries(parts.formatToParts(v).map((x) => [x.type, Number(x.value)]));
        const wall = new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, v.getUTCMilliseconds());
        seen.set(v.getTime(), wall.getTime());
        line[c] = wall;
      }
    }
  }

  private zone: string | undefined;
  private timeZone(): string {
    return (this.zone ??= this.ss.getSpreadsheetTimeZone());
  }

  runner(): string | undefined {
    if (this.user === undefined) this.user = Session.getEffectiveUser().getEmail().toLowerCase();
    return this.user || undefined;
  }
  private user: string | undefined;

  owner(): string | undefined {
    if (this.ownerEmail === undefined) {
      try {
        this.ownerEmail = this.ss.getOwner()?.getEmail().toLowerCase() ?? '';
      } catch {
        this.ownerEmail = '';
      }
    }
    return this.ownerEmail || undefined;
  }
  private ownerEmail: string | undefined;

  tabLink(name: string): string | undefined {
    const s = this.sheet(name);
    return s ? `${this.ss.getUrl()}#gid=${s.getSheetId()}` : undefined;
  }

  sheetIds(): ReadonlyMap<string, string> {
    return new Map(this.all().map((s) => [s.getName(), String(s.getSheetId())]));
  }

  /**
   * Each tab's protection for the 管理者 carries their fingerprint in its description. The
   * spreadsheet's protections are listed in one call, so a run finds which tabs need setting
   * (none, unless the list of 管理者 changed or someone removed a protection) without a read per tab.
   */
  protectForAdmins(names: readonly string[], admins: readonly string[]): readonly string[] {
    const who = fingerprint(admins.length ? admins : [this.runner()]);
    const seal = (name: string) => `「${name}」は管理者のみ編集できます（${SEAL_MARK}${who}）`;
    // The seal names its tab: one list of descriptions tells which tabs need it, before any is changed.
    const sealed = new Set(this.ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).map((p) => p.getDescription()));
    const othersOwn: string[] = [];
    for (const name of names) {
      const s = this.sheet(name);
      if (!s || sealed.has(seal(name))) continue;
      const p = s.protect(); // a protected tab gives back its protection: it is narrowed anew
      // One another editor set for themselves: the runner may not narrow it (the owner may). A
      // seal of the tool's leaving the runner out goes on, to be told who can mend it (main.ts).
      // A tab this run made holds only the protection just made: nothing to ask.
      if (!this.created.has(name) && !p.canEdit() && !p.getDescription().includes(SEAL_MARK)) {
        othersOwn.push(name);
        continue;
      }
      if (p.isWarningOnly()) p.setWarningOnly(false);
      // The tab may have held a protection already (a cut-off run's, or one made by hand): its
      // own editors are asked, not the sharing every new protection starts with.
      this.restrictTo(p, admins, false);
      p.setDescription(seal(name)); // the seal last: a run cut off before it leaves the tab to be narrowed again
    }
    return othersOwn;
  }

  lockedFor(name: string): readonly string[] {
    const s = this.sheet(name);
    if (!s) return [];
    const out: string[] = [];
    for (const type of ['SHEET', 'RANGE'] as const) {
      for (const p of s.getProtections(SpreadsheetApp.ProtectionType[type])) {
        if (p.canEdit()) continue;
        const description = p.getDescription();
        // A 管理者 the tool's own seal leaves out was added later: main.ts tells them who can mend it.
        if (description.includes(SEAL_MARK)) continue;
        const where = type === 'SHEET' ? wholeTab() : p.getRange().getA1Notation();
        out.push(description ? `${where}「${description}」` : where);
      }
    }
    return out;
  }

  intactProtections(tabs: ReadonlyArray<{ readonly sheet: string; readonly spec: Protection }>): ReadonlySet<string> {
    const on = this.listProtections();
    const intact = new Set<string>();
    for (const { sheet, spec } of tabs) {
      const s = this.sheet(sheet);
      if (!s) continue;
      const sheetWide = on('SHEET', s);
      if (sheetWide.length !== 1 || sheetWide[0].isWarningOnly() !== spec.warningOnly) continue;
      if (on('RANGE', s).length === (spec.warningOnly ? 0 : (spec.editable?.length ?? 0))) intact.add(sheet);
    }
    return intact;
  }

  editorsAsSet(sheet: string, spec: Protection): boolean {
    const s = this.sheet(sheet);
    if (!s || spec.warningOnly) return true;
    const on = (this.protectionsNow ??= this.listProtections());
    const exactly = (this.exactly ??= this.editorsAre());
    const ranges = on('RANGE', s);
    return (
      on('SHEET', s).every((p) => exactly(p, spec.admins)) &&
      ranges.every((p) => exactly(p, [...spec.admins, ...spec.editors]))
    );
  }
  private protectionsNow: ReturnType<GasWorkbook['listProtections']> | undefined;
  private exactly: ReturnType<GasWorkbook['editorsAre']> | undefined;

  /**
   * Whether a protection lets edit exactly these people (the owner and the runner, whom Apps
   * Script keeps in every protection they touch, aside). One call a protection; one more where
   * nobody else is listed, since only the domain setting then tells a narrowed one from a new one.
   */
  private editorsAre(): (p: GoogleAppsScript.Spreadsheet.Protection, people: readonly string[]) => boolean {
    const aside = new Set([this.owner(), this.runner()].filter((e): e is string => !!e));
    return (p, people) => {
      const want = new Set(people.map((e) => e.toLowerCase()).filter((e) => !aside.has(e)));
      let have: string[];
      try {
        have = p.getEditors().map((u) => u.getEmail().toLowerCase());
      } catch {
        return false; // the runner may not even read it: set it again (or be told who can)
      }
      const others = new Set(have.filter((e) => !aside.has(e)));
      if (others.size !== want.size || [...want].some((e) => !others.has(e))) return false;
      return want.size > 0 || !p.canDomainEdit();
    };
  }

  sealedTabs(sheets: readonly string[]): ReadonlySet<string> {
    if (sheets.length === 0) return new Set();
    const on = this.listProtections();
    return new Set(
      sheets.filter((name) => {
        const s = this.sheet(name);
        const p = s && on('SHEET', s);
        return !!p && p.length === 1 && !p[0].isWarningOnly();
      }),
    );
  }

  createSheet(name: string): void {
    this.insert(name);
    this.created.add(name);
    this.size.set(name, { rows: NEW_SHEET_ROWS, cols: NEW_SHEET_COLS });
  }

  /**
   * One insertSheet copies the template (widths, frozen rows, fills, wrap, dropdowns); the copy
   * is cut to this tab's height, then protected. The template is made on the first call and
   * again only when the layout (apart from its height) changes or a tab is taller.
   */
  createFormatted(name: string, layout: Layout, extent: Extent, tallest = extent.rows): void {
    const { protection, charts, ...look } = layout;
    const t = this.templateFor(look, extent, tallest);
    const s = this.insert(name, t.sheet);
    // Keep no formatted row below the content (a frozen tab must keep one row below its frozen rows).
    const keep = Math.max(extent.rows, (look.frozenRows ?? 0) + 1);
    if (t.height > keep) s.deleteRows(keep + 1, t.height - keep);
    this.size.set(name, { rows: keep, cols: Math.max(extent.cols, NEW_SHEET_COLS) });
    this.created.add(name);
    if (protection) this.protect(name, s, protection, (r) => s.getRange(r.row, r.col, r.numRows, r.numCols));
    if (charts) this.format(name, { charts }, extent);
  }

  private templateFor(look: Layout, extent: Extent, tallest: number): Template {
    // Areas that reach the tab's last row reach the template's last formatted row: one
    // template serves tabs of every height up to `rows`.
    const key = JSON.stringify([stretch(look, extent.rows, -1), extent.cols]);
    if (this.template && this.template.key === key && this.template.formatted >= extent.rows) return this.template;
    this.close();
    const rows = Math.max(extent.rows, tallest);
    const name = `${TEMPLATE_PREFIX} ${Math.random().toString(36).slice(2, 8)}`;
    const sheet = this.insert(name);
    this.size.set(name, { rows: NEW_SHEET_ROWS, cols: NEW_SHEET_COLS });
    if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
    if (extent.cols > NEW_SHEET_COLS) sheet.insertColumnsAfter(NEW_SHEET_COLS, extent.cols - NEW_SHEET_COLS);
    this.format(name, stretch(look, extent.rows, rows), { rows, cols: extent.cols });
    this.template = { name, sheet, key, formatted: rows, height: Math.max(rows, NEW_SHEET_ROWS) };
    return this.template;
  }

  deleteSheet(name: string): void {
    this.remove(this.must(name), name);
    this.size.delete(name);
    this.created.delete(name);
  }

  private remove(s: Sheet, name: string): void {
    this.ss.deleteSheet(s);
    this.tabs = this.tabs?.filter((t) => t !== s);
    this.handles.delete(name);
    this.size.delete(name);
    this.created.delete(name);
  }

  /**
   * Removes this run's template, and any left by a run cut off before its end: a tab of the
   * template's name that holds no value and no protection (as every template is). One that holds
   * something was made by someone else: it is left alone.
   */
  close(): void {
    if (this.template) this.remove(this.template.sheet, this.template.name);
    this.template = undefined;
    for (const [name, s] of [...this.handles]) {
      if (!name.startsWith(TEMPLATE_PREFIX)) continue;
      const bare =
        s.getLastRow() === 0 &&
        s.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0 &&
        s.getProtections(SpreadsheetApp.ProtectionType.RANGE).length === 0;
      if (bare) this.remove(s, name);
    }
  }

  write(name: string, row: number, col: number, values: OutGrid): void {
    if (values.length === 0 || values[0].length === 0) return;
    const s = this.must(name);
    this.grow(name, s, row + values.length - 1, col + values[0].length - 1);
    s.getRange(row, col, values.length, values[0].length).setValues(values.map((r) => r.map((v) => this.toSheet(v))));
  }

  /**
   * Sheets refuse a range past their size: grows the tab to reach (lastRow, lastCol), asking
   * its size only when that goes past what this run already knows of it.
   */
  private grow(name: string, s: Sheet, lastRow: number, lastCol: number): void {
    let { rows, cols } = this.size.get(name) ?? { rows: 0, cols: 0 };
    if (lastRow > rows) {
      rows = s.getMaxRows();
      if (lastRow > rows) s.insertRowsAfter(rows, lastRow - rows);
      rows = Math.max(rows, lastRow);
    }
    if (lastCol > cols) {
      cols = s.getMaxColumns();
      if (lastCol > cols) s.insertColumnsAfter(cols, lastCol - cols);
      cols = Math.max(cols, lastCol);
    }
    this.size.set(name, { rows, cols });
  }

  /**
   * A date goes back as it was read: the domain's wall clock (the script's zone) becomes the
   * instant at which the spreadsheet's zone shows that same clock. Without this, a date read and
   * written back (最終取込 carried in 調査シート一覧) moved by the zones' difference on every run.
   */
  private toInstant(d: Date): Date {
    // 回答's 取込日時 repeats one date over thousands of rows: each is converted once.
    const known = this.instants.get(d.getTime());
    if (known !== undefined) return new Date(known);
    const wall = Date.UTC(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
      d.getMilliseconds(),
    );
    const offsetAt = (t: number) => {
      const p = Object.fromEntries(
        this.zoneParts()
          .formatToParts(new Date(t))
          .map((x) => [x.type, Number(x.value)]),
      );
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
    };
    // Twice: the offset at the guess, then at the instant itself (a change of summer time between).
    const guess = wall - offsetAt(wall);
    const instant = wall - offsetAt(guess);
    this.instants.set(d.getTime(), instant);
    return new Date(instant);
  }
  private readonly instants = new Map<number, number>();

  private parts: Intl.DateTimeFormat | undefined;
  private zoneParts(): Intl.DateTimeFormat {
    return (this.parts ??= new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone(),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }));
  }

  /** A leading apostrophe keeps any string as text: '=IMPORTRANGE(…)' typed as an answer stays text. */
  private toSheet(v: OutCell): unknown {
    if (isDate(v)) return this.toInstant(v);
    if (isLink(v)) {
      const target = this.sheet(v.sheet);
      const text = v.text.replace(/"/g, '""');
      return target ? `=HYPERLINK("#gid=${target.getSheetId()}&range=${a1(v.row, v.col)}","${text}")` : `'${v.text}`;
    }
    return typeof v === 'string' && v !== '' ? `'${v}` : v;
  }

  format(name: string, layout: Layout, extent: Extent): void {
    const s = this.must(name);
    this.grow(name, s, extent.rows, extent.cols); // Sheets refuse a range past a tab's size
    const range = (r: Rect) => s.getRange(r.row, r.col, r.numRows, r.numCols);
    const whole = () => s.getRange(1, 1, extent.rows, extent.cols);
    if (layout.frozenRows !== undefined) s.setFrozenRows(layout.frozenRows);
    for (const run of widthRuns(layout.columnWidths ?? [])) s.setColumnWidths(run.start, run.count, run.width);
    if (layout.headerRows || layout.inputAreas) {
      // One call for every fill and one for every weight of the tab, never one per row.
      const styles = styleGrid(layout, extent);
      whole().setBackgrounds(styles.backgrounds);
      whole().setFontWeights(styles.weights);
    }
    // Areas are set as one grid over the whole tab, which also clears what rows no longer used had.
    if (layout.wrap === true) whole().setWrap(true);
    else if (layout.wrap) whole().setWraps(areaGrid(layout.wrap, extent));
    if (layout.center)
      whole().setHorizontalAlignments(
        areaGrid(layout.center, extent).map((line) => line.map((c) => (c ? 'center' : null))),
      );
    if (layout.notes?.length) {
      const notes = Array.from({ length: Math.max(...layout.notes.map((n) => n.row)) }, () =>
        Array<string>(extent.cols).fill(''),
      );
      for (const n of layout.notes) notes[n.row - 1][n.col - 1] = n.text;
      s.getRange(1, 1, notes.length, extent.cols).setNotes(notes);
    }
    if (layout.validations?.length) {
      const { area, grid } = validationGrid(layout.validations, extent);
      // One rule object per distinct rule, shared by its cells.
      const rules = new Map<CellRule, GoogleAppsScript.Spreadsheet.DataValidation>();
      const ruleOf = (v: CellRule) => rules.get(v) ?? rules.set(v, this.rule(v.rule, v.help)).get(v)!;
      range(area).setDataValidations(grid.map((line) => line.map((v) => (v ? ruleOf(v) : null))));
    }
    if (layout.protection) this.protect(name, s, layout.protection, range);
    if (layout.charts) {
      for (const c of s.getCharts()) s.removeChart(c);
      for (const c of layout.charts) s.insertChart(this.chart(s, c, range(c.data)));
    }
  }

  /** A stacked bar of grades, or a KPI's values and path as lines (blank years bridged, the path dashed). */
  private chart(
    s: GoogleAppsScript.Spreadsheet.Sheet,
    c: ChartSpec,
    data: GoogleAppsScript.Spreadsheet.Range,
  ): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    const builder = s.newChart();
    let chart: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder =
      c.kind === 'line'
        ? builder
            .asLineChart()
            .setColors([...c.colors])
            .setTitle(c.title)
            .setOption('pointSize', 5)
            .setOption('interpolateNulls', true)
            .setOption('series', { 1: { lineDashStyle: [6, 4], pointSize: 0 } })
        : builder
            .asBarChart()
            .setStacked()
            .setColors([...c.colors])
            .setTitle(c.title);
    chart = chart.addRange(data);
    if (c.size) chart = chart.setOption('width', c.size.width).setOption('height', c.size.height);
    return chart.setPosition(c.anchor.row, c.anchor.col, 0, 0).build();
  }

  /**
   * The whole tab for the owner, the 管理者 and the runner only; its editable area in a
   * protection of its own for the department's editors too. A tab this run created has no protections to remove.
   */
  private protect(
    name: string,
    s: Sheet,
    spec: Protection,
    range: (r: Rect) => GoogleAppsScript.Spreadsheet.Range,
  ): void {
    const created = this.created.delete(name);
    if (!created) {
      const sheetWide = s.getProtections(SpreadsheetApp.ProtectionType.SHEET);
      const ranges = s.getProtections(SpreadsheetApp.ProtectionType.RANGE);
      // Same editors, the answer area moved (rows added or removed): move it, where the tab
      // holds the protections this adapter makes; otherwise set them anew.
      const areas = spec.warningOnly ? [] : (spec.editable ?? []);
      if (spec.sameEditors && sheetWide.length === 1 && ranges.length === areas.length) {
        if (areas.length) {
          // Every area protection lets the same editors edit: which one moves where does not matter.
          const editable = areas.map(range);
          sheetWide[0].setUnprotectedRanges(editable);
          editable.forEach((e, i) => ranges[i].setRange(e));
        }
        return;
      }
      for (const p of [...sheetWide, ...ranges]) p.remove();
    }
    const p = s.protect();
    if (spec.description) p.setDescription(spec.description);
    if (spec.warningOnly) {
      p.setWarningOnly(true);
      return;
    }
    this.restrictTo(p, spec.admins);
    if (!spec.editable?.length) return;
    const editable = spec.editable.map(range);
    p.setUnprotectedRanges(editable);
    for (const e of editable) this.restrictTo(e.protect(), [...spec.admins, ...spec.editors]);
  }

  /**
   * Leaves only the given editors (plus the owner and the person running the tool, whom
   * Apps Script never removes) able to edit a new protection. A new protection starts as the
   * spreadsheet's own sharing, the same for every one made in a run: asked once, not per tab.
   */
  private restrictTo(p: GoogleAppsScript.Spreadsheet.Protection, editors: readonly string[], fresh = true) {
    const own = () => ({
      editors: p.getEditors().map((u) => u.getEmail()),
      domain: p.canDomainEdit(),
      runnerFirst: this.sharing?.runnerFirst ?? false,
    });
    const sharing = fresh ? (this.sharing ??= own()) : own();
    if (sharing.runnerFirst) p.addEditor(Session.getEffectiveUser());
    if (sharing.editors.length) {
      try {
        p.removeEditors(sharing.editors);
      } catch (e) {
        // Where the runner may edit only through a group in the list, Apps Script refuses to
        // remove it until the runner is an editor by name: add them, then for the whole run.
        if (sharing.runnerFirst) throw e;
        sharing.runnerFirst = true;
        if (this.sharing) this.sharing.runnerFirst = true;
        p.addEditor(Session.getEffectiveUser());
        p.removeEditors(sharing.editors);
      }
    }
    if (sharing.domain) p.setDomainEdit(false);
    if (editors.length) p.addEditors([...editors]);
  }

  private rule(rule: ValidationRule, help: string) {
    const b = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(help);
    if (rule.kind === 'list') return b.requireValueInList([...rule.values], true).build();
    // INDIRECT("RC",FALSE) is the cell itself: one rule serves every cell, wherever it stands.
    const self = 'INDIRECT("RC",FALSE)';
    return b
      .requireFormulaSatisfied(`=OR(ISBLANK(${self}),AND(ISNUMBER(${self}),${self}=INT(${self}),${self}>=${rule.min}))`)
      .build();
  }
}

/**
 * The layout with every area that ends on row `last` ending on row `to` instead (-1 in a
 * template's key: "down to the last row").
 */
function stretch(layout: Layout, last: number, to: number): Layout {
  const fit = (r: Rect): Rect => (r.row + r.numRows - 1 === last ? { ...r, numRows: to < 0 ? -1 : to - r.row + 1 } : r);
  return {
    ...layout,
    inputAreas: layout.inputAreas?.map(fit),
    wrap: layout.wrap && (layout.wrap === true ? true : layout.wrap.map(fit)),
    center: layout.center?.map(fit),
    validations: layout.validations?.map((v) => ({ ...v, range: fit(v.range) })),
  };
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
