/** Finding an input tab's table, with the messages every reader shares. */
import { type Finding, warning, tabError } from '../core/findings';
import { type Table, locateTable } from '../core/table';
import { TAB } from '../core/tabs';
import { type TabValues } from './inputModel';
import * as M from './inputMessages';

/** An e-mail address as the check accepts it (editors, 管理者). */
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Tabs without which there is nothing to survey: an empty one is worth a 注意. */
const MUST_HAVE_ROWS = new Set<string>([TAB.plan, TAB.structure, TAB.departments]);

export function tableOf(
  tabs: TabValues,
  sheet: string,
  required: readonly string[],
  findings: Finding[],
  optional: readonly string[] = [],
): Table | undefined {
  const values = tabs[sheet];
  if (values === undefined) {
    findings.push(tabError(sheet, M.say.tabMissing(sheet)));
    return undefined;
  }
  const table = locateTable(sheet, values, findings, required, optional);
  if (table && table.rows.length === 0 && MUST_HAVE_ROWS.has(sheet)) {
    findings.push(warning(sheet, table.headerRow + 1, 1, M.say.tabEmpty(sheet, table.headerRow + 1)));
  }
  return table;
}
