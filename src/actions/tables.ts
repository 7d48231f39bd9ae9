import { type Grid, compact } from '../domain/cells';
import { locateTable } from '../domain/table';
import { HEADERS, TAB } from '../domain/tabs';
import type { Workbook } from '../port';
import { type ActionResult, replaceTab } from './common';
import { setupSheets } from './setup';

/** Input tabs a table file may fill, with the headers each must carry. */
const IMPORTABLE: Record<string, readonly string[]> = {
  [TAB.plan]: HEADERS.plan,
  [TAB.structure]: HEADERS.structure,
  [TAB.indicators]: HEADERS.indicators,
  [TAB.indicatorResults]: HEADERS.indicatorResults,
  [TAB.departments]: HEADERS.departments.slice(0, 1),
  [TAB.settings]: HEADERS.settings,
};

export const IMPORTABLE_TABS = Object.keys(IMPORTABLE);

/**
 * Replaces an input tab with a table read from a file (the plan as the city keeps it).
 * The table is refused, and nothing written, when a required header is missing.
 */
export function importTable(wb: Workbook, tab: string, rows: Grid, fileLabel: string): ActionResult {
  const title = `「${tab}」の読み込み`;
  const required = IMPORTABLE[tab];
  if (!required) return { ok: false, title, message: `「${tab}」は読み込めるシートではありません（${IMPORTABLE_TABS.join('、')}）。`, findings: [] };
  const { table, findings } = locateTable(tab, rows, required);
  if (!table || findings.length) {
    return { ok: false, title, message: `${fileLabel} の見出し行に ${required.join('、')} が必要です。${findings.map((f) => f.message).join(' ')}`, findings: [] };
  }
  if (!wb.sheetNames().includes(tab)) setupSheets(wb);
  replaceTab(wb, tab, rows, wb.read(tab));
  return { ok: true, title, message: `${fileLabel} から「${tab}」に ${table.rows.length}行を読み込みました。`, findings: [] };
}

/** Sets one item of 設定 (対象年度, 回答期限 …), adding the row when it is not there. */
export function setSetting(wb: Workbook, item: string, value: string): ActionResult {
  const title = '設定の変更';
  const values = wb.read(TAB.settings);
  if (!values) return { ok: false, title, message: `「${TAB.settings}」シートがありません。先に初期設定（init）を実行してください。`, findings: [] };
  const { table } = locateTable(TAB.settings, values, HEADERS.settings);
  if (!table) return { ok: false, title, message: `「${TAB.settings}」シートの見出し行（項目、値）が見つかりません。`, findings: [] };
  const key = compact(item);
  const found = table.rows.find((r) => compact(r.values[table.columns.get('項目')! - 1]) === key);
  const row = found?.row ?? Math.max(values.length, table.headerRow) + 1;
  if (!found) wb.write(TAB.settings, row, table.columns.get('項目')!, [[item]]);
  wb.write(TAB.settings, row, table.columns.get('値')!, [[value]]);
  return { ok: true, title, message: `「${TAB.settings}」の ${item} を「${value}」にしました。`, findings: [] };
}
