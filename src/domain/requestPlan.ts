/**
 * What createRequests does to each department's tab, decided on plain values before anything
 * is written: create it, refresh it (carrying what was typed), make an empty one again, or skip
 * it with a reason; and which tabs no department of the plan claims (left alone).
 */
import { type AnswerRecord, answerKey, sameTypedAnswer } from './answers';
import { isBlank, isBlankGrid, norm } from './cells';
import { type ReplyRecord, matchReplyStatus } from './committee';
import type { Department } from './departments';
import { type Finding, error, tabError, tabWarning } from './findings';
import type { Settings } from './inputs';
import { type RequestRow, type ReplyRow, type RequestTabContent, requestTabName } from './requestTab';
import { ANSWER_FIELDS } from './tabs';
import * as M from './requestMessages';

export type TabStep =
  | {
      readonly kind: 'write';
      readonly department: Department;
      readonly sheet: string;
      /** The department's tab as it stands (absent: a new tab). */
      readonly current?: RequestTabContent;
      /** What the new content carries over: the tab itself when it holds this year's request. */
      readonly carry?: RequestTabContent;
      /** An empty tab of this name, left by a cut-off run, is deleted and made again. */
      readonly remakeEmpty: boolean;
    }
  | { readonly kind: 'skip'; readonly department: Department; readonly sheet: string; readonly findings: Finding[] };

export interface RequestPlan {
  readonly steps: readonly TabStep[];
  /** Request tabs no department of the plan claims: they stay as they are, with a 注意 each. */
  readonly leftAlone: readonly RequestTabContent[];
  readonly findings: readonly Finding[];
}

export interface RequestPlanInput {
  readonly settings: Settings;
  /** Departments with at least one 事業, in the order of 所管課. */
  readonly departments: readonly Department[];
  readonly tabs: readonly RequestTabContent[];
  readonly owned: ReadonlyMap<Department, RequestTabContent>;
  readonly refused: readonly RequestTabContent[];
  readonly sheetNames: readonly string[];
  /** 回答 and 提言への対応 as merged, by current department name. */
  readonly answers: readonly AnswerRecord[];
  readonly replies: readonly ReplyRecord[];
}

export function planRequests(input: RequestPlanInput): RequestPlan {
  const { settings } = input;
  const emptyTabs = new Set(input.tabs.filter((t) => isBlankGrid(t.values)).map((t) => t.sheet));
  const taken = new Set(input.sheetNames);
  // Only the years of tabs still holding another year are looked up (回答 holds ten years).
  const oldYears = new Set(input.tabs.filter((t) => t.year !== settings.year).map((t) => t.year));
  const merged = new Map(
    input.answers.filter((r) => oldYears.has(r.year)).map((r) => [answerKey(r.year, r.id, r.department), r]),
  );
  const remade = new Set<string>();
  const steps: TabStep[] = input.departments.map((d): TabStep => {
    const current = input.owned.get(d);
    let sheet = current?.sheet ?? requestTabName(d.name, taken);
    let remakeEmpty = false;
    if (!current) {
      // A run cut off between creating a tab and writing it leaves it empty: it is made again
      // under its own name (nothing typed can be in it), not left beside a new 調査_…_2.
      const own = requestTabName(d.name, new Set([...taken].filter((n) => !emptyTabs.has(n))));
      if (emptyTabs.delete(own)) {
        remade.add(own);
        remakeEmpty = true;
        sheet = own;
      }
    }
    taken.add(sheet);
    if (current && (!current.table || current.problems.length) && !isBlankGrid(current.values))
      return { kind: 'skip', department: d, sheet, findings: [...current.problems, headerChanged(sheet)] };
    if (!current || current.year === settings.year)
      return { kind: 'write', department: d, sheet, current, carry: current, remakeEmpty };
    // Last year's tab: made anew for this year once everything typed in it is merged.
    const rows = unmergedRows(current, d, merged, input.replies, settings);
    if (rows.length) return { kind: 'skip', department: d, sheet, findings: [unmerged(sheet, current, rows)] };
    return { kind: 'write', department: d, sheet, current, remakeEmpty };
  });
  const claimed = new Set(steps.map((s) => s.department).map((d) => input.owned.get(d)));
  const leftAlone = input.tabs.filter((t) => !remade.has(t.sheet) && !input.refused.includes(t) && !claimed.has(t));
  return { steps, leftAlone, findings: leftAlone.map(leftAloneFinding) };
}

/** Rows of a tab of another year with answers or replies that 回答 / 提言への対応 do not hold as typed. */
export function unmergedRows(
  tab: RequestTabContent,
  d: Department,
  merged: ReadonlyMap<string, AnswerRecord>,
  replies: readonly ReplyRecord[],
  settings: Settings,
): Array<RequestRow | ReplyRow> {
  const answers = tab.rows.filter((r) => {
    const record = tab.year === undefined ? undefined : merged.get(answerKey(tab.year, r.id, d.name));
    return (
      ANSWER_FIELDS.some((f) => !isBlank(r.fields[f])) &&
      !(record && sameTypedAnswer(r.fields, record.fields, settings.scales))
    );
  });
  const replyRows = tab.replies.filter((r) => {
    if (isBlank(r.status) && isBlank(r.content)) return false;
    const record = replies.find((x) => x.year === tab.year && x.number === r.number && x.department === d.name);
    const status = matchReplyStatus(settings.replyStatuses, r.status);
    return !(record && norm(record.status) === status && String(record.content) === String(r.content));
  });
  return [...answers, ...replyRows];
}

function headerChanged(sheet: string): Finding {
  return tabError(sheet, M.headerRowChanged(sheet));
}

function unmerged(sheet: string, tab: RequestTabContent, rows: ReadonlyArray<{ row: number }>): Finding {
  return error(sheet, rows[0].row, 1, M.unmergedAnswers(sheet, tab.yearText, rows.length));
}

function leftAloneFinding(t: RequestTabContent): Finding {
  return tabWarning(t.sheet, M.leftAlone(t.sheet, t.departmentText));
}
