import { afterEach, describe, expect, it } from 'vitest';
import { GasWorkbook, TEMPLATE_PREFIX } from '../src/gas/workbook';
import type { Layout } from '../src/domain/core/layout';
import { FakeApp, type FakeSheet } from './fake/spreadsheetApp';
import { protectionsOf } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

function book(setup: (app: FakeApp) => void = () => {}) {
  const app = new FakeApp();
  setup(app);
  uninstall = app.install();
  return { app, wb: new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()) };
}

/** A request-tab-like layout over `count` answer rows below a header on row 3. */
function layout(count: number, editors = ['dept@city.example.lg.jp']): Layout {
  const answers = { row: 4, col: 3, numRows: count, numCols: 2 };
  return {
    frozenRows: 3,
    columnWidths: [80, 200, 120, 120],
    headerRows: [3],
    inputAreas: [answers],
    wrap: true,
    validations: [
      {
        range: { row: 4, col: 3, numRows: count, numCols: 1 },
        rule: { kind: 'list', values: ['A', 'B'] },
        help: 'A か B',
      },
    ],
    protection: {
      editors,
      admins: [],
      warningOnly: editors.length === 0,
      editable: [answers],
      description: editors.length ? undefined : '警告のみ',
    },
  };
}

/** What a person sees of a tab: every cell's format down to its last row, size, frozen rows, widths. */
function looks(s: FakeSheet) {
  const cells = [];
  for (let r = 1; r <= s.maxRows; r++) {
    for (let c = 1; c <= 4; c++) {
      const cell = s.cellAt(r, c);
      cells.push([
        r,
        c,
        cell?.background ?? null,
        cell?.bold ?? false,
        cell?.wrap ?? false,
        cell?.validation?.values ?? null,
      ]);
    }
  }
  return { cells, maxRows: s.maxRows, frozenRows: s.frozenRows, widths: s.columnWidths };
}

