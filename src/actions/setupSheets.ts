import { TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, protectAdminTabs, refuseNonAdmin, withNote } from './shared/action';
import { createBlankTabs } from './shared/blankTabs';
import * as A from './shared/actionMessages';

/**
 * Creates every missing tab with its header row; a tab that exists is not touched, unless it
 * is empty (as a run cut off between creating and writing it leaves it).
 */
export function setupSheets(wb: Workbook): ActionResult {
  const existing = new Set(wb.sheetNames());
  const admins = existing.has(TAB.settings) ? checkInputs(wb).inputs.admins : [];
  const notAdmin = refuseNonAdmin(wb, admins, '初期設定');
  if (notAdmin) return notAdmin;
  const created = createBlankTabs(wb, existing);
  // Every input and result tab, new or not, is for the 管理者 only.
  const note = protectAdminTabs(wb, existing.has(TAB.settings) ? admins : checkInputs(wb).inputs.admins);
  const message = withNote(created.length ? A.tabsMade(created) : A.tabsAllThere(), note);
  return { ok: true, title: '初期設定', message, findings: [] };
}
