import { type Cell, type Grid, compact } from '../domain/cells';
import { parseFiscalYear } from '../domain/fiscalYear';
import { readInputs } from '../domain/inputs';
import type { Finding } from '../domain/findings';
import { type Table, type TableRow, locateTable } from '../domain/table';
import { HEADERS, SETTING, TAB } from '../domain/tabs';
import type { Workbook } from '../port';
import { type ActionResult, replaceTab } from './common';
import { createBlankTabs } from './shared/blankTabs';

/** Input tabs a table file may fill, with the headers each must carry. */
const IMPORTABLE: Record<string, readonly string[]> = {
  [TAB.plan]: HEADERS.plan,
  [TAB.structure]: HEADERS.structure,
  [TAB.indicators]: HEADERS.indicators,
  [TAB.indicatorResults]: HEADERS.indicatorResults,
  [TAB.departments]: HEADERS.departments.slice(0, 1),
  [TAB.settings]: HEADERS.settings,
  [TAB.recommendations]: HEADERS.recommendations,
  [TAB.committee]: HEADERS.committee,
};

export const IMPORTABLE_TABS = Object.keys(IMPORTABLE);

/**
 * Replaces an input tab with a table read from a file (the plan as the city keeps it).
 * The table is refused, and nothing written, when a required header is missing.
 */
export function importTable(wb: Workbook, tab: string, rows: Grid, fileLabel: string): ActionResult {
  const title = `「${tab}」の読み込み`;
  const required = IMPORTABLE[tab];
  if (!required)
    return {
      ok: false,
      title,
      message: `「${tab}」は読み込めるシートではありません（${IMPORTABLE_TABS.join('、')}）。`,
      findings: [],
    };
  const findings: Finding[] = [];
  const table = locateTable(tab, rows, findings, required);
  if (!table?.complete) {
    return {
      ok: false,
      title,
      message: `${fileLabel} の見出し行に ${required.join('、')} が必要です。${findings.map((f) => f.message).join(' ')}`,
      findings: [],
    };
  }
  if (!wb.sheetNames().includes(tab)) createBlankTabs(wb, new Set(wb.sheetNames()));
  const old = wb.read(tab);
  replaceTab(wb, tab, MERGED_BY_KEY[tab] ? mergeByKey(tab, old, table) : rows, old);
  return {
    ok: true,
    title,
    message: `${fileLabel} から「${tab}」に ${table.rows.length}行を読み込みました。`,
    findings: [],
  };
}

/**
 * Tabs a file updates row by row instead of replacing: each row of the file replaces the row
 * with the same key, new keys are added at the end, rows the file does not name stay as they are.
 * 設定 is a list of items; 委員会評価 holds every year's grades, and the tool's reference columns.
 */
const MERGED_BY_KEY: Record<string, { keys: readonly string[]; values: readonly string[] }> = {
  [TAB.settings]: { keys: ['項目'], values: ['値'] },
  [TAB.committee]: { keys: ['年度', '目標', '課題'], values: ['評価', '意見'] },
};

function mergeByKey(tab: string, old: Grid | undefined, incoming: Table): Grid {
  const { keys, values } = MERGED_BY_KEY[tab];
  const headers = [...keys, ...values];
  const value = (t: Table, r: TableRow, h: string) => r.values[(t.columns.get(h) ?? 0) - 1] ?? '';
  const part = (t: Table, r: TableRow, h: string) =>
    h === '年度' ? String(parseFiscalYear(value(t, r, h)) ?? compact(value(t, r, h))) : compact(value(t, r, h));
  const keyOf = (t: Table, r: TableRow) => keys.map((h) => part(t, r, h)).join('|');
  const fromFile = new Map(incoming.rows.map((r) => [keyOf(incoming, r), r]));
  const current = old && locateTable(tab, old, [], headers);
  if (!current) return [[...headers], ...incoming.rows.map((r) => headers.map((h) => value(incoming, r, h)))];
  const out: Grid = old.map((line) => [...line]);
  for (const r of current.rows) {
    const key = keyOf(current, r);
    const from = fromFile.get(key);
    if (!from) continue;
    for (const h of values) out[r.row - 1][current.columns.get(h)! - 1] = value(incoming, from, h);
    fromFile.delete(key);
  }
  for (const r of fromFile.values()) {
    const line = Array<Cell>(Math.max(...current.columns.values())).fill('');
    for (const h of headers) line[current.columns.get(h)! - 1] = value(incoming, r, h);
    out.push(line);
  }
  return out;
}

/** The items of 設定 the tool reads: `set` accepts these only. */
export const SETTABLE_ITEMS: readonly string[] = Object.values(SETTING);

/** Sets one item of 設定 (対象年度, 回答期限 …), adding the row when it is not there. */
export function setSetting(wb: Workbook, item: string, value: string): ActionResult {
  const title = '設定の変更';
  const values = wb.read(TAB.settings);
  if (!values)
    return {
      ok: false,
      title,
      message: `「${TAB.settings}」シートがありません。先に初期設定（init）を実行してください。`,
      findings: [],
    };
  const table = locateTable(TAB.settings, values, [], HEADERS.settings);
  if (!table)
    return {
      ok: false,
      title,
      message: `「${TAB.settings}」シートの見出し行（項目、値）が見つかりません。`,
      findings: [],
    };
  const key = compact(item);
  const found = table.rows.find((r) => compact(r.values[table.columns.get('項目')! - 1]) === key);
  const row = found?.row ?? Math.max(values.length, table.headerRow) + 1;
  // The value is checked as the check would: a year that is no year is refused, nothing written.
  const trial = values.map((line) => [...line]);
  while (trial.length < row) trial.push([]);
  trial[row - 1][table.columns.get('項目')! - 1] = item;
  trial[row - 1][table.columns.get('値')! - 1] = value;
  const problems = readInputs({ [TAB.settings]: trial }).findings.filter(
    (f) => f.sheet === TAB.settings && f.row === row && f.severity === 'エラー',
  );
  if (problems.length)
    return {
      ok: false,
      title,
      message: `${item} を「${value}」にできません。${problems.map((f) => f.message).join(' ')}\n「${TAB.settings}」は変更していません。`,
      findings: [],
    };
  if (!found) wb.write(TAB.settings, row, table.columns.get('項目')!, [[item]]);
  wb.write(TAB.settings, row, table.columns.get('値')!, [[value]]);
  return { ok: true, title, message: `「${TAB.settings}」の ${item} を「${value}」にしました。`, findings: [] };
}
