/**
 * The committee's cycle (点検・評価・提言): its grade per 課題, its 提言 to departments, and the
 * departments' replies, until every department addressed has replied 対応済.
 */
import { type Cell, type Grid, isBlank, norm } from '../core/cells';
import type { Department, DepartmentDirectory } from '../core/departments';
import { type Finding, type Said, error } from '../core/findings';
import { formatFiscalYear, parseFiscalYear } from '../core/fiscalYear';
import { fiscalYear, text } from '../core/schemas';
import type { Grade } from '../core/scales';
import { matchWord } from '../core/scales';
import { type Table, cell, locateTable, parseRow, rule } from '../core/table';
import { HEADERS, REPLY_DONE, TAB } from '../core/tabs';
import * as M from './committeeMessages';

export interface Recommendation {
  /** As typed, trimmed and in half width (R6-1). */
  readonly number: string;
  readonly year: number;
  readonly text: string;
  /** 目標-課題, e.g. 4-1. */
  readonly issueKey: string;
  readonly departments: readonly Department[];
  readonly row: number;
}

/** One row of 提言への対応: a department's reply to one 提言 in one fiscal year. */
export interface ReplyRecord {
  readonly year: number;
  readonly number: string;
  /** The department's current name (rows written under an old name count as its own). */
  readonly department: string;
  readonly status: Cell;
  readonly content: Cell;
  readonly row: number;
}

export interface ReplyTable {
  readonly table?: Table;
  readonly records: readonly ReplyRecord[];
}

export interface CommitteeGrade {
  readonly year: number;
  readonly issueKey: string;
  readonly grade: string;
  readonly comment: string;
  readonly row: number;
}

export const replyKey = (year: number, number: string, department: string) => `${year}|${number}|${department}`;

const ISSUE_KEY = /^(\d+)-(\d+)$/;
const issueKeyOf = (v: Cell) => norm(v).replace(/[‐－ー―の]/g, '-');

/**
 * Reads and checks 提言 (a missing tab is an empty one: older spreadsheets have none). Each
 * 提言 names a 課題 of 体系 and the departments addressed, by any of their names or 関係各課.
 */
export function readRecommendations(
  values: Grid | undefined,
  directory: DepartmentDirectory,
  structure: ReadonlyMap<string, { readonly level: string }>,
  findings: Finding[],
): Recommendation[] {
  if (values === undefined) return [];
  const sheet = TAB.recommendations;
  const table = locateTable(sheet, values, findings, HEADERS.recommendations);
  if (!table?.complete) return [];
  const col = (h: string) => table.columns.get(h);
  const rules = { year: rule('年度', fiscalYear('年度')), text: rule('提言', text('提言')) };
  const out: Recommendation[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const number = norm(cell(table, row, '番号'));
    const { value, ok } = parseRow(table, row, rules, findings);
    let good = ok;
    if (number === '') {
      findings.push(error(sheet, row.row, col('番号'), M.say.recommendationNumberMissing()));
      good = false;
    } else if (seen.has(number)) {
      findings.push(error(sheet, row.row, col('番号'), M.say.recommendationNumberTwice(number, seen.get(number))));
      good = false;
    } else seen.set(number, row.row);
    const issueKey = issueKeyOf(cell(table, row, '課題'));
    if (!ISSUE_KEY.test(issueKey) || structure.get(issueKey)?.level !== '課題') {
      findings.push(
        error(
          sheet,
          row.row,
          col('課題'),
          issueKey === '' ? M.say.issueMissing() : M.say.issueUnknown(cell(table, row, '課題')),
        ),
      );
      good = false;
    }
    const departments = addressees(table, row.row, cell(table, row, '所管課'), directory, findings);
    if (!good || departments.length === 0) continue;
    out.push({ number, year: value.year!, text: value.text!, issueKey, departments, row: row.row });
  }
  return out;
}

function addressees(
  table: Table,
  row: number,
  v: Cell,
  directory: DepartmentDirectory,
  findings: Finding[],
): Department[] {
  const at = (message: Said) => findings.push(error(table.sheet, row, table.columns.get('所管課'), message));
  if (isBlank(v)) {
    at(M.say.addresseeMissing());
    return [];
  }
  let ok = true;
  for (const a of directory.assignments(v)) {
    if (a.kind === 'unknown') {
      ok = false;
      at(M.say.addresseeUnknown(a.text, a.suggestion));
    } else if (a.kind === 'allConcerned' && directory.concerned().length === 0) {
      ok = false;
      at(M.say.addresseeNoConcerned(a.text));
    }
  }
  return ok ? directory.departmentsOf(v) : [];
}

