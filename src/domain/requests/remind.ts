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
import * as M from './reminderMessages';
import type { Letter } from './reminderMessages';

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
    const letter: Letter = {
      department: department.name,
      planName: input.planName,
      year: formatFiscalYear(input.year),
      deadline: formatDate(input.deadline),
      daysLeft: M.daysLeftText(days),
      missing,
      total: own.length,
      missingReplies,
      sheet: tab.sheet,
      where: input.whereIs(tab.sheet),
    };
    const subject = M.subject(letter);
    const bodyWith = (listed: number) => M.body(letter, listed);
    const body = bodyWith(missing.length);
    // Japanese takes 9 characters a letter in a link: where even the list's count does not fit, the essentials.
    const brief = M.brief(letter);
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
