/**
 * The global functions Apps Script calls (menu items and the onOpen trigger). Each is a few
 * lines: open the adapter, run the action, show its result. scripts/build.mjs adds the
 * top-level function declarations that delegate here.
 */
import type { ActionResult } from './actions/shared/action';
import { withLock } from './actions/shared/action';
import { mergeResponses as mergeAction } from './actions/mergeResponses';
import { createRequests as requestsAction } from './actions/createRequests';
import { setupSheets as setupAction } from './actions/setupSheets';
import { buildSummary as summaryAction } from './actions/buildSummary';
import { remindDepartments as remindAction } from './actions/remindDepartments';
import { reminderHtml } from './pages/reminderPage';
import { yearlyReport } from './actions/yearlyReport';
import { renderReportHtml } from './pages/reportPage';
import { validatePlan as validateAction } from './actions/validatePlan';
import { GasLock, GasWorkbook } from './gas/workbook';
import type { Workbook } from './port';
import { notInProtections } from './domain/inputs/inputMessages';
import { readPanel } from './actions/panel';
import { type PanelReply, type PanelRunReply, panelHtml } from './pages/panelPage';
import * as A from './actions/shared/actionMessages';
import { ADMIN_TABS } from './domain/core/tabs';

export const MENU_TITLE = '男女平等推進プラン';
const RUN_BUDGET_MS = 270_000;
/** A call from the panel answers within about 30 seconds: the panel calls again for the rest. */
const PANEL_BUDGET_MS = 25_000;

/**
 * Menu label → global function name, in menu order. With onOpen, these are the global
 * functions Apps Script calls: scripts/build.mjs and the tests read the names from here.
 */
export const MENU_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['初期設定（シートを用意）', 'setupSheets'],
  ['プランの入力チェック', 'validatePlan'],
  ['所管課別調査シートを作成', 'createRequests'],
  ['回答を取り込む', 'mergeResponses'],
  ['評価サマリーを作成', 'buildSummary'],
  ['未回答の課への連絡', 'remindDepartments'],
  ['報告書（印刷・公開用）', 'showReport'],
  ['操作パネル', 'showPanel'],
];

/** A simple trigger (30 s, limited auth): build the menu and nothing else. */
export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const [label, fn] of MENU_ITEMS) menu.addItem(label, fn);
  menu.addToUi();
}

/** Runs an action under the document lock; a run that stops on an error says it can be run again. */
function runLocked(label: string, action: (wb: Workbook) => ActionResult): ActionResult {
  const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  try {
    return withLock(new GasLock(), label, () => {
      try {
        return action(wb);
      } finally {
        wb.close(); // still holding the lock: the template tab goes before anyone else runs
      }
    });
  } catch (e) {
    // Every action can be run again safely: say so rather than show a stack trace.
    const detail = e instanceof Error ? e.message : String(e);
    // A tab of the tool that another editor protected for themselves: say whose and who can mend it.
    const othersOwn = PROTECTED_EDIT.test(detail) ? ADMIN_TABS.filter((t) => safely(() => wb.lockedFor(t).length)) : [];
    if (othersOwn.length) {
      return {
        ok: false,
        title: `${label}：実行できませんでした`,
        message: A.protectedByOthers(
          othersOwn,
          safely(() => wb.owner()),
        ),
        findings: [],
      };
    }
    // A 管理者 the protections do not list yet: running again would fail again; say who can mend it.
    if (PROTECTED_EDIT.test(detail)) {
      return {
        ok: false,
        title: `${label}：実行できませんでした`,
        message: notInProtections(
          safely(() => wb.runner()),
          safely(() => wb.owner()),
          label,
        ),
        findings: [],
      };
    }
    return {
      ok: false,
      title: `${label}：途中で止まりました`,
      message: A.stoppedMidway(label, detail),
      findings: [],
    };
  }
}

/** What Apps Script says when a protection does not list the person running. */
const PROTECTED_EDIT =
  /protected cell or object|permission to access or edit this protection|保護されたセル|保護されているセル/;

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function run(label: string, action: (wb: Workbook) => ActionResult): void {
  const ui = SpreadsheetApp.getUi();
  // The menu shows only Apps Script's spinner: a toast says what is running.
  toast(`「${label}」を実行しています…`);
  const result = runLocked(label, action);
  ui.alert(result.title, result.message, ui.ButtonSet.OK);
}

export function setupSheets(): void {
  run('初期設定', setupAction);
}

export function validatePlan(): void {
  run('プランの入力チェック', validateAction);
}

function toast(text: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(text, MENU_TITLE, 10);
}

/**
 * createRequests cut after `budgetMs`: the rest is left for the next run, which carries on. From
 * the menu, a toast every 10 tabs says how far it has come (the panel shows its own bar).
 */
