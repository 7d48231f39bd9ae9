import { tableLayout } from '../domain/core/catalogue';
import type { AnswerRecord } from '../domain/inputs/answers';
import { formatFiscalYear } from '../domain/core/fiscalYear';
import type { Summary } from '../domain/summary/summary';
import { committeeBlocks, type readCommitteeGrades } from '../domain/committee/committeeGrades';
import type { Grid } from '../domain/core/cells';
import type { Layout } from '../domain/core/layout';
import type { Grade } from '../domain/core/scales';
import { renderProjectList } from '../domain/summary/projectListTab';
import { renderSummary } from '../domain/summary/summaryTab';
import { HEADERS, TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import {
  type ActionResult,
  findingsSummary,
  protectAdminTabs,
  withNote,
  replaceTab,
  openAction,
  isRefusal,
} from './shared/action';
import { readSummaryAnswers, summaryData } from './shared/summaryData';
import * as A from './shared/actionMessages';

const TITLE = '評価サマリーを作成';

/**
 * Rebuilds 評価サマリー and 事業別一覧 from プラン, 体系, 回答, 指標 and 指標実績 for the
 * 対象年度 (the yearly report, yearlyReport, is built from the same summaryData).
 */
export function buildSummary(wb: Workbook, now = new Date()): ActionResult {
  let answers: AnswerRecord[] = [];
  const opened = openAction(wb, TITLE, A.summaryRefused(), (inputs, findings) => {
    answers = readSummaryAnswers(wb, inputs, findings);
  });
  if (isRefusal(opened)) return opened;
  const { inputs, settings, findings } = opened;
  const data = summaryData(wb, inputs, settings, answers, findings, now);
  const { summary, committeeValues, committeeTable: committee } = data;
  for (const [tab, { rows, layout }] of [
    [TAB.summary, renderSummary(summary, data.committee)],
    [TAB.projectList, renderProjectList(summary, inputs)],
  ] as const) {
    const old = wb.read(tab);
    wb.format(tab, layout, replaceTab(wb, tab, rows, old));
  }
  addCommitteeRows(wb, committeeValues, committee, summary, settings.committeeGrades);
  const note = protectAdminTabs(wb, inputs.admins);
  const made =
    summary.answerCount === 0
      ? A.summaryWithoutAnswers(formatFiscalYear(settings.year))
      : A.summaryMade(formatFiscalYear(settings.year), summary.projectCount, summary.answerCount);
  return {
    ok: true,
    title: TITLE,
    message: withNote(findings.length ? `${made}\n\n${findingsSummary(findings)}` : made, note),
    findings,
  };
}

/**
 * 委員会評価 gets a row for each 課題 of the year that has none, with the departments' grade
 * counts beside it for reference; what the committee typed (評価, 意見) is never written.
 */
function addCommitteeRows(
  wb: Workbook,
  values: Grid | undefined,
  committee: ReturnType<typeof readCommitteeGrades>,
  summary: Summary,
  scale: readonly Grade[],
): void {
  const issues = summary.byIssue.map((d) => ({
    key: d.key,
    name: d.name,
    counts: [...summary.gradeCodes, '未回答'].map((c) => `${c} ${d.counts[c] ?? 0}`).join('・'),
  }));
  if (values !== undefined && !committee.table) return; // a broken header row: the check says so
  const { rows, blocks } = committeeBlocks(values, committee.table, committee.grades, issues, summary.year);
  // 評価 is a dropdown of the committee's scale down to the last row, set before the rows it
  // covers are written: a run cut off in between leaves rows still to add, and the next run sets it.
  const col = committee.table?.columns.get('評価') ?? HEADERS.committee.indexOf('評価') + 1;
  const dropdown = (last: number): Layout => ({
    validations: [
      {
        range: { row: 2, col, numRows: Math.max(last - 1, 1), numCols: 1 },
        rule: { kind: 'list', values: scale.map((g) => g.code) },
        help: A.committeeGradeHelp(scale),
      },
    ],
  });
  if (rows) {
    // A new tab: formatted with its dropdown, then written (replaceTab).
    replaceTab(wb, TAB.committee, rows, values, {
      layout: { ...tableLayout(TAB.committee), ...dropdown(rows.length) },
    });
    return;
  }
  const added = blocks.filter((b) => b.row > (values?.length ?? 0));
  if (added.length) {
    const last = Math.max(values?.length ?? 0, ...added.map((b) => b.row + b.values.length - 1));
    wb.format(TAB.committee, dropdown(last), {
      rows: last,
      cols: Math.max(col, ...(values ?? []).map((r) => r.length)),
    });
  }
  for (const b of blocks) wb.write(TAB.committee, b.row, b.col, b.values);
}
