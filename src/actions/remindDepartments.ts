import { hasErrors } from '../domain/core/findings';
import { formatFiscalYear } from '../domain/core/fiscalYear';
import { type Reminder, daysLeft, reminders } from '../domain/requests/remind';
import { daysLeftText } from '../domain/requests/reminderMessages';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, findingsSummary } from './shared/action';
import { requestTabsOf } from './shared/requestTabs';
import * as A from './shared/actionMessages';

const TITLE = '未回答の課への連絡';

/**
 * The departments that have not finished their request tab for the 対象年度, with a ready
 * e-mail each. Reads only: it writes nothing and sends nothing.
 */
export function remindDepartments(
  wb: Workbook,
  today = new Date(),
  whereIs: (sheet: string) => string = (sheet) => wb.tabLink(sheet) ?? `シート「${sheet}」`,
): ActionResult & { readonly reminders: readonly Reminder[] } {
  const { inputs, findings } = checkInputs(wb);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings)
    return {
      ok: false,
      title: TITLE,
      message: `${A.remindRefused()}\n\n${findingsSummary(findings)}`,
      findings,
      reminders: [],
    };
  // Values, not formulas: whether a cell holds an answer is all a reminder asks (one call a tab).
  const { owned } = requestTabsOf(wb, inputs, undefined, undefined, 'values');
  const list = reminders({
    planName: settings.planName,
    year: settings.year,
    deadline: settings.deadline,
    today,
    tabs: [...owned].map(([department, tab]) => ({ department, tab })),
    projects: inputs.projects,
    whereIs,
  });
  const when = daysLeftText(daysLeft(today, settings.deadline));
  const message =
    owned.size === 0
      ? A.noRequestTabs()
      : list.length === 0
        ? A.allAnswered(formatFiscalYear(settings.year), when)
        : `${A.notYetAnswered(formatFiscalYear(settings.year), list.length, when)}\n` +
          list
            .map(
              (r) =>
                `・${r.department}：${r.status}（${r.answered}/${r.total}事業）` +
                (r.missingReplies.length ? `、提言への対応 ${r.missingReplies.length}件` : '') +
                (r.editors.length ? `　${r.editors.join(', ')}` : '　編集者が未登録'),
            )
            .join('\n');
  return { ok: true, title: TITLE, message, findings: [], reminders: list };
}
