import { readAnswers } from '../domain/inputs/answers';
import { readReplies } from '../domain/committee/replies';
import { formatDateTime } from '../domain/core/cells';
import { type Finding, hasErrors } from '../domain/core/findings';
import { formatFiscalYear } from '../domain/core/fiscalYear';
import { type MergeResult, mergeAnswers } from '../domain/answers/merge';
import * as mergeMessages from '../domain/answers/mergeMessages';
import { entriesAfterMerge, indexRows } from '../domain/requests/requestIndex';
import { HEADERS, TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import {
  type ActionResult,
  findingsSummary,
  protectAdminTabs,
  withNote,
  replaceTab,
  writeFindings,
  openAction,
  isRefusal,
} from './shared/action';
import { refusedTabFinding, requestTabsOf } from './shared/requestTabs';
import * as A from './shared/actionMessages';

const TITLE = '回答を取り込む';

/**
 * Checks every request tab and upserts the answers into 回答. Each department is merged whole
 * or not at all. 回答, the record of truth, is written last.
 */
export function mergeResponses(wb: Workbook, now = new Date()): ActionResult {
  const opened = openAction(wb, TITLE, A.mergeRefused());
  if (isRefusal(opened)) return opened;
  const { inputs, settings, findings } = opened;
  const indexValues = wb.read(TAB.requestIndex);
  const { index: oldIndex, ids, owned, refused } = requestTabsOf(wb, inputs, indexValues);
  // A tab that is no department's recorded tab is never merged, whatever its heading says.
  const refusals = refused.map((r) => refusedTabFinding(r.tab, r.department, 'error'));
  const tabs = [...owned].map(([department, tab]) => ({ department, tab }));
  let answerValues = wb.read(TAB.answers);
  if (!answerValues) {
    answerValues = [[...HEADERS.answers]];
    replaceTab(wb, TAB.answers, answerValues, undefined, { layout: { frozenRows: 1, headerRows: [1] } });
  }
  const answers = readAnswers(answerValues, findings);
  if (!answers.table || hasErrors(findings)) {
    writeFindings(wb, findings);
    return {
      ok: false,
      title: TITLE,
      message: `${mergeMessages.answersTabHeader()}\n\n${findingsSummary(findings)}`,
      findings,
    };
  }
  // An older spreadsheet has no 提言への対応: it is made when there is a reply to write into it.
  const replyTab = wb.read(TAB.replies);
  const replyValues = replyTab ?? [[...HEADERS.replies]];
  const replies = readReplies(replyValues, inputs.directory, findings);
  const result = mergeAnswers({
    settings,
    projects: inputs.projects,
    directory: inputs.directory,
    tabs,
    answers,
    answerValues,
    now,
    recommendations: inputs.recommendations,
    replies: replies.table ? replies : undefined,
    replyValues,
  });
  const all = [...findings, ...refusals, ...result.findings];
  writeFindings(wb, all);

  const entries = entriesAfterMerge(result.outcomes, oldIndex, ids, settings.year, now);
  replaceTab(wb, TAB.requestIndex, indexRows(entries), indexValues);
  if (!replyTab && result.replyBlocks.length)
    replaceTab(wb, TAB.replies, replyValues, undefined, { layout: { frozenRows: 1, headerRows: [1] } });
  for (const b of result.replyBlocks) wb.write(TAB.replies, b.row, b.col, b.values);
  for (const b of result.blocks) wb.write(TAB.answers, b.row, b.col, b.values);
  const note = protectAdminTabs(wb, inputs.admins);

  const unread = [...refused.map((r) => r.tab.sheet), ...result.unreadSheets];
  return {
    ok: !hasErrors(all),
    title: TITLE,
    message: withNote(mergeMessage(settings.year, now, result, unread, all), note),
    findings: all,
  };
}

/** Each updated row as 「・職員課 4-1-2-3：自己評価 B → A」, the first 10. */
function changeLines(outcomes: MergeResult['outcomes']): string {
  const all = outcomes.flatMap((o) => o.changes.map((c) => `・${o.department} ${c}`));
  return all.slice(0, 10).join('\n') + (all.length > 10 ? `\n・ほか ${all.length - 10}行` : '');
}

function mergeMessage(
  year: number,
  now: Date,
  result: MergeResult,
  unread: readonly string[],
  all: readonly Finding[],
): string {
  const skipped = result.outcomes.filter((o) => !o.merged);
  const added = result.outcomes.reduce((n, o) => n + o.added, 0);
  const updated = result.outcomes.reduce((n, o) => n + o.updated, 0);
  const replied = result.outcomes.reduce((n, o) => n + o.replies, 0);
  const lines = [
    A.merged(formatFiscalYear(year), formatDateTime(now), added, updated),
    added + updated === 0 ? A.nothingChanged() : '',
    updated ? `前回から変わった回答：\n${changeLines(result.outcomes)}` : '',
    replied ? A.repliesMerged(replied) : '',
    '\n所管課ごとの回答状況：',
    ...result.outcomes.map(
      (o) =>
        `・${o.department}：${o.status}（${o.answered}/${o.total}事業）${o.merged ? '' : ' ← エラーのため取り込んでいません'}`,
    ),
    skipped.length ? `\n${A.departmentsNotMerged(skipped.map((o) => o.department))}` : '',
    unread.length ? `\n${A.sheetsNotRead(unread)}` : '',
    result.outcomes.length === 0 ? A.noRequestTabs() : '',
    all.length ? `\n${findingsSummary(all)}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}
