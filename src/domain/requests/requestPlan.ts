/**
 * What createRequests does to each department's tab, decided on plain values before anything
 * is written: create it, refresh it (carrying what was typed), make an empty one again, or skip
 * it with a reason; and which tabs no department of the plan claims (left alone).
 */
import { type AnswerRecord, answerKey, sameTypedAnswer } from '../inputs/answers';
import { isBlank, isBlankGrid, norm } from '../core/cells';
import { type ReplyRecord, matchReplyStatus } from '../committee/replies';
import type { Department } from '../core/departments';
import { type Finding, error, tabError, tabWarning } from '../core/findings';
import type { Settings } from '../inputs/inputs';
import { type RequestRow, type ReplyRow, type RequestTabContent, requestTabName } from './requestTab';
import { ANSWER_FIELDS } from '../core/tabs';
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
  | { readonly kind: 'skip'; readonly department: Department; readonly sheet: string; readonly findings: Finding[] }
  /** The tab must be read before it is decided (`RequestPlan.decide`): read only when its turn comes. */
  | { readonly kind: 'read'; readonly department: Department; readonly sheet: string }
  /** This year's tab, written from the same inputs as now and untouched since: neither read nor written. */
  | { readonly kind: 'keep'; readonly department: Department; readonly sheet: string };

/** A department's tab known from 調査シート一覧 and not read: the year and inputs it was written for. */
export interface RecordedTab {
  readonly sheet: string;
  readonly year: number;
  /** Written from the same inputs as this run's, with its protections as the tool left them. */
  readonly unchanged: boolean;
}

/** A tab as read, or as recorded. */
export type OwnedTab = RequestTabContent | RecordedTab;

export interface RequestPlan {
  /**
   * In the order a run takes them, so that every run makes progress: missing tabs first, then
   * tabs of an older year, then this year's tabs whose inputs changed; kept tabs last.
   */
  readonly steps: readonly TabStep[];
  /** Decides a tab read for a 'read' step. */
  readonly decide: (department: Department, tab: RequestTabContent) => Extract<TabStep, { kind: 'write' | 'skip' }>;
  /** Request tabs no department of the plan claims: they stay as they are, with a 注意 each. */
  readonly leftAlone: readonly RequestTabContent[];
  readonly findings: readonly Finding[];
}

export interface RequestPlanInput {
  readonly settings: Settings;
  /** Departments with at least one 事業, in the order of 所管課. */
  readonly departments: readonly Department[];
  /** The request tabs read (those the index does not settle). */
  readonly tabs: readonly RequestTabContent[];
  readonly owned: ReadonlyMap<Department, OwnedTab>;
  readonly refused: readonly RequestTabContent[];
  readonly sheetNames: readonly string[];
  /** The tab names 調査シート一覧 records (the tabs a run made or was about to make). */
  readonly recordedNames: ReadonlySet<string>;
  /** 回答 and 提言への対応 as merged, by current department name. */
  readonly answers: readonly AnswerRecord[];
  readonly replies: readonly ReplyRecord[];
}

const isRead = (t: OwnedTab): t is RequestTabContent => 'values' in t;

export function planRequests(input: RequestPlanInput): RequestPlan {
  const { settings } = input;
  // Only an empty tab the index names is the tool's to make again: one someone else made is never deleted.
  const emptyTabs = new Set(
    input.tabs.filter((t) => isBlankGrid(t.values) && input.recordedNames.has(t.sheet)).map((t) => t.sheet),
  );
  const taken = new Set(input.sheetNames);
  const decide = decider(input);
  const remade = new Set<string>();
  const steps: TabStep[] = input.departments.map((d): TabStep => {
    const current = input.owned.get(d);
    if (current && !isRead(current)) {
      taken.add(current.sheet);
      const keep = current.unchanged && current.year === settings.year;
      return { kind: keep ? 'keep' : 'read', department: d, sheet: current.sheet };
    }
    if (current) {
      taken.add(current.sheet);
      return decide(d, current);
    }
    // A run cut off between creating a tab and writing it leaves it empty: it is made again
    // under its own name (nothing typed can be in it), not left beside a new 調査_…_2.
    const own = requestTabName(d.name, new Set([...taken].filter((n) => !emptyTabs.has(n))));
    const remakeEmpty = emptyTabs.delete(own);
    const sheet = remakeEmpty ? own : requestTabName(d.name, taken);
    if (remakeEmpty) remade.add(own);
    taken.add(sheet);
    return { kind: 'write', department: d, sheet, remakeEmpty };
  });
  const claimed = new Set(input.departments.map((d) => input.owned.get(d)));
  const leftAlone = input.tabs.filter((t) => !remade.has(t.sheet) && !input.refused.includes(t) && !claimed.has(t));
  return { steps: inRunOrder(steps, input), decide, leftAlone, findings: leftAlone.map(leftAloneFinding) };
}

/** Missing tabs, then an older year's, then this year's to refresh, then those kept as they are. */
function inRunOrder(steps: readonly TabStep[], input: RequestPlanInput): TabStep[] {
  const rank = (s: TabStep): number => {
    if (s.kind === 'keep') return 3;
    if (s.kind === 'write' && !s.current) return 0;
    const tab = input.owned.get(s.department);
    return tab?.year === input.settings.year ? 2 : 1;
  };
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

/** What to do with a department's tab as read: refresh it, make it anew for this year, or skip it. */
function decider(input: RequestPlanInput): RequestPlan['decide'] {
  const { settings } = input;
  // 回答 of a year is keyed only when a tab of that year is decided (回答 holds ten years).
  const mergedByYear = new Map<number, Map<string, AnswerRecord>>();
  const mergedOf = (year: number | undefined) => {
    if (year === undefined) return new Map<string, AnswerRecord>();
    let map = mergedByYear.get(year);
    if (!map) {
      map = new Map(
        input.answers.filter((r) => r.year === year).map((r) => [answerKey(r.year, r.id, r.department), r]),
      );
      mergedByYear.set(year, map);
    }
    return map;
  };
  return (d, current) => {
    const sheet = current.sheet;
    if ((!current.table || current.problems.length) && !isBlankGrid(current.values))
      return { kind: 'skip', department: d, sheet, findings: [...current.problems, headerChanged(sheet)] };
    if (current.year === settings.year)
      return { kind: 'write', department: d, sheet, current, carry: current, remakeEmpty: false };
    // Last year's tab: made anew for this year once everything typed in it is merged.
    const rows = unmergedRows(current, d, mergedOf(current.year), input.replies, settings);
    if (rows.length) return { kind: 'skip', department: d, sheet, findings: [unmerged(sheet, current, rows)] };
    return { kind: 'write', department: d, sheet, current, remakeEmpty: false };
  };
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
  return tabError(sheet, M.say.headerRowChanged(sheet));
}

function unmerged(sheet: string, tab: RequestTabContent, rows: ReadonlyArray<{ row: number }>): Finding {
  return error(sheet, rows[0].row, 1, M.say.unmergedAnswers(sheet, tab.yearText, rows.length));
}

function leftAloneFinding(t: RequestTabContent): Finding {
  return tabWarning(t.sheet, M.say.leftAlone(t.sheet, t.departmentText));
}
