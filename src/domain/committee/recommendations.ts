/**
 * The committee's 提言 (点検・評価・提言): each addressed to departments, asked of them the next
 * year and followed until every department addressed has replied 対応済.
 */
import { type Cell, type Grid, isBlank, norm } from '../core/cells';
import type { Department, DepartmentDirectory } from '../core/departments';
import { type Finding, type Said, error } from '../core/findings';
import { formatFiscalYear } from '../core/fiscalYear';
import { fiscalYear, text } from '../core/schemas';
import { type Table, cell, locateTable, parseRow, rule } from '../core/table';
import { HEADERS, REPLY_DONE, TAB } from '../core/tabs';
import * as M from './committeeMessages';
import { type ReplyRecord, latestReplies } from './replies';

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