/** Reads 提言への対応; rows it cannot key are left as they are. */
export function readReplies(values: Grid | undefined, directory: DepartmentDirectory, findings: Finding[]): ReplyTable {
  if (values === undefined) return { records: [] };
  const table = locateTable(TAB.replies, values, findings, HEADERS.replies);
  // A broken header row: nothing is merged into the tab (rows could not be matched).
  if (!table?.complete) return { records: [] };
  const records: ReplyRecord[] = [];
  for (const row of table.rows) {
    const year = parseFiscalYear(cell(table, row, '年度'));
    const number = norm(cell(table, row, '提言番号'));
    const named = String(cell(table, row, '所管課')).trim();
    if (year === undefined || number === '' || named === '') continue;
    const department = directory.resolve(named)?.name ?? named;
    const status = cell(table, row, '対応状況');
    records.push({ year, number, department, status, content: cell(table, row, '対応内容'), row: row.row });
  }
  return { table, records };
}

/** The latest reply of each (提言, department) up to `year`, by 提言番号|所管課. */
export function latestReplies(records: readonly ReplyRecord[], year: number): Map<string, ReplyRecord> {
  const out = new Map<string, ReplyRecord>();
  for (const r of records) {
    if (r.year > year) continue;
    const key = `${r.number}|${r.department}`;
    const prior = out.get(key);
    if (!prior || prior.year <= r.year) out.set(key, r);
  }
  return out;
}

/**
 * The 提言 a department is asked about in `year`: those of an earlier year addressed to it
 * that it has not answered 対応済 in an earlier year (this year's reply may still change).
 */
export function openRecommendationsFor(
  department: Department,
  recommendations: readonly Recommendation[],
  replies: readonly ReplyRecord[],
  year: number,
): Recommendation[] {
  const closed = new Set(
    replies
      .filter((r) => r.year < year && r.department === department.name && norm(r.status) === REPLY_DONE)
      .map((r) => r.number),
  );
  return recommendations.filter((r) => r.year < year && r.departments.includes(department) && !closed.has(r.number));
}

/** Reads 委員会評価 and checks each 評価 against the city's scale. */
export function readCommitteeGrades(
  values: Grid | undefined,
  scale: readonly Grade[],
  findings: Finding[],
): { table?: Table; grades: CommitteeGrade[] } {
  if (values === undefined) return { grades: [] };
  const sheet = TAB.committee;
  const table = locateTable(sheet, values, findings, HEADERS.committee, COMMITTEE_REFERENCE);
  if (!table?.complete) return { table, grades: [] };
  const grades: CommitteeGrade[] = [];
  for (const row of table.rows) {
    const year = parseFiscalYear(cell(table, row, '年度'));
    const goal = norm(cell(table, row, '目標'));
    const issue = norm(cell(table, row, '課題'));
    if (year === undefined || goal === '' || issue === '') continue;
    // ◯ (large circle) and 〇 (kanji zero) are typed for ○, ✕ and x for ×: the same marks.
    const typed = norm(cell(table, row, '評価'))
      .replace(/[◯〇]/g, '○')
      .replace(/^[✕✖xX]$/, '×');
    const grade = scale.find((g) => g.code === typed.toUpperCase() || g.label === typed);
    if (typed !== '' && !grade)
      findings.push(error(sheet, row.row, table.columns.get('評価'), M.say.gradeOffScale(typed, scale)));
    grades.push({
      year,
      issueKey: issue.includes('-') ? issue : `${goal}-${issue}`,
      grade: grade?.code ?? typed,
      comment: String(cell(table, row, '意見')).trim(),
      row: row.row,
    });
  }
  return { table, grades };
}

/** Columns of 委員会評価 the tool writes for reference beside what the committee types. */
export const COMMITTEE_REFERENCE = ['課題名', '参考：各課の自己評価'] as const;

/**
 * 委員会評価 with a row for every 課題 of `year` that has none, and the reference columns of
 * that year's rows brought up to date; the cells the committee types (評価, 意見) are never
 * written. Returns the blocks to write (1-based), or a whole new tab when there is none.
 */
