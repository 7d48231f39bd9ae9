import {
  type AnswerRecord,
  type AnswerTable,
  answerKey,
  byCurrentDepartment,
  hasAnyAnswer,
  normaliseAnswer,
  readTypedAnswer,
  sameAnswer,
} from '../inputs/answers';
import {
  type Cell,
  TEXT_LIMIT,
  type Grid,
  type OutCell,
  contiguousRuns,
  dateText,
  isBlank,
  isDate,
  isNotApplicable,
  largest,
  norm,
  smallest,
} from '../core/cells';
import type { Department, DepartmentDirectory } from '../core/departments';
import { type Finding, type Said, error, hasErrors, warning, tabError, tabWarning } from '../core/findings';
import { parseCount } from '../core/quantity';
import type { Project, Settings } from '../inputs/inputs';
import { type AnswerStatus, openReplyNumbers, statusOf } from '../requests/requestIndex';
import {
  DUPLICATE_ROW,
  HEADING_CELLS,
  NOT_ASKED,
  NOT_IN_PLAN,
  type RequestRow,
  type RequestTabContent,
  yearMismatch,
} from '../requests/requestTab';
import { type Scales, matchDirection } from '../core/scales';
import { type Recommendation } from '../committee/recommendations';
import { type ReplyTable, matchReplyStatus, replyKey } from '../committee/replies';
import type { Table } from '../core/table';
import { ANSWER_FIELDS, type AnswerField, HEADERS } from '../core/tabs';
import * as M from './mergeMessages';
import { changeText } from './returns';

export interface DepartmentOutcome {
  readonly department: string;
  readonly sheet: string;
  readonly total: number;
  /** Rows with a 自己評価. */
  readonly answered: number;
  readonly status: AnswerStatus;
  /** False when the department was skipped for an error. */
  readonly merged: boolean;
  readonly added: number;
  readonly updated: number;
  /** What each updated row changes (事業番号: old → new), for the user to see. */
  readonly changes: string[];
  /** Rows of 提言への対応 added or changed. */
  readonly replies: number;
}

/** A block of 回答 to write, 1-based. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly values: OutCell[][];
}

export interface MergeResult {
  readonly findings: Finding[];
  readonly outcomes: DepartmentOutcome[];
  readonly blocks: Block[];
  /** Blocks to write to 提言への対応. */
  readonly replyBlocks: Block[];
  /** Tabs not merged because whose they are could not be told (heading changed, or a second tab). */
  readonly unreadSheets: string[];
}

export interface MergeInput {
  readonly settings: Settings;
  readonly projects: readonly Project[];
  readonly directory: DepartmentDirectory;
  /** Each department's request tab, as assignTabs gave it. */
  readonly tabs: ReadonlyArray<{ readonly tab: RequestTabContent; readonly department: Department }>;
  readonly answers: AnswerTable;
  /** 回答 as read, for its size and the values of rows that stay as they are. */
  readonly answerValues: Grid;
  readonly now: Date;
  /** 提言 of every year, and 提言への対応 as read (absent: the second tables are not merged). */
  readonly recommendations?: readonly Recommendation[];
  readonly replies?: ReplyTable;
  readonly replyValues?: Grid;
}

type Normalised = Record<AnswerField, Cell>;

/**
 * Checks each department's request tab and upserts its answers into 回答, keyed by
 * (年度, 事業番号, 所管課). A department with an error is skipped whole. Rows whose content
 * did not change are not written; rows of other years and other departments are never changed.
 */
