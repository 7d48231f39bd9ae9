/** 委員会評価: the committee's grade and 意見 per 課題, and the rows the summary adds for it to fill. */
import { type Cell, type Grid, norm } from '../core/cells';
import { type Finding, error } from '../core/findings';
import { parseFiscalYear } from '../core/fiscalYear';
import type { Grade } from '../core/scales';
import { type Table, cell, locateTable } from '../core/table';
import { HEADERS, TAB } from '../core/tabs';
import * as M from './committeeMessages';

export interface CommitteeGrade {
  readonly year: number;
  readonly issueKey: string;
  readonly grade: string;
  readonly comment: string;
  readonly row: number;
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

/** This year's committee grade of each 課題, by 目標-課題. */
export function committeeGradesOf(grades: readonly CommitteeGrade[], year: number): Map<string, CommitteeGrade> {
  return new Map(grades.filter((g) => g.year === year && g.grade !== '').map((g) => [g.issueKey, g]));
}
