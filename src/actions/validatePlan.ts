import { readCommitteeGrades } from '../domain/committee/committeeGrades';
import { hasErrors } from '../domain/core/findings';
import { TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, findingsSummary, refuseNonAdmin, writeFindings } from './shared/action';
import { requestWarnings } from './shared/requestWarnings';
import * as A from './shared/actionMessages';

/** Checks every input tab and writes チェック結果; writes nothing else. */
export function validatePlan(wb: Workbook): ActionResult {
  const { inputs, findings } = checkInputs(wb);
  const notAdmin = refuseNonAdmin(wb, inputs.admins, 'プランの入力チェック');
  if (notAdmin) return notAdmin;
  const all = [...findings, ...requestWarnings(inputs)];
  // The committee's grades are checked against its scale too (委員会評価 is typed by hand).
  if (inputs.settings) readCommitteeGrades(wb.read(TAB.committee), inputs.settings.committeeGrades, all);
  writeFindings(wb, all);
  if (all.length === 0) {
    return {
      ok: true,
      title: 'プランの入力チェック',
      message: A.checkClean(inputs.projects.length, inputs.directory.departments.length),
      findings: all,
    };
  }
  const ok = !hasErrors(all);
  return {
    ok,
    title: 'プランの入力チェック',
    message: `${findingsSummary(all)}\n\n${A.seeCheckTab()}`,
    findings: all,
  };
}
