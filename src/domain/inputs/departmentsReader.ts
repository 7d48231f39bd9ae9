/** Reads 所管課: each department, its 別名, its editors and whether 関係各課 includes it. */
import { norm } from '../core/cells';
import { type Department, DepartmentDirectory, departmentKey, splitList } from '../core/departments';
import { type Finding, error } from '../core/findings';
import { flag, text } from '../core/schemas';
import { cell, parseRow, rule } from '../core/table';
import { TAB } from '../core/tabs';
import { type TabValues } from './inputModel';
import { tableOf, EMAIL } from './inputTable';
import * as M from './inputMessages';

export function readDepartments(tabs: TabValues, findings: Finding[]): DepartmentDirectory {
  const sheet = TAB.departments;
  const table = tableOf(tabs, sheet, ['所管課'], findings, ['別名', '編集者', '関係各課']);
  const departments: Department[] = [];
  if (!table) return new DepartmentDirectory(departments);
  const owner = new Map<string, { name: string; row: number; col: number }>();
  const rules = { name: rule('所管課', text('所管課')), concerned: rule('関係各課', flag('関係各課'), false) };
  for (const row of table.rows) {
    const { value, ok } = parseRow(table, row, rules, findings);
    if (!ok || !value.name) continue;
    const aliases = splitList(cell(table, row, '別名'));
    const editors = splitList(cell(table, row, '編集者'), /[,，、;\s]+/);
    for (const e of editors) {
      if (!EMAIL.test(norm(e))) {
        findings.push(error(sheet, row.row, table.columns.get('編集者'), M.say.editorNotEmail(e)));
      }
    }
    for (const [text, col] of [
      [value.name, table.columns.get('所管課')!],
      ...aliases.map((a) => [a, table.columns.get('別名')!] as const),
    ] as const) {
      const key = departmentKey(text);
      const prior = owner.get(key);
      if (prior && prior.name !== value.name) {
        findings.push(error(sheet, row.row, col, M.say.nameUsedTwice(text, prior.row, prior.name)));
      } else if (prior && prior.row !== row.row) {
        findings.push(error(sheet, row.row, col, M.say.departmentTwice(value.name, prior.row)));
      } else if (!prior) owner.set(key, { name: value.name, row: row.row, col });
    }
    departments.push({
      name: value.name,
      aliases,
      editors: editors.map((e) => norm(e)),
      concerned: value.concerned === true,
      row: row.row,
      editorsCol: table.columns.get('編集者'),
    });
  }
  return new DepartmentDirectory(departments);
}
