/** Finding an input tab's table, with the messages every reader shares. */
import { type Finding, warning, tabError } from './findings';
import { type Table, locateTable } from './table';
import { TAB } from './tabs';
import { type TabValues } from './inputModel';

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
    findings.push(
      tabError(
        sheet,
        `シート「${sheet}」がありません。メニューの「初期設定（シートを用意）」で作成し、内容を入力してください。シート名を変えた場合は「${sheet}」に戻してください。`,
      ),
    );
    return undefined;
  }
  const table = locateTable(sheet, values, findings, required, optional);
  if (table && table.rows.length === 0 && MUST_HAVE_ROWS.has(sheet)) {
    findings.push(
      warning(
        sheet,
        table.headerRow + 1,
        1,
        `「${sheet}」にまだ何も入力されていません。${table.headerRow + 1}行目から1行に1件ずつ入力してください。`,
      ),
    );
  }
  return table;
}
