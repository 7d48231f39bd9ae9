import { type Grid, type OutCell, type OutGrid, isBlankGrid, link, widest } from '../../domain/core/cells';
import { type Finding, cellLabel, describe, hasErrors, sortFindings } from '../../domain/core/findings';
import { type PlanInputs, type Settings, type TabValues, readInputs } from '../../domain/inputs/inputs';
import { ADMIN_TABS, HEADERS, INPUT_TABS, TAB } from '../../domain/core/tabs';
import type { Extent, Layout } from '../../domain/core/layout';
import type { Lock, Workbook } from '../../port';
import * as M from '../../domain/inputs/inputMessages';
import { tableLayout } from '../../domain/core/catalogue';
import * as A from './actionMessages';

/** What an action tells the person who ran it. */
export interface ActionResult {
  readonly ok: boolean;
  readonly title: string;
  readonly message: string;
  readonly findings: readonly Finding[];
  /** An action done tab by tab over several runs: tabs done of tabs to do, and the next department. */
  readonly progress?: { readonly done: number; readonly total: number; readonly next?: string };
}

/** Reads each named tab once. KPI tabs are read as shown: 59.1% must stay a percentage. */
export function readTabs(wb: Workbook, names: readonly string[]): TabValues {
  const out: Record<string, Grid | undefined> = {};
  for (const n of names) out[n] = wb.read(n, SHOWN_TABS.has(n) ? 'shown' : 'values');
  return out;
}

const SHOWN_TABS = new Set<string>([TAB.indicators, TAB.indicatorResults]);

export function checkInputs(wb: Workbook) {
  return readInputs(readTabs(wb, INPUT_TABS));
}

/** What an action works on once its inputs passed the check. */
export interface Opened {
  readonly inputs: PlanInputs;
  readonly settings: Settings;
  /** 注意 found so far (the action adds its own). */
  readonly findings: Finding[];
}

/**
 * The opening every writing action shares: read and check the input tabs, refuse someone who is
 * not a 管理者, and refuse (writing チェック結果) while the inputs have errors. `more` adds the
 * action's own checks before the verdict. `refusal` is the alert's first line.
 */
export function openAction(
  wb: Workbook,
  title: string,
  refusal: string,
  more: (inputs: PlanInputs, findings: Finding[]) => void = () => undefined,
): Opened | ActionResult {
  const { inputs, findings } = checkInputs(wb);
  const notAdmin = refuseNonAdmin(wb, inputs.admins, title);
  if (notAdmin) return notAdmin;
  more(inputs, findings);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings) {
    writeFindings(wb, findings);
    return { ok: false, title, message: `${refusal}\n\n${findingsSummary(findings)}`, findings };
  }
  return { inputs, settings, findings };
}

export const isRefusal = (x: Opened | ActionResult): x is ActionResult => 'ok' in x;

/** How to format a tab that replaceTab finds missing or empty. */
export interface NewTab {
  readonly layout: Layout;
  /**
   * Given for one of many tabs of this layout (the request tabs): the most rows any of them
   * will have in this run. They are then made from one shared template.
   */
  readonly tallest?: number;
}

/**
 * Replaces a tab's content in one write: the new rows, padded with blanks over whatever the
 * old content covered, so nothing stale is left and no separate clear can be cut off half-way.
 * A missing or empty tab is formatted first with `fresh`, so a run cut off before its write
 * leaves a tab the next run formats again.
 */
export function replaceTab(wb: Workbook, sheet: string, rows: OutGrid, old: Grid | undefined, fresh?: NewTab): Extent {
  const height = Math.max(rows.length, old?.length ?? 0, 1);
  const width = Math.max(widest(rows), widest(old ?? []), 1);
  const extent = { rows: height, cols: width };
  if (old === undefined && fresh?.tallest !== undefined) wb.createFormatted(sheet, fresh.layout, extent, fresh.tallest);
  else {
    if (old === undefined) wb.createSheet(sheet);
    if (fresh && isBlankGrid(old)) wb.format(sheet, fresh.layout, extent);
  }
  const block: OutCell[][] = [];
  for (let r = 0; r < height; r++) {
    const src = rows[r] ?? [];
    block.push(Array.from({ length: width }, (_, c) => src[c] ?? ''));
  }
  wb.write(sheet, 1, 1, block);
  return extent;
}