function requestsWithin(budgetMs: number, toasts = false) {
  const started = Date.now();
  return (wb: Workbook) =>
    requestsAction(wb, {
      outOfTime: () => Date.now() - started > budgetMs,
      onProgress: (done, total, department) => {
        if (toasts && done % 10 === 0) toast(`調査シート：${done} / ${total} 課（${department} まで）`);
      },
    });
}

export function createRequests(): void {
  // Apps Script stops a run at 6 minutes: leave the rest for the next run after 4.5.
  run('所管課別調査シートを作成', requestsWithin(RUN_BUDGET_MS, true));
}

export function mergeResponses(): void {
  run('回答を取り込む', (wb) => mergeAction(wb));
}

export function buildSummary(): void {
  run('評価サマリーを作成', (wb) => summaryAction(wb));
}

/**
 * Reads only (no lock): the departments still to answer, each with a mailto link that opens a
 * ready e-mail. Nothing is sent by the tool, so no mail scope is needed.
 */
export function remindDepartments(): void {
  const ui = SpreadsheetApp.getUi();
  const result = remindAction(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  if (result.reminders.length === 0) {
    ui.alert(result.title, result.message, ui.ButtonSet.OK);
    return;
  }
  const html = HtmlService.createHtmlOutput(reminderHtml(result.reminders, result.message.split('\n')[0]))
    .setWidth(760)
    .setHeight(420);
  ui.showModalDialog(html, result.title);
}

/**
 * The yearly report in a dialog, with buttons to print it and to save it as an .html file for the
 * city's website. Reads only (no lock, nothing written), like the reminder.
 */
export function showReport(): void {
  const ui = SpreadsheetApp.getUi();
  const outcome = yearlyReport(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  if (!('model' in outcome)) {
    ui.alert(outcome.title, outcome.message, ui.ButtonSet.OK);
    return;
  }
  const page = HtmlService.createHtmlOutput(renderReportHtml(outcome.model, { toolbar: true }))
    .setTitle(`進捗状況報告書 ${outcome.model.yearLabel}`)
    .setWidth(1000)
    .setHeight(700);
  ui.showModalDialog(page, `進捗状況報告書 ${outcome.model.yearLabel}`);
}

/** The control panel in the sidebar (its page runs the steps through the panel's server functions below). */
export function showPanel(): void {
  const ui = SpreadsheetApp.getUi();
  const outcome = readPanel(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  if (!('state' in outcome)) {
    ui.alert(outcome.title, outcome.message, ui.ButtonSet.OK);
    return;
  }
  ui.showSidebar(HtmlService.createHtmlOutput(panelHtml(outcome.state)).setTitle('操作パネル'));
}

/** The panel's state anew (after a step): plain JSON, as google.script.run carries it. */
export function panelState(): PanelReply {
  const outcome = readPanel(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  return 'state' in outcome ? { ok: true, state: outcome.state } : { ok: false, message: outcome.message };
}

/**
 * One call of a step from the panel. createRequests answers within about 30 seconds and says
 * whether to call again (the panel does, until done): every run makes progress and is safe to cut,
 * so closing the panel leaves nothing half written. The dialogs (report, reminder) open as from the menu.
 */
export function panelRun(step: string): PanelRunReply {
  const steps: Record<string, readonly [string, (wb: Workbook) => ActionResult]> = {
    setupSheets: ['初期設定', setupAction],
    validatePlan: ['プランの入力チェック', validateAction],
    createRequests: ['所管課別調査シートを作成', requestsWithin(PANEL_BUDGET_MS)],
    mergeResponses: ['回答を取り込む', (wb) => mergeAction(wb)],
    buildSummary: ['評価サマリーを作成', (wb) => summaryAction(wb)],
  };
  if (step === 'showReport' || step === 'remindDepartments') {
    if (step === 'showReport') showReport();
    else remindDepartments();
    return { ok: true, title: '', message: '', again: false };
  }
  const known = steps[step];
  if (!known) return { ok: false, title: '操作パネル', message: A.unknownStep(String(step)), again: false };
  const result = runLocked(...known);
  const { progress } = result;
  return {
    ok: result.ok,
    title: result.title,
    message: result.message,
    progress,
    again: !!progress && progress.done < progress.total && !result.title.includes('途中で止まりました'),
  };
}

/** Selects a finding's cell (a link in the panel): its tab is shown with the cell selected. */
export function panelSelect(sheet: string, row: number, col: number): boolean {
  const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(String(sheet));
  if (!s || !Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) return false;
  if (row > s.getMaxRows() || col > s.getMaxColumns()) return false;
  s.getRange(row, col).activate();
  return true;
}