export function mergeAnswers(input: MergeInput): MergeResult {
  const { settings, directory } = input;
  const findings: Finding[] = [];
  const outcomes: DepartmentOutcome[] = [];
  const upserts: Array<{ department: string; id: string; fields: Normalised }> = [];
  const replyUpserts: ReplyUpsert[] = [];
  const unreadSheets: string[] = [];
  const planIds = new Set(input.projects.map((p) => p.id));

  for (const { tab, department } of input.tabs) {
    if (directory.resolve(tab.departmentText) !== department) {
      findings.push(
        error(
          tab.sheet,
          HEADING_CELLS.department.row,
          HEADING_CELLS.department.col,
          M.say.headingNotThisDepartment(tab.departmentText, department.name),
        ),
      );
      unreadSheets.push(tab.sheet);
      continue;
    }
    const own = input.projects.filter((p) => p.departments.includes(department));
    if (own.length === 0) {
      // A tab left from a department that no longer has any 事業: nothing to merge, nothing to blame.
      findings.push(tabWarning(tab.sheet, M.say.noProjectsLeft(department.name)));
      continue;
    }
    const tabFindings: Finding[] = [...tab.problems];
    const mismatch = yearMismatch(tab.sheet, tab, settings.year);
    if (mismatch) tabFindings.push({ ...mismatch, message: M.otherYear(mismatch.message, settings.year) });
    if (!tab.table || tab.problems.length) tabFindings.push(tabError(tab.sheet, M.say.headerRowChanged(tab.sheet)));
    const rows = checkRows(tab, own, planIds, settings.scales, tabFindings);
    const addressed = (input.recommendations ?? []).filter((r) => r.departments.includes(department));
    const replies = checkReplies(tab, addressed, settings.replyStatuses, tabFindings);
    findings.push(...tabFindings);
    const ok = !hasErrors(tabFindings);
    const answered = own.filter((p) => rows.some((r) => r.id === p.id && !isBlank(r.fields['自己評価']))).length;
    const anyTyped = rows.some((r) => hasAnyAnswer(r.fields));
    const outcome = {
      department: department.name,
      sheet: tab.sheet,
      total: own.length,
      answered,
      status: statusOf(answered, own.length, anyTyped, openReplyNumbers(tab).length),
      merged: ok,
      added: 0,
      updated: 0,
      changes: [] as string[],
      replies: 0,
    };
    outcomes.push(outcome);
    if (!ok) continue;
    for (const r of rows)
      if (hasAnyAnswer(r.fields)) upserts.push({ department: department.name, id: r.id, fields: r.fields });
    for (const r of replies) replyUpserts.push({ ...r, department: department.name });
  }

  // 回答 rows written under a department's old name are that department's: never a second row.
  const current = byCurrentDepartment(input.answers, directory, findings);
  const blocks = upsert(input, current, upserts, outcomes);
  const replyBlocks = upsertReplies(input, replyUpserts, outcomes);
  return { findings, outcomes, blocks, replyBlocks, unreadSheets };
}

interface CheckedRow {
  readonly id: string;
  readonly fields: Normalised;
}

/** Checks every row of a tab; returns the rows of this department's 事業 with answers normalised. */
function checkRows(
  tab: RequestTabContent,
  own: readonly Project[],
  planIds: ReadonlySet<string>,
  scales: Scales,
  findings: Finding[],
): CheckedRow[] {
  const table = tab.table;
  if (!table) return [];
  const col = (h: string) => table.columns.get(h);
  const ownIds = new Set(own.map((p) => p.id));
  const firstRow = new Map<string, number>();
  const out: CheckedRow[] = [];
  for (const r of tab.rows) {
    const marked = String(r.description).startsWith(NOT_IN_PLAN) || String(r.description).startsWith(DUPLICATE_ROW);
    if (marked) {
      if (hasAnyAnswer(r.fields))
        findings.push(warning(tab.sheet, r.row, col('事業番号'), M.say.markedRowAnswered(r.id)));
      continue;
    }
    if (r.id === '') {
      if (hasAnyAnswer(r.fields)) findings.push(error(tab.sheet, r.row, col('事業番号'), M.say.answerWithoutId()));
      continue;
    }
    if (!ownIds.has(r.id)) {
      if (!hasAnyAnswer(r.fields)) continue;
      const message = planIds.has(r.id) ? M.say.idOfAnotherDepartment(r.idText) : M.say.idNotInPlan(r.idText);
      findings.push(error(tab.sheet, r.row, col('事業番号'), message));
      continue;
    }
    const prior = firstRow.get(r.id);
    if (prior !== undefined) {
      const message = M.say.duplicateId(r.id, prior, r.row);
      findings.push(
        error(tab.sheet, prior, col('事業番号'), message),
        error(tab.sheet, r.row, col('事業番号'), message),
      );
      continue;
    }
    firstRow.set(r.id, r.row);
    out.push({ id: r.id, fields: normaliseRow(tab.sheet, r, scales, col, findings) });
  }
  for (const p of own) {
    if (!firstRow.has(p.id)) findings.push(tabWarning(tab.sheet, M.say.rowDeleted(p.id, p.name)));
  }
  return out;
}

