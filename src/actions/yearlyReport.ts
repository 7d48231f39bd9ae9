import { hasErrors } from '../domain/core/findings';
import { type ReportModel, buildReport } from '../domain/report/reportModel';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, findingsSummary } from './shared/action';
import { readSummaryAnswers, summaryData } from './shared/summaryData';
import * as A from './shared/actionMessages';

const TITLE = '報告書（印刷・公開用）';

/** The report, or why there is none (with the input's errors, tab and cell). */
export type ReportOutcome = { readonly ok: true; readonly model: ReportModel } | ActionResult;

/**
 * The yearly report of the 対象年度, from the same tabs and counts as 評価サマリー. Reads only:
 * nothing is written, not even チェック結果 (the check and the summary do that).
 */
export function yearlyReport(wb: Workbook, now = new Date()): ReportOutcome {
  const { inputs, findings } = checkInputs(wb);
  const answers = readSummaryAnswers(wb, inputs, findings);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings)
    return {
      ok: false,
      title: TITLE,
      message: `${A.reportRefused()}\n\n${findingsSummary(findings)}`,
      findings,
    };
  const data = summaryData(wb, inputs, settings, answers, findings, now);
  return {
    ok: true,
    model: buildReport({
      summary: data.summary,
      committee: data.committee,
      committeeGrades: data.committeeGrades,
      inputs,
      scale: settings.scales.grades,
      committeeScale: settings.committeeGrades,
      deadline: settings.deadline,
    }),
  };
}