export function committeeBlocks(
  values: Grid | undefined,
  table: Table | undefined,
  grades: readonly CommitteeGrade[],
  issues: ReadonlyArray<{ readonly key: string; readonly name: string; readonly counts: string }>,
  year: number,
): { rows?: Cell[][]; blocks: Array<{ row: number; col: number; values: Cell[][] }> } {
  const reference = (i: (typeof issues)[number]) => [i.name, i.counts];
  if (!table || values === undefined) {
    const header = [...HEADERS.committee, ...COMMITTEE_REFERENCE];
    const rows = issues.map((i) => {
      const [goal, issue] = i.key.split('-').map(Number);
      return [year, goal, issue, '', '', ...reference(i)];
    });
    return { rows: [header, ...rows], blocks: [] };
  }
  const byKey = new Map(grades.filter((g) => g.year === year).map((g) => [g.issueKey, g]));
  const blocks: Array<{ row: number; col: number; values: Cell[][] }> = [];
  const cols = COMMITTEE_REFERENCE.map((h) => table.columns.get(h));
  // Existing rows: only the reference columns (where the tab has them), one cell each row of the year.
  for (const i of issues) {
    const g = byKey.get(i.key);
    if (!g) continue;
    reference(i).forEach((v, k) => {
      const c = cols[k];
      if (c !== undefined && values[g.row - 1]?.[c - 1] !== v) blocks.push({ row: g.row, col: c, values: [[v]] });
    });
  }
  const missing = issues.filter((i) => !byKey.has(i.key));
  if (missing.length) {
    const width = Math.max(...table.columns.values());
    const at = (h: string) => table.columns.get(h)! - 1;
    const lines = missing.map((i) => {
      const line: Cell[] = Array<Cell>(width).fill('');
      const [goal, issue] = i.key.split('-').map(Number);
      line[at('年度')] = year;
      line[at('目標')] = goal;
      line[at('課題')] = issue;
      reference(i).forEach((v, k) => {
        const c = cols[k];
        if (c !== undefined) line[c - 1] = v;
      });
      return line;
    });
    blocks.push({ row: Math.max(values.length, table.headerRow) + 1, col: 1, values: lines });
  }
  return { blocks: mergeCellBlocks(blocks) };
}

/** Single cells of one column on adjacent rows become one block: fewer writes. */
function mergeCellBlocks(
  blocks: Array<{ row: number; col: number; values: Cell[][] }>,
): Array<{ row: number; col: number; values: Cell[][] }> {
  const out: Array<{ row: number; col: number; values: Cell[][] }> = [];
  for (const b of [...blocks].sort((x, y) => x.col - y.col || x.row - y.row)) {
    const last = out[out.length - 1];
    if (
      last &&
      b.values[0].length === 1 &&
      last.values[0].length === 1 &&
      last.col === b.col &&
      last.row + last.values.length === b.row
    )
      last.values.push(...b.values);
    else out.push({ row: b.row, col: b.col, values: b.values.map((l) => [...l]) });
  }
  return out;
}

/** 対応状況 as the city writes it, or undefined. */
export function matchReplyStatus(statuses: readonly string[], v: Cell): string | undefined {
  return matchWord(statuses, v);
}

export const recommendationLabel = (r: Recommendation) => `${r.number}（${formatFiscalYear(r.year)}）`;

export interface OpenRecommendation {
  readonly recommendation: Recommendation;
  /** Each department addressed, with its latest reply up to the year (none: 未回答). */
  readonly replies: ReadonlyArray<{ readonly department: string; readonly reply?: ReplyRecord }>;
}

/** Not yet asked: a 提言 of the summary's own year is put to the departments next year. */
export const ASKED_NEXT_YEAR = '翌年度にたずねます';
export const NO_REPLY = '未回答';

/**
 * The 提言 the summary of `year` follows: every one of that year or before that was not already
 * closed (対応済 by every department addressed) before that year. One closed this year is shown once more.
 */
export function openRecommendations(
  recommendations: readonly Recommendation[],
  replies: readonly ReplyRecord[],
  year: number,
): OpenRecommendation[] {
  const latest = latestReplies(replies, year);
  const closedBefore = (r: Recommendation, d: Department) =>
    replies.some(
      (x) => x.number === r.number && x.department === d.name && x.year < year && norm(x.status) === REPLY_DONE,
    );
  return recommendations
    .filter((r) => r.year <= year && !r.departments.every((d) => closedBefore(r, d)))
    .sort((a, b) => a.year - b.year || a.row - b.row)
    .map((recommendation) => ({
      recommendation,
      replies: recommendation.departments.map((d) => ({
        department: d.name,
        reply: latest.get(`${recommendation.number}|${d.name}`),
      })),
    }));
}

/** This year's committee grade of each 課題, by 目標-課題. */
export function committeeGradesOf(grades: readonly CommitteeGrade[], year: number): Map<string, CommitteeGrade> {
  return new Map(grades.filter((g) => g.year === year && g.grade !== '').map((g) => [g.issueKey, g]));
}
