/**
 * A slow day of Apps Script on a virtual clock: a plan of 1,500 事業 and 195 departments, each
 * Spreadsheet call (read, write or look-up) advancing the fake's clock by 0.1, 0.2 or 0.3 s, so
 * that createRequests' own 270-second budget sees that pace. Runs the first creation, a rerun
 * with nothing changed and the yearly rollover run after run until done, as a user clicking again
 * would; counts each action's calls against the floor (the fewest calls for the same effect:
 * 11 + 8 a department for the first creation, 11 + 10 where the spreadsheet is shared with the
 * whole domain and each new protection must be closed to it).
 */
import type { ActionResult } from '../src/actions/shared/action';
import { createRequests } from '../src/actions/createRequests';
import { mergeResponses } from '../src/actions/mergeResponses';
import { remindDepartments } from '../src/actions/remindDepartments';
import { setupSheets } from '../src/actions/setupSheets';
import { validatePlan } from '../src/actions/validatePlan';
import { buildSummary } from '../src/actions/buildSummary';
import { GasWorkbook } from '../src/gas/workbook';
import type { Workbook } from '../src/port';
import { FakeApp } from '../tests/fake/spreadsheetApp';
import { type PlanSize, generateTabs } from '../tests/fixtures/generate';
import { TAB } from '../src/domain/core/tabs';

export const SLOW_DAY_SIZE: PlanSize = { projects: 1500, departments: 195, years: 2 };
/** What main.ts gives createRequests in Apps Script. */
const BUDGET_MS = 270_000;
const MAX_RUNS = 12;
/** What the panel gives each call (src/main.ts), so that each answers within about 30 seconds. */
const PANEL_BUDGET_MS = 25_000;

export interface RunsUntilDone {
  readonly step: string;
  readonly paceMs: number;
  /** Tabs made or refreshed by each run (the last one says done, or MAX_RUNS were not enough). */
  readonly tabsPerRun: number[];
  readonly done: boolean;
}

export interface CallRatio {
  readonly action: string;
  readonly calls: number;
  readonly floor: number;
}

/** One menu run on the fake, as main.ts makes it: a workbook per run, closed at its end (the template tab goes). */
export function withApp<T>(app: FakeApp, fn: (wb: Workbook) => T): T {
  // The generated plans list no 管理者: the spreadsheet's owner runs them.
  app.user = app.owner;
  const uninstall = app.install();
  const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  try {
    return fn(wb);
  } finally {
    wb.close();
    uninstall();
  }
}

/** createRequests on the virtual clock, as the menu runs it (a new run each click). */
function createOnClock(app: FakeApp, budgetMs: number): ActionResult {
  const started = app.clockMs;
  return withApp(app, (wb) => createRequests(wb, { outOfTime: () => app.clockMs - started > budgetMs }));
}

/** Tabs the last run made or refreshed, read from its message (作成 N、更新 N). */
function tabsDone(result: ActionResult): number {
  const made = /作成 (\d+)、更新 (\d+)/.exec(result.message);
  return made ? Number(made[1]) + Number(made[2]) : 0;
}

function untilDone(
  app: FakeApp,
  step: string,
  paceMs: number,
  budgetMs = BUDGET_MS,
  maxRuns = MAX_RUNS,
): RunsUntilDone {
  app.paceMs = paceMs;
  const tabsPerRun: number[] = [];
  let done = false;
  while (!done && tabsPerRun.length < maxRuns) {
    const result = createOnClock(app, budgetMs);
    tabsPerRun.push(tabsDone(result));
    done = !/次の実行で処理/.test(result.message);
  }
  app.paceMs = 0;
  return { step, paceMs, tabsPerRun, done };
}

function setYear(app: FakeApp, year: number) {
  const s = app.sheet(TAB.settings)!;
  const r = s.values().findIndex((line) => line[0] === '対象年度');
  s.type(r + 1, 2, String(year));
}

function yearOf(app: FakeApp): number {
  return Number(
    app
      .sheet(TAB.settings)!
      .values()
      .find((line) => line[0] === '対象年度')?.[1],
  );
}