/** Writes チェック結果: one row per finding, with a link that jumps to its cell. */
export function writeFindings(wb: Workbook, findings: readonly Finding[]): void {
  const sorted = sortFindings(findings, INPUT_TABS);
  const rows: OutGrid = [[...HEADERS.check]];
  for (const f of sorted) {
    const where = f.row !== undefined ? link(f.sheet, f.row, f.col ?? 1, cellLabel(f)) : '';
    rows.push([f.severity, f.sheet, where, f.message]);
  }
  if (sorted.length === 0) rows.push(['', '', '', A.noErrors()]);
  const old = wb.read(TAB.check);
  const extent = replaceTab(wb, TAB.check, rows, old, {
    layout: tableLayout(TAB.check),
  });
  // Long messages wrap in their column; the page is A4 landscape (one line of findings prints on one page).
  if (old === undefined || rows.length !== old.length)
    wb.format(TAB.check, { wrap: [{ row: 1, col: 4, numRows: extent.rows, numCols: 1 }], print: 'landscape' }, extent);
}

/** The alert text for a list of findings: the count and the first few, each with tab and cell. */
export function findingsSummary(findings: readonly Finding[], limit = 5): string {
  const sorted = sortFindings(findings, INPUT_TABS);
  const errors = sorted.filter((f) => f.severity === 'エラー').length;
  const warnings = sorted.length - errors;
  const head = `エラー ${errors}件、注意 ${warnings}件`;
  const lines = sorted.slice(0, limit).map(describe);
  const more = sorted.length > limit ? [A.moreInCheckTab(sorted.length - limit)] : [];
  return [head, ...lines, ...more].join('\n');
}

/**
 * Refuses someone who is not a 管理者 of 設定 (where any are listed and the workbook knows who
 * runs the action): they could not write the protected tabs anyway, and would be stopped half-way.
 */
export function refuseNonAdmin(wb: Workbook, admins: readonly string[], title: string): ActionResult | undefined {
  const runner = wb.runner();
  if (runner === undefined || admins.includes(runner)) return undefined;
  // The owner passes every protection anyway: refusing the owner would only lock the city out.
  const owner = wb.owner();
  if (owner === runner) return undefined;
  if (admins.length === 0) {
    // None listed: the owner only (a file on a shared drive has none; then whoever runs, as the check says).
    if (owner === undefined) return undefined;
    return { ok: false, title, message: M.onlyOwnerWithoutAdmins(runner, owner, title), findings: [] };
  }
  return {
    ok: false,
    title,
    message: A.notAdmin(runner, title),
    findings: [],
  };
}

/**
 * Protects every input and result tab for the 管理者 only (those already so protected are left
 * as they are). A tab another editor protected leaving the runner out stays theirs: the returned
 * note names it and who can mend it ('' when there is none), for the action's message.
 */
export function protectAdminTabs(wb: Workbook, admins: readonly string[]): string {
  const othersOwn = wb.protectForAdmins(ADMIN_TABS, admins);
  return othersOwn.length ? A.protectedByOthers(othersOwn, wb.owner()) : '';
}

/** A message with a note after it, where there is one. */
export const withNote = (message: string, note: string) => (note ? `${message}\n\n${note}` : message);

/** What a second person is told while someone else's action holds the lock. */
export function busy(action: string): ActionResult {
  return {
    ok: false,
    title: `${action}：実行できませんでした`,
    message: A.busy(action),
    findings: [],
  };
}

/** Runs a writing action under the document lock; a second person waits briefly, then is told. */
export function withLock(lock: Lock, action: string, run: () => ActionResult): ActionResult {
  if (!lock.tryLock(10_000)) return busy(action);
  try {
    return run();
  } finally {
    lock.release();
  }
}