function normaliseRow(
  sheet: string,
  r: RequestRow,
  scales: Scales,
  col: (h: string) => number | undefined,
  findings: Finding[],
): Normalised {
  const f = r.fields;
  const { fields: out, grade } = readTypedAnswer(f, scales);
  const at = (h: AnswerField, message: Said) => findings.push(error(sheet, r.row, col(h), message));
  for (const h of ANSWER_FIELDS) {
    const v = f[h];
    if (typeof v === 'string' && v.length > TEXT_LIMIT) at(h, M.say.tooLong(h, v.length, TEXT_LIMIT));
  }
  if (!isBlank(f['自己評価'])) {
    if (!grade)
      at(
        '自己評価',
        M.say.gradeOffScale(f['自己評価'], scales.grades.map((x) => `${x.code}（${x.label}）`).join('、')),
      );
    if (isBlank(f['実施状況・実績'])) at('実施状況・実績', M.say.gradeWithoutRecord());
    if (grade?.low && isBlank(f['課題・改善点'])) at('課題・改善点', M.say.lowGradeWithoutReason(grade.code));
  }
  if (!isBlank(f['今後の方向性']) && !matchDirection(scales, f['今後の方向性'])) {
    at('今後の方向性', M.say.directionOffScale(f['今後の方向性'], scales.directions));
  }
  for (const h of ['参加者数（男性）', '参加者数（女性）'] as const) {
    const v = f[h];
    // ― or － alone means "not applicable": kept as typed, counted as no report.
    if (isBlank(v) || isNotApplicable(v) || parseCount(v) !== undefined) continue;
    at(h, M.say.notACount(h, isDate(v) ? '日付' : String(v)));
  }
  return out;
}

/** Works out the blocks to write to 回答: changed rows in place, new rows at the bottom. */
function upsert(
  input: MergeInput,
  records: readonly AnswerRecord[],
  upserts: ReadonlyArray<{ department: string; id: string; fields: Normalised }>,
  outcomes: DepartmentOutcome[],
): Block[] {
  const table = input.answers.table;
  if (!table || upserts.length === 0) return [];
  const year = input.settings.year;
  const byKey = new Map<string, AnswerRecord>(records.map((r) => [answerKey(r.year, r.id, r.department), r]));
  const lineOf = (u: { department: string; id: string; fields: Normalised }): Record<string, OutCell> => ({
    年度: year,
    事業番号: u.id,
    所管課: u.department,
    ...u.fields,
    取込日時: input.now,
  });
  const changed = new Map<number, Record<string, OutCell>>();
  let next = Math.max(input.answerValues.length, table.headerRow) + 1;
  const count = (department: string, key: 'added' | 'updated') => {
    const o = outcomes.find((x) => x.department === department) as { added: number; updated: number } | undefined;
    if (o) o[key]++;
  };
  for (const u of upserts) {
    const prior = byKey.get(answerKey(year, u.id, u.department));
    // u.fields are normalised already: only what 回答 holds is read into the same form.
    if (prior && sameAnswer(u.fields, normaliseAnswer(prior.fields, input.settings.scales))) continue;
    if (prior) {
      changed.set(prior.row, lineOf(u));
      count(u.department, 'updated');
      outcomes.find((x) => x.department === u.department)?.changes.push(changeText(u.id, prior.fields, u.fields));
    } else {
      changed.set(next++, lineOf(u));
      count(u.department, 'added');
    }
  }
  return changedRowBlocks(table, HEADERS.answers, input.answerValues, changed);
}

/**
 * The blocks that write `changed` rows (by 1-based row, values by header): one block per run of
 * adjacent known columns, from the first changed row to the last; rows in between are written
 * back with the values they hold.
 */