/** A fresh book of the slow day's size, with 初期設定 done (as a city starts). */
function freshBook(domainShared = true): FakeApp {
  const app = new FakeApp(generateTabs(SLOW_DAY_SIZE));
  app.domainShared = domainShared;
  withApp(app, (wb) => setupSheets(wb));
  return app;
}

/** First creation, a rerun with nothing changed, and the rollover, each until done at each pace. */
export function slowDayRuns(paces: readonly number[]): RunsUntilDone[] {
  const out: RunsUntilDone[] = [];
  for (const pace of paces) {
    const app = freshBook();
    out.push(untilDone(app, '初回作成', pace));
    out.push(untilDone(app, '再実行（変更なし）', pace));
    withApp(app, (wb) => mergeResponses(wb, new Date(2027, 5, 1)));
    setYear(app, yearOf(app) + 1);
    out.push(untilDone(app, '翌年度', pace));
  }
  // One click in the control panel: each call within 25 s, called again until done (no limit a person would feel).
  out.push(untilDone(freshBook(), '初回作成（操作パネル、1回25秒）', paces[paces.length - 1], PANEL_BUDGET_MS, 200));
  return out;
}

/** Every call of each action (look-ups included) at D = 195, beside the floor the issue worked out. */
export function slowDayCalls(): CallRatio[] {
  const D = SLOW_DAY_SIZE.departments;
  const app = freshBook();
  const measure = (action: string, floor: number, fn: (wb: Workbook) => ActionResult): CallRatio => {
    app.resetCounts();
    withApp(app, fn);
    const c = app.callCounts();
    return { action, calls: c.read + c.write + c.lookup, floor };
  };
  // Shared with no whole domain, a new protection needs no setDomainEdit(false): two calls a tab less.
  const plain = freshBook(false);
  plain.resetCounts();
  withApp(plain, (wb) => createRequests(wb));
  const c = plain.callCounts();
  return [
    measure('validatePlan', 9, (wb) => validatePlan(wb)),
    { action: 'createRequests（初回、ドメイン共有なし）', calls: c.read + c.write + c.lookup, floor: 11 + 8 * D },
    // Shared with the whole domain, each of a tab's two protections needs setDomainEdit(false).
    measure('createRequests（初回、ドメイン内で共有）', 11 + 10 * D, (wb) => createRequests(wb)),
    // A rerun that changes nothing still reads each protection's editors (DESIGN: every run sets
    // them): one call for each of a tab's two protections beside the 2 a tab it needed before.
    measure('createRequests（変更なし）', 11 + 4 * D, (wb) => createRequests(wb)),
    measure('mergeResponses', 11 + 2 * D, (wb) => mergeResponses(wb, new Date(2027, 5, 1))),
    measure('buildSummary', 14, (wb) => buildSummary(wb, new Date(2027, 6, 1))),
    measure('buildSummary（再作成）', 14, (wb) => buildSummary(wb, new Date(2027, 6, 2))),
    measure('remindDepartments', 8 + D, (wb) => remindDepartments(wb, new Date(2027, 5, 2))),
  ];
}

/** Prints both tables when run alone (BENCH_SIZE=slow npm run bench). */
export function printSlowDay(runs: readonly RunsUntilDone[], ratios: readonly CallRatio[]): void {
  console.log('\n| 遅い日 | 1回の呼び出し | 実行回数 | 回ごとのタブ数 | 完了 |\n|---|--:|--:|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.step} | ${(r.paceMs / 1000).toFixed(1)} s | ${r.tabsPerRun.length} | ${r.tabsPerRun.join(' / ')} | ${r.done ? '完了' : '未完了'} |`,
    );
  console.log('\n| 操作（D = 195） | 呼び出し（検索を含む） | 下限 | 比 |\n|---|--:|--:|--:|');
  for (const r of ratios) console.log(`| ${r.action} | ${r.calls} | ${r.floor} | ${(r.calls / r.floor).toFixed(2)} |`);
}
