import { type Cell, type Grid, compact } from '../domain/core/cells';
import { parseFiscalYear } from '../domain/core/fiscalYear';
import type { Finding } from '../domain/core/findings';
import { type Table, type TableRow, locateTable } from '../domain/core/table';
import { HEADERS, TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import { type ActionResult, replaceTab } from './shared/action';
import { createBlankTabs } from './shared/blankTabs';
import * as A from './shared/actionMessages';

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

export interface ImportMode {
  /** Rows the file does not name are removed (and listed); otherwise they stay. */
  readonly replace?: boolean;
  /** Says what would change and writes nothing. */
  readonly dryRun?: boolean;
}

/**
 * Reads a table from a file into an input tab (DESIGN "Corrections"): each row replaces the row
 * with the same key, new keys are added at the end, and rows the file does not name stay, unless
 * `replace` is asked, which lists what goes. The table is refused, and nothing written, when a
 * required header is missing.
 */
export function importTable(
  wb: Workbook,
  tab: string,
  rows: Grid,
  fileLabel: string,
  mode: ImportMode = {},
): ActionResult {
  const title = `「${tab}」の読み込み`;
  const required = IMPORTABLE[tab];
  if (!required)
    return {
      ok: false,
      title,
      message: A.notImportable(tab, IMPORTABLE_TABS),
      findings: [],
    };
  const findings: Finding[] = [];
  const table = locateTable(tab, rows, findings, required);
  if (!table?.complete) {
    return {
      ok: false,
      title,
      message: A.headersRequired(fileLabel, required, findings.map((f) => f.message).join(' ')),
      findings: [],
    };
  }
  const old = wb.sheetNames().includes(tab) ? wb.read(tab) : undefined;
  const merged = mergeByKey(tab, old, rows, mode.replace === true);
  if (!mode.dryRun) {
    // A missing tab is made with its header row first (and read as made); an existing one was read above.
    if (old === undefined) createBlankTabs(wb, new Set(wb.sheetNames()));
    replaceTab(wb, tab, merged.grid, old ?? wb.read(tab));
  }
  return { ok: true, title, message: importMessage(tab, fileLabel, merged, mode), findings: [] };
}

function importMessage(tab: string, fileLabel: string, m: ReturnType<typeof mergeByKey>, mode: ImportMode): string {
  const lines = [
    `${mode.dryRun ? '【試しに実行：何も書き換えていません】\n' : ''}` +
      `${fileLabel} を「${tab}」に${mode.dryRun ? '読み込むと' : '読み込みました'}：` +
      A.importCounts(m.added.length, m.updated.length, m.same),
    m.added.length ? `追加：${listed(m.added)}` : '',
    m.updated.length ? `更新：${listed(m.updated)}` : '',
    m.absent.length
      ? mode.replace
        ? `ファイルにない ${m.absent.length}行を${mode.dryRun ? '消します' : '消しました'}：${listed(m.absent)}`
        : A.absentKept(m.absent.length, listed(m.absent))
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}

const listed = (keys: readonly string[]) =>
  keys.slice(0, 10).join('、') + (keys.length > 10 ? ` ほか ${keys.length - 10}行` : '');

/**
 * The key of each importable tab: a row of the file replaces the row with the same key. The
 * key's parts are compared as written (full-width digits, spaces and 年度 forms aside).
 */
const KEYS: Record<string, readonly string[]> = {
  [TAB.plan]: ['目標', '課題', '施策', '事業'],
  [TAB.structure]: ['区分', '目標', '課題', '施策'],
  [TAB.indicators]: ['番号'],
  [TAB.indicatorResults]: ['番号', '年度'],
  [TAB.departments]: ['所管課'],
  [TAB.settings]: ['項目'],
  [TAB.recommendations]: ['番号'],
  [TAB.committee]: ['年度', '目標', '課題'],
};

const cellOf = (t: Table, r: TableRow, h: string): Cell => {
  const c = t.columns.get(h);
  return c === undefined ? '' : (r.values[c - 1] ?? '');
};

/** A table with every column of its header row (located by `keys`), not only the known ones. */
function wideTable(tab: string, grid: Grid, keys: readonly string[]): Table | undefined {
  const located = locateTable(tab, grid, [], keys);
  if (!located) return undefined;
  const names = (grid[located.headerRow - 1] ?? []).map((v) => String(v ?? '').trim()).filter((v) => v !== '');
  return locateTable(tab, grid, [], keys, names);
}

function mergeByKey(tab: string, old: Grid | undefined, file: Grid, replace: boolean) {
  const keys = KEYS[tab];
  const incoming = wideTable(tab, file, keys)!;
  const part = (t: Table, r: TableRow, h: string) =>
    h === '年度' ? String(parseFiscalYear(cellOf(t, r, h)) ?? compact(cellOf(t, r, h))) : compact(cellOf(t, r, h));
  const keyOf = (t: Table, r: TableRow) => keys.map((h) => part(t, r, h)).join('-');
  const current = old && wideTable(tab, old, keys);
  // Every column of the file, and of the tab: a column only one of them has is kept.
  const headers = [...(current ? current.columns.keys() : []), ...incoming.columns.keys()].filter(
    (h, i, all) => all.indexOf(h) === i,
  );
  const lineOf = (t: Table, r: TableRow) => headers.map((h) => (t.columns.has(h) ? cellOf(t, r, h) : ''));
  const fromFile = new Map(incoming.rows.map((r) => [keyOf(incoming, r), r]));
  const out: Grid = [[...headers]];
  const added: string[] = [];
  const updated: string[] = [];
  const absent: string[] = [];
  let same = 0;
  for (const r of current ? current.rows : []) {
    const key = keyOf(current!, r);
    const from = fromFile.get(key);
    if (!from) {
      absent.push(key);
      if (!replace) out.push(headers.map((h) => cellOf(current!, r, h)));
      continue;
    }
    // A column the file does not have keeps the tab's value.
    const line = headers.map((h) => (incoming.columns.has(h) ? cellOf(incoming, from, h) : cellOf(current!, r, h)));
    const before = headers.map((h) => cellOf(current!, r, h));
    if (line.every((v, i) => compact(v) === compact(before[i]))) same++;
    else updated.push(key);
    out.push(line);
    fromFile.delete(key);
  }
  for (const [key, r] of fromFile) {
    added.push(key);
    out.push(lineOf(incoming, r));
  }
  return { grid: out, added, updated, absent, same };
}
