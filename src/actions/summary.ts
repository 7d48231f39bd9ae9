import { byCurrentDepartment, readAnswers } from '../domain/answers';
import { hasErrors } from '../domain/findings';
import { formatFiscalYear } from '../domain/fiscalYear';
import { summarise } from '../domain/summary';
import { renderProjectList } from '../domain/projectListTab';
import { renderSummary } from '../domain/summaryTab';
import { TAB } from '../domain/tabs';
import type { Workbook } from '../port';
import {
  type ActionResult,
  checkInputs,
  findingsSummary,
  protectAdminTabs,
  refuseNonAdmin,
  replaceTab,
  writeFindings,
} from './common';

const TITLE = '評価サマリーを作成';

/**
 * Rebuilds 評価サマリー and 事業別一覧 from プラン, 体系, 回答, 指標 and 指標実績 for the
 * 対象年度. `into` another workbook: the two reports only, the book left as it is (the
 * command line's report to PDF).
 */
export function buildSummary(wb: Workbook, now = new Date(), into: Workbook = wb): ActionResult {
  const { inputs, findings } = checkInputs(wb);
  const notAdmin = refuseNonAdmin(wb, inputs.admins, TITLE);
  if (notAdmin) return notAdmin;
  // Answers merged under a department's old name count once, as the department's.
  const answers = byCurrentDepartment(readAnswers(wb.read(TAB.answers), findings), inputs.directory);
  findings.push(...answers.findings);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings) {
    writeFindings(wb, findings);
    return {
      ok: false,
      title: TITLE,
      message: `入力にエラーがあるため、評価サマリーは作成していません。\n\n${findingsSummary(findings)}`,
      findings,
    };
  }
  const summary = summarise(inputs, settings, answers.records, now);
  for (const [tab, { rows, layout }] of [
    [TAB.summary, renderSummary(summary)],
    [TAB.projectList, renderProjectList(summary, inputs)],
  ] as const) {
    const old = into.read(tab);
    into.format(tab, layout, replaceTab(into, tab, rows, old));
  }
  if (into === wb) protectAdminTabs(wb, inputs.admins);
  const message =
    summary.answerCount === 0
      ? `${formatFiscalYear(settings.year)}の回答はまだないため、回答状況と成果指標だけの評価サマリーを作成しました。`
      : `${formatFiscalYear(settings.year)}の評価サマリーを作成しました（事業 ${summary.projectCount}件、回答 ${summary.answerCount}件）` +
        `。「${TAB.summary}」と「${TAB.projectList}」シートを見てください。`;
  return {
    ok: true,
    title: TITLE,
    message: findings.length ? `${message}\n\n${findingsSummary(findings)}` : message,
    findings,
  };
}
