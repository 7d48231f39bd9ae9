import { type Cell, type Grid, isBlank, norm } from './cells';
import type { Finding } from './findings';
import { parseFiscalYear } from './fiscalYear';
import { type Table, locateTable } from './table';
import { ANSWER_FIELDS, type AnswerField, HEADERS, TAB } from './tabs';

/** One row of 回答: a department's answer on one 事業 for one fiscal year. */
export interface AnswerRecord {
  readonly year: number;
  readonly id: string;
  readonly department: string;
  readonly fields: Readonly<Record<AnswerField, Cell>>;
  readonly importedAt: Cell;
  /** 1-based row in 回答. */
  readonly row: number;
}

export interface AnswerTable {
  readonly table?: Table;
  readonly records: readonly AnswerRecord[];
}

export const answerKey = (year: number, id: string, department: string) => `${year}|${id}|${department}`;

/**
 * Reads 回答. Every header of the design must be there (a merge writes each of them). Rows it
 * cannot key (no year, 事業番号 or 所管課) are left as they are, never touched.
 */
export function readAnswers(values: Grid | undefined, findings: Finding[]): AnswerTable {
  if (values === undefined) return { records: [] };
  const { table, findings: found } = locateTable(TAB.answers, values, HEADERS.answers);
  findings.push(...found);
  if (!table || found.length) return { table, records: [] };
  // 回答 holds every year (100,000 rows in a large city): columns are looked up once, not per row.
  const at = (h: string) => (table.columns.get(h) ?? 0) - 1;
  const [yearCol, idCol, deptCol, importedCol] = [at('年度'), at('事業番号'), at('所管課'), at('取込日時')];
  const fieldCols = ANSWER_FIELDS.map((f) => [f, at(f)] as const);
  const records: AnswerRecord[] = [];
  for (const row of table.rows) {
    const v = row.values;
    const year = parseFiscalYear(v[yearCol] ?? '');
    const id = norm(v[idCol]);
    const department = String(v[deptCol] ?? '').trim();
    if (year === undefined || id === '' || department === '') continue;
    const fields = {} as Record<AnswerField, Cell>;
    for (const [f, c] of fieldCols) fields[f] = c < 0 ? '' : (v[c] ?? '');
    records.push({ year, id, department, fields, importedAt: importedCol < 0 ? '' : (v[importedCol] ?? ''), row: row.row });
  }
  return { table, records };
}

export function hasAnyAnswer(fields: Readonly<Partial<Record<AnswerField, Cell>>>): boolean {
  return ANSWER_FIELDS.some((f) => !isBlank(fields[f]));
}

/** Same content, compared as text (a count typed as "12" equals 12). */
export function sameAnswer(a: Readonly<Partial<Record<AnswerField, Cell>>>, b: Readonly<Partial<Record<AnswerField, Cell>>>): boolean {
  return ANSWER_FIELDS.every((f) => comparable(a[f]) === comparable(b[f]));
}

function comparable(v: Cell | undefined): string {
  return v === undefined ? '' : String(v).trim();
}
