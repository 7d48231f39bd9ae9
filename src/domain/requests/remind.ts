/**
 * Reminders before the deadline: which departments have not finished their request tab, what
 * is missing, and a ready e-mail for each (the tool sends nothing itself).
 */
import { formatDate, isBlank } from '../core/cells';
import type { Department } from '../core/departments';
import { formatFiscalYear } from '../core/fiscalYear';
import type { Project } from '../inputs/inputs';
import type { RequestTabContent } from './requestTab';
import { openReplyNumbers } from './requestIndex';

export interface Reminder {
  readonly department: string;
  readonly sheet: string;
  readonly status: '未回答' | '回答中';
  readonly total: number;
  readonly answered: number;
  /** 事業番号 and name of each 事業 without a 自己評価, in plan order. */
  readonly missing: readonly string[];
  /** 提言 asked in the tab and not replied to. */
  readonly missingReplies: readonly string[];
  readonly editors: readonly string[];
  readonly subject: string;
  readonly body: string;
  /**
   * mailto: link with subject and body, at most MAILTO_MAX characters (the body's list of missing
   * 事業 shortened where needed; `body` keeps it whole). Empty when the department has no editor listed.
   */
  readonly mailto: string;
}

export interface ReminderInput {
  readonly planName: string;
  readonly year: number;
  readonly deadline: Date;
  readonly today: Date;
  readonly tabs: ReadonlyArray<{ readonly department: Department; readonly tab: RequestTabContent }>;
  readonly projects: readonly Project[];
  /** Where a department finds its tab: a link in the spreadsheet, a file name on the command line. */
  readonly whereIs: (sheet: string) => string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from `today` to the deadline (0 on the day, negative once it has passed). */
export function daysLeft(today: Date, deadline: Date): number {
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const end = Date.UTC(deadline.getFullYear(), deadline.getMonth(), deadline.getDate());
  return Math.round((end - start) / DAY);
}

export function daysLeftText(days: number): string {
  if (days > 0) return `回答期限まであと ${days}日`;
  if (days === 0) return '今日が回答期限';
  return `回答期限を ${-days}日過ぎています`;
}

/** The departments whose tab for the year is not fully answered, each with its e-mail. */
export function reminders(input: ReminderInput): Reminder[] {
  const out: Reminder[] = [];
  const days = daysLeft(input.today, input.deadline);
  for (const { department, tab } of input.tabs) {
    if (tab.year !== input.year) continue;
    const own = input.projects.filter((p) => p.departments.includes(department));
    if (own.length === 0) continue;
    const graded = new Set(tab.rows.filter((r) => !isBlank(r.fields['自己評価'])).map((r) => r.id));
    const missing = own.filter((p) => !graded.has(p.id)).map((p) => `${p.id} ${p.name}`);
    const missingReplies = openReplyNumbers(tab);
    if (missing.length === 0 && missingReplies.length === 0) continue;
    const anyTyped = tab.rows.some((r) => Object.values(r.fields).some((v) => !isBlank(v)));
    const status = anyTyped ? '回答中' : '未回答';
    const subject = `【回答のお願い】${formatFiscalYear(input.year)} ${input.planName} 進捗状況調査（${department.name}）`;
    const bodyWith = (listed: number) =>
      [
        `${department.name} ご担当者様`,
        '',
        `${formatFiscalYear(input.year)}の ${input.planName} 進捗状況調査について、` +
          `回答期限は ${formatDate(input.deadline)} です（${daysLeftText(days)}）。`,
        missing.length
          ? `まだ自己評価が入っていない事業が ${missing.length}件あります（${own.length}件中）：\n` +
            missing
              .slice(0, listed)
              .map((m) => `・${m}`)
              .join('\n') +
            (listed < missing.length ? `\n…ほか ${missing.length - listed}件（調査シートで確かめてください）` : '')
          : '',
        missingReplies.length ? `推進委員会の提言への対応が未記入のものがあります：${missingReplies.join('、')}` : '',
        '',
        `調査シート「${tab.sheet}」：${input.whereIs(tab.sheet)}`,
        '黄色の欄に入力してください。ご不明な点は男女平等推進の担当までお問い合わせください。',
      ]
        .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
        .join('\n');
    const body = bodyWith(missing.length);
    // Japanese takes 9 characters a letter in a link: where even the list's count does not fit, the essentials.
    const brief = [
      `${department.name} ご担当者様`,
      `進捗状況調査の回答期限は ${formatDate(input.deadline)} です（${daysLeftText(days)}）。` +
        (missing.length ? `自己評価が未入力の事業が ${missing.length}件あります。` : '') +
        (missingReplies.length ? `提言への対応が未記入です（${missingReplies.join('、')}）。` : ''),
      `調査シート「${tab.sheet}」：${input.whereIs(tab.sheet)}`,
    ].join('\n');
    out.push({
      department: department.name,
      sheet: tab.sheet,
      status,
      total: own.length,
      answered: own.length - missing.length,
      missing,
      missingReplies,
      editors: department.editors,
      subject,
      body,
      mailto: department.editors.length
        ? shortMailto(department.editors, subject, bodyWith, missing.length, brief)
        : '',
    });
  }
  return out;
}

/**
 * Chromium on Windows drops a mailto: link over 2,048 characters without a word: links stay
 * under this, the list of missing 事業 cut short where needed (the dialog shows the whole text to copy).
 */
export const MAILTO_MAX = 1800;

function shortMailto(
  to: readonly string[],
  subject: string,
  bodyWith: (listed: number) => string,
  count: number,
  brief: string,
): string {
  const full = mailto(to, subject, bodyWith(count));
  if (full.length <= MAILTO_MAX) return full;
  // The most 事業 that still fit (the link grows with each one listed).
  let [fits, tooMany] = [-1, count];
  while (tooMany - fits > 1) {
    const mid = Math.floor((fits + tooMany) / 2);
    if (mailto(to, subject, bodyWith(mid)).length <= MAILTO_MAX) fits = mid;
    else tooMany = mid;
  }
  if (fits >= 0) return mailto(to, subject, bodyWith(fits));
  const short = mailto(to, subject, brief);
  return short.length <= MAILTO_MAX ? short : mailto(to, subject, '');
}

export function mailto(to: readonly string[], subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\n/g, '\r\n'));
  return `mailto:${to.map(encodeURIComponent).join(',')}?subject=${enc(subject)}&body=${enc(body)}`;
}