export function changedRowBlocks(
  table: Table,
  headers: readonly string[],
  values: Grid,
  changed: ReadonlyMap<number, Record<string, OutCell>>,
): Block[] {
  if (changed.size === 0) return [];
  const columns = headers.map((h) => table.columns.get(h)).filter((c) => c !== undefined);
  const first = smallest(changed.keys());
  const last = largest(changed.keys());
  const runs = contiguousRuns([...columns].sort((a, b) => a - b));
  const headerAt = new Map(headers.map((h) => [table.columns.get(h), h]));
  return runs.map((run) => ({
    row: first,
    col: run[0],
    values: Array.from({ length: last - first + 1 }, (_, i) => {
      const line = changed.get(first + i);
      return run.map((c) => (line ? (line[headerAt.get(c)!] ?? '') : (values[first + i - 1]?.[c - 1] ?? '')));
    }),
  }));
}

interface ReplyUpsert {
  readonly department: string;
  readonly number: string;
  readonly status: string;
  readonly content: Cell;
}

/**
 * Checks the second table of a tab (提言への対応): each typed row answers a 提言 addressed to
 * this department, once, with a 対応状況 of the city's scale and what was done.
 */
function checkReplies(
  tab: RequestTabContent,
  addressed: readonly Recommendation[],
  statuses: readonly string[],
  findings: Finding[],
): Array<Omit<ReplyUpsert, 'department'>> {
  const table = tab.replyTable;
  if (!table) return [];
  const col = (h: string) => table.columns.get(h);
  const numbers = new Set(addressed.map((r) => r.number));
  const seen = new Map<string, number>();
  const out: Array<Omit<ReplyUpsert, 'department'>> = [];
  for (const r of tab.replies) {
    const typed = !isBlank(r.status) || !isBlank(r.content);
    if (!typed) continue;
    const at = (h: string, message: Said) => findings.push(error(tab.sheet, r.row, col(h), message));
    if (String(r.text).startsWith(NOT_ASKED)) {
      findings.push(warning(tab.sheet, r.row, col('提言番号'), M.say.replyNotAsked(r.number)));
      continue;
    }
    if (!numbers.has(r.number)) {
      at('提言番号', M.say.replyNumberNotOurs(r.numberText));
      continue;
    }
    const prior = seen.get(r.number);
    if (prior !== undefined) {
      at('提言番号', M.say.replyDuplicate(r.number, prior, r.row));
      continue;
    }
    seen.set(r.number, r.row);
    const status = matchReplyStatus(statuses, r.status);
    if (isBlank(r.status)) at('対応状況', M.say.replyStatusMissing(r.number, statuses));
    else if (!status) at('対応状況', M.say.replyStatusOffScale(r.status, statuses));
    if (isBlank(r.content)) at('対応内容', M.say.replyContentMissing(r.number));
    else if (typeof r.content === 'string' && r.content.length > TEXT_LIMIT)
      at('対応内容', M.say.replyContentTooLong(TEXT_LIMIT));
    if (status && !isBlank(r.content))
      out.push({ number: r.number, status, content: isDate(r.content) ? dateText(r.content) : r.content });
  }
  return out;
}

/** The blocks to write to 提言への対応, keyed (年度, 提言番号, 所管課): changed rows in place, new ones below. */
function upsertReplies(input: MergeInput, upserts: readonly ReplyUpsert[], outcomes: DepartmentOutcome[]): Block[] {
  const table = input.replies?.table;
  if (!table || upserts.length === 0) return [];
  const year = input.settings.year;
  const values = input.replyValues ?? [];
  const byKey = new Map(input.replies.records.map((r) => [replyKey(r.year, r.number, r.department), r]));
  const changed = new Map<number, Record<string, OutCell>>();
  let next = Math.max(values.length, table.headerRow) + 1;
  for (const u of upserts) {
    const prior = byKey.get(replyKey(year, u.number, u.department));
    if (prior && norm(prior.status) === u.status && String(prior.content) === String(u.content)) continue;
    const line = {
      年度: year,
      提言番号: u.number,
      所管課: u.department,
      対応状況: u.status,
      対応内容: u.content,
      取込日時: input.now,
    };
    changed.set(prior ? prior.row : next++, line);
    const o = outcomes.find((x) => x.department === u.department) as { replies: number } | undefined;
    if (o) o.replies++;
  }
  return changedRowBlocks(table, HEADERS.replies, values, changed);
}