describe('GasWorkbook.createFormatted', () => {
  it('gives each tab exactly what createSheet + format give it, cut to its own height', () => {
    const { app, wb } = book();
    for (const [name, count] of [
      ['short', 2],
      ['long', 9],
      ['one', 1],
    ] as const) {
      const extent = { rows: 3 + count, cols: 4 };
      wb.createFormatted(`new_${name}`, layout(count), extent);
      wb.createSheet(`old_${name}`);
      wb.format(`old_${name}`, layout(count), extent);
      // The old way leaves the 1000 rows of a new tab: compare over the tab's own rows.
      app.sheet(`old_${name}`)!.maxRows = extent.rows;
      expect(looks(app.sheet(`new_${name}`)!), name).toEqual(looks(app.sheet(`old_${name}`)!));
      expect(protectionsOf(app.sheet(`new_${name}`)!), name).toEqual(protectionsOf(app.sheet(`old_${name}`)!));
    }
    const long = app.sheet('new_long')!;
    expect(long.maxRows).toBe(12);
    expect(long.cellAt(12, 3)!.background).toBe('#fff8e1');
    expect(long.cellAt(4, 2)?.background ?? null).toBeNull();
  });

  it('narrows each protection to its editors: another department that shares the spreadsheet is taken out', () => {
    const { app, wb } = book();
    wb.createFormatted('tab', layout(3), { rows: 6, cols: 4 });
    const [sheetLevel, answers] = app.sheet('tab')!.protections;
    expect(sheetLevel.editors.sort()).toEqual([app.owner, app.user].sort());
    expect(sheetLevel.unprotected).toEqual([{ row: 4, col: 3, numRows: 3, numCols: 2 }]);
    expect(answers.editors.sort()).toEqual([app.owner, app.user, 'dept@city.example.lg.jp'].sort());
    expect([sheetLevel.domainEdit, answers.domainEdit]).toEqual([false, false]);
  });

  it('makes the template once for tabs of any height up to the tallest, asks the sharing once, and costs 11 calls a tab', () => {
    const { app, wb } = book();
    const tallest = 4 + 9 * 7;
    wb.createFormatted('first', layout(5), { rows: 8, cols: 4 }, tallest);
    app.resetCounts();
    for (let i = 0; i < 10; i++)
      wb.createFormatted(`tab${i}`, layout(1 + i * 7), { rows: 4 + i * 7, cols: 4 }, tallest);
    const c = app.callCounts();
    expect(c.byMethod.insertSheet).toBe(10);
    expect(c.byMethod.getEditors ?? 0).toBe(0);
    expect(c.byMethod.canDomainEdit ?? 0).toBe(0);
    for (let i = 0; i < 10; i++) expect(c.bySheet[`tab${i}`]).toBeLessThanOrEqual(10); // + setValues = 11
    const templates = Object.keys(c.bySheet).filter((n) => n.startsWith(TEMPLATE_PREFIX));
    expect(templates.reduce((n, t) => n + c.bySheet[t], 0)).toBe(0);
  });

  it('makes a new template for a tab taller than announced or of another layout, and close() leaves none', () => {
    const { app, wb } = book();
    wb.createFormatted('a', layout(5), { rows: 8, cols: 4 });
    wb.createFormatted('b', layout(1500), { rows: 1503, cols: 4 });
    expect(app.sheet('b')!.maxRows).toBe(1503);
    expect(app.sheet('b')!.cellAt(1503, 3)!.validation?.values).toEqual(['A', 'B']);
    wb.createFormatted('c', { ...layout(2), columnWidths: [50, 50, 50, 50] }, { rows: 5, cols: 4 });
    expect(app.sheet('c')!.columnWidths).toMatchObject({ 1: 50, 4: 50 });
    expect(app.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX))).toHaveLength(1);
    wb.close();
    expect(app.sheets.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('removes a template left by a run that was cut off, and never a tab someone made under its name', () => {
    const { app, wb } = book((a) => {
      a.addSheet('プラン');
      a.addSheet(`${TEMPLATE_PREFIX} k3x9q2`); // a run's leftover: formats only
      a.addSheet(TEMPLATE_PREFIX).type(1, 1, '大事なメモ'); // someone's tab under the plain name
      a.addSheet(`${TEMPLATE_PREFIX} 2`).protect(); // and one made and protected
    });
    wb.createFormatted('tab', layout(2), { rows: 5, cols: 4 });
    expect(app.sheet('tab')!.values()).toEqual([]);
    wb.close();
    expect(app.sheets.map((s) => s.name)).toEqual(['プラン', TEMPLATE_PREFIX, `${TEMPLATE_PREFIX} 2`, 'tab']);
    expect(app.sheet(TEMPLATE_PREFIX)!.values()).toEqual([['大事なメモ']]);
  });

  it('adds the runner by name first where they may edit only through a group (Apps Script refuses otherwise)', () => {
    const group = 'danjo-staff@city.example.lg.jp';
    const { app, wb } = book((a) => {
      a.sharedWith = [a.owner, group, 'other-department@city.example.lg.jp'];
      a.runnerGroup = group;
    });
    for (const name of ['a', 'b']) wb.createFormatted(name, layout(2), { rows: 5, cols: 4 }, 5);
    for (const name of ['a', 'b']) {
      const [sheetLevel, answers] = app.sheet(name)!.protections;
      expect(sheetLevel.editors.sort()).toEqual([app.owner, app.user].sort());
      expect(answers.editors.sort()).toEqual([app.owner, app.user, 'dept@city.example.lg.jp'].sort());
    }
    // Found out once: the second tab adds the runner first without trying the removal in vain.
    expect(app.callCounts().byMethod.removeEditors).toBe(5);
  });

  it('calls setDomainEdit only where the spreadsheet is shared with its domain (it throws outside Google Workspace)', () => {
    const { app, wb } = book((a) => {
      a.workspace = false;
      a.domainShared = false;
    });
    wb.createFormatted('tab', layout(2), { rows: 5, cols: 4 });
    expect(app.callCounts().byMethod.setDomainEdit ?? 0).toBe(0);
    expect(app.sheet('tab')!.protections[1].editors.sort()).toEqual(
      [app.owner, app.user, 'dept@city.example.lg.jp'].sort(),
    );
  });

  it('protects with a warning only, and its description, where no editor is listed', () => {
    const { app, wb } = book();
    wb.createFormatted('tab', layout(2, []), { rows: 5, cols: 4 });
    expect(protectionsOf(app.sheet('tab')!)).toEqual([
      expect.objectContaining({ type: 'SHEET', warningOnly: true, description: '警告のみ' }),
    ]);
  });
});
