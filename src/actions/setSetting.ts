import { compact } from '../domain/core/cells';
import { readInputs } from '../domain/inputs/inputs';
import { locateTable } from '../domain/core/table';
import { HEADERS, SETTING, TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import type { ActionResult } from './shared/action';
import * as A from './shared/actionMessages';

/** The items of 設定 the tool reads: `set` accepts these only. */
export const SETTABLE_ITEMS: readonly string[] = Object.values(SETTING);

/** Sets one item of 設定 (対象年度, 回答期限 …), adding the row when it is not there. */
export function setSetting(wb: Workbook, item: string, value: string): ActionResult {
  const title = '設定の変更';
  const refuse = (message: string): ActionResult => ({ ok: false, title, message, findings: [] });
  const values = wb.read(TAB.settings);
  if (!values) return refuse(A.settingsTabMissing());
  const table = locateTable(TAB.settings, values, [], HEADERS.settings);
  if (!table) return refuse(A.settingsHeaderMissing());
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
  if (problems.length) return refuse(A.settingRefused(item, value, problems.map((f) => f.message).join(' ')));
  if (!found) wb.write(TAB.settings, row, table.columns.get('項目')!, [[item]]);
  wb.write(TAB.settings, row, table.columns.get('値')!, [[value]]);
  return { ok: true, title, message: A.settingSet(item, value), findings: [] };
}
