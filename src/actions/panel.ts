import { type PanelState, panelState } from '../domain/panel/panel';
import { readIndex } from '../domain/requests/requestIndex';
import { TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, refuseNonAdmin } from './shared/action';

const TITLE = '操作パネル';

/**
 * What the control panel shows, read in one pass (the input tabs, 調査シート一覧 and チェック結果);
 * writes nothing. Refuses someone who is not a 管理者, as the menu does.
 */
export function readPanel(wb: Workbook, today = new Date()): ActionResult | { ok: true; state: PanelState } {
  const { inputs } = checkInputs(wb);
  const refused = refuseNonAdmin(wb, inputs.admins, TITLE);
  if (refused) return refused;
  const withProjects = new Set(inputs.projects.flatMap((p) => p.departments));
  const state = panelState({
    sheetNames: wb.sheetNames(),
    year: inputs.settings?.year,
    deadline: inputs.settings?.deadline,
    departments: inputs.directory.departments.filter((d) => withProjects.has(d)).map((d) => d.name),
    index: readIndex(wb.read(TAB.requestIndex)),
    check: wb.read(TAB.check, 'typed'),
    today,
  });
  return { ok: true, state };
}
