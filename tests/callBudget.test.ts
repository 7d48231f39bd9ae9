import { afterEach, describe, expect, it } from 'vitest';
import type { ActionResult } from '../src/actions/shared/action';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { setupSheets } from '../src/actions/setupSheets';
import { buildSummary } from '../src/actions/buildSummary';
import { validatePlan } from '../src/actions/validatePlan';
import type { FakeApp } from './fake/spreadsheetApp';
import { generateTabs } from './fixtures/generate';
import { GasWorkbook } from '../src/gas/workbook';
import type { Workbook } from '../src/port';
import { TAB } from '../src/domain/core/tabs';
import { fakeBook } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

/** Read and write calls (what costs time in Apps Script) on the whole book and on each request tab. */
function calls(app: FakeApp) {
  const c = app.callCounts();
  const requestTabs = app.sheets.filter((s) => s.name.startsWith('調査_')).map((s) => s.name);
  const each = requestTabs.map((n) => c.bySheet[n] ?? 0).sort((a, b) => b - a);
  const onTabs = each.reduce((n, k) => n + k, 0);
  return {
    tabs: requestTabs.length,
    perTab: each[0] ?? 0,
    secondMost: each[1] ?? 0,
    total: c.read + c.write,
    otherTabs: c.read + c.write - onTabs,
  };
}

function measure(projects: number, departments: number) {
  const book = fakeBook(generateTabs({ projects, departments, years: 2 }));
  uninstall = book.uninstall;
  const { app } = book;
  app.user = app.owner; // the generated plan lists no 管理者: the owner runs it
  // Each step is one menu run, as main.ts makes it: a new workbook, closed at the end.
  const step = (run: (wb: Workbook) => ActionResult) => {
    app.resetCounts();
    const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
    try {
      expect(run(wb).ok).toBe(true);
    } finally {
      wb.close();
    }
    return calls(app);
  };
  const out = {
    // 初期設定 first, as a city starts: it protects the input tabs for the 管理者 once.
    setup: step((wb) => setupSheets(wb)),
    validate: step((wb) => validatePlan(wb)),
    create: step((wb) => createRequests(wb)),
    refresh: step((wb) => createRequests(wb)),
    merge: step((wb) => mergeResponses(wb)),
    summary: step((wb) => buildSummary(wb)),
    // One more 事業 for every department: each tab grows by a row.
    grown: step((wb) => {
      addOneProjectEach(app);
      return createRequests(wb);
    }),
  };
  uninstall();
  return out;
}

/** Adds a 施策 9-9-9 to 体系 and one 事業 under it for every department (straight into the fake). */
function addOneProjectEach(app: FakeApp) {
  const structure = app.sheet(TAB.structure)!;
  const at = structure.values().length;
  [
    ['目標', 9, '', '', '追加の目標'],
    ['課題', 9, 9, '', '追加の課題'],
    ['施策', 9, 9, 9, '追加の施策'],
  ].forEach((line, i) => line.forEach((v, c) => structure.type(at + 1 + i, c + 1, v)));
  const plan = app.sheet(TAB.plan)!;
  const end = plan.values().length;
  const departments = app
    .sheet(TAB.departments)!
    .values()
    .slice(1)
    .map((r) => String(r[0]));
  departments.forEach((d, i) =>
    [9, 9, 9, i + 1, `追加の事業${i + 1}`, '', d].forEach((v, c) => plan.type(end + 1 + i, c + 1, v)),
  );
}

// The budgets of the benchmark (npm run bench), kept here so that no change adds a call per row.
describe('Spreadsheet calls stay batched', () => {
  // 10 departments: the 10th takes the 関係各課 事業, so the plan has no error and every action runs.
  const small = measure(60, 10);
  const large = measure(600, 10);

  it('do not grow with the number of rows', () => {
    // 事業別一覧 and 評価サマリー (its 11. a line per 施策 per year) pass Sheets' 1,000 rows of a new
    // tab in the large plan only: growing each once costs 2 calls, however many rows it holds.
    expect({ ...large, summary: undefined }).toEqual({ ...small, summary: undefined });
    expect(large.summary.total - small.summary.total).toBeLessThanOrEqual(4);
  });

  it('stay within each action’s budget', () => {
    expect(small.create.tabs).toBe(10);
    expect(small.validate.total).toBeLessThanOrEqual(15);
    // Once: each input tab's protection narrowed to the 管理者 (a later run reads all protections in one call);
    // twelve tabs of the design made with their headers.
    expect(small.setup.total).toBeLessThanOrEqual(135);
    expect(small.merge.perTab).toBeLessThanOrEqual(3);
    expect(small.merge.otherTabs).toBeLessThanOrEqual(20);
    expect(small.refresh.perTab).toBeLessThanOrEqual(12);
    expect(small.refresh.otherTabs).toBeLessThanOrEqual(20);
    // A new tab: insertSheet from the template, cut to its height, its content, and two
    // protections narrowed to their editors (4 calls each). The first tab also asks the
    // spreadsheet's sharing (2 calls); the template is made once a run.
    expect(small.create.secondMost).toBeLessThanOrEqual(11);
    expect(small.create.perTab).toBeLessThanOrEqual(13);
    // …and 調査シート一覧, new in this run, gets its protection for the 管理者 once (7 calls).
    expect(small.create.otherTabs).toBeLessThanOrEqual(50);
    // Two report tabs now (評価サマリー and 事業別一覧), each written and formatted once; and one
    // line chart inserted per KPI (20 in the generated plan), the one call a chart cannot share.
    expect(small.summary.total).toBeLessThanOrEqual(60 + 20);
    // A tab whose rows changed: read, grow, write, its fills and dropdowns, and its answer area
    // moved under the same protections (none made anew).
    expect(small.grown.tabs).toBe(10);
    expect(small.grown.perTab).toBeLessThanOrEqual(13);
    expect(small.grown.perTab).toBeGreaterThan(small.refresh.perTab); // the rows did change
  });
});
