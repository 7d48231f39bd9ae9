import { type Cell, type Grid, dateText, isBlank, isDate, isNotApplicable, norm } from '../core/cells';
import type { DepartmentDirectory } from '../core/departments';
import { type Finding, warning } from '../core/findings';
import { parseFiscalYear } from '../core/fiscalYear';
import { parseCount } from '../core/quantity';
import { type Scales, type ScaleGrade, gradeReader, matchDirection, readGrade } from '../core/scales';
import { type Table, locateTable } from '../core/table';
import { ANSWER_FIELDS, type AnswerField, HEADERS, TAB } from '../core/tabs';
import { say } from './inputMessages';

/** One row of 回答: a department's answer on one 事業 for one fiscal year. */
export interface AnswerRecord {
  readonly year: number;
  readonly id: string;
  readonly department: string;
  readonly fields: Readonly<Record<AnswerField, Cell>>;
  readonly importedAt: Cell;
  /** 1-based row in 回答. */
  readonly row: number;
  /** 自己評価 read against the scale once, where 回答 was read with one (absent: blank or off the scale). */
  readonly grade?: ScaleGrade;
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
export function readAnswers(values: Grid | undefined, findings: Finding[], scales?: Scales): AnswerTable {
  if (values === undefined) return { records: [] };
  const table = locateTable(TAB.answers, values, findings, HEADERS.answers);
  if (!table?.complete) return { table, records: [] };
  // 回答 holds every year (100,000 rows in a large city): columns are looked up once, not per row.
  const at = (h: string) => (table.columns.get(h) ?? 0) - 1;
  const [yearCol, idCol, deptCol, importedCol] = [at('年度'), at('事業番号'), at('所管課'), at('取込日時')];
  const fieldCols = ANSWER_FIELDS.map((f) => [f, at(f)] as const);
  const gradeOf = scales && gradeReader(scales);
  const records: AnswerRecord[] = [];
  for (const row of table.rows) {
    const v = row.values;
    const year = parseFiscalYear(v[yearCol] ?? '');
    const id = norm(v[idCol]);
    const department = String(v[deptCol] ?? '').trim();
    if (year === undefined || id === '' || department === '') continue;
    const fields = {} as Record<AnswerField, Cell>;
    for (const [f, c] of fieldCols) fields[f] = c < 0 ? '' : (v[c] ?? '');
    records.push({
      year,
      id,
      department,
      fields,
      importedAt: importedCol < 0 ? '' : (v[importedCol] ?? ''),
      row: row.row,
      grade: gradeOf?.(fields['自己評価']),
    });
  }
  return { table, records };
}

/**
 * Finds one department's answer on a 事業 in a year: under the 事業's number, or else under one
 * of its 旧事業番号 (a 事業 renumbered at a revision keeps its history). Departments are
 * matched by name as given: pass records from byCurrentDepartment.
 */
export function answerLookup(records: readonly AnswerRecord[]) {
  const byKey = new Map(records.map((r) => [answerKey(r.year, r.id, r.department), r]));
  return (
    year: number,
    project: { readonly id: string; readonly formerIds?: readonly string[] },
    department: string,
  ): AnswerRecord | undefined => {
    for (const id of [project.id, ...(project.formerIds ?? [])]) {
      const r = byKey.get(answerKey(year, id, department));
      if (r) return r;
    }
    return undefined;
  };
}

export function hasAnyAnswer(fields: Readonly<Partial<Record<AnswerField, Cell>>>): boolean {
  return ANSWER_FIELDS.some((f) => !isBlank(fields[f]));
}

type Fields = Readonly<Partial<Record<AnswerField, Cell>>>;

/** Same content, compared as text (a count typed as "12" equals 12). */
export function sameAnswer(a: Fields, b: Fields): boolean {
  return ANSWER_FIELDS.every((f) => comparable(a[f]) === comparable(b[f]));
}

/**
 * An answer in the form 回答 stores it: the grade's code (Ｂ, b, B（おおむね達成） → B), the
 * direction as the scale writes it, head counts as numbers (５６人 → 56), a date Sheets made of
 * a text answer as the text typed. What cannot be read stays as typed (the merge reports it).
 */
export function normaliseAnswer(fields: Fields, scales: Scales): Record<AnswerField, Cell> {
  return readTypedAnswer(fields, scales).fields;
}

/** An answer as typed, normalised, with its 自己評価 read once (absent: blank or off the scale). */
export function readTypedAnswer(
  fields: Fields,
  scales: Scales,
): { fields: Record<AnswerField, Cell>; grade?: ScaleGrade } {
  const out = {} as Record<AnswerField, Cell>;
  const grade = readGrade(scales, fields['自己評価'] ?? '');
  for (const f of ANSWER_FIELDS) {
    const v = fields[f] ?? '';
    if (f === '自己評価') out[f] = grade?.code ?? v;
    else if (f === '今後の方向性') out[f] = matchDirection(scales, v) ?? v;
    else if (f === '参加者数（男性）' || f === '参加者数（女性）')
      out[f] = isBlank(v) || isNotApplicable(v) ? v : (parseCount(v) ?? v);
    else out[f] = isDate(v) ? dateText(v) : v;
  }
  return { fields: out, grade };
}

/**
 * Whether what a department typed is what 回答 holds: both normalised first, so an answer
 * stored in its normalised form (Ｂ → B, ５６人 → 56) counts as the answer typed.
 */
export function sameTypedAnswer(typed: Fields, stored: Fields, scales: Scales): boolean {
  return sameAnswer(normaliseAnswer(typed, scales), normaliseAnswer(stored, scales));
}

/**
 * 回答 seen through the departments as they are now: a row written under a department's old
 * name (kept as its 別名) is that department's, so every key (年度, 事業番号, 所管課) is the
 * current name. A key held by two rows (a row copied by hand) counts once, at its first row;
 * both rows are reported. Rows of a department no longer listed keep the name they carry.
 */
export function byCurrentDepartment(
  answers: AnswerTable,
  directory: DepartmentDirectory,
  findings: Finding[],
): AnswerRecord[] {
  const records: AnswerRecord[] = [];
  // year → department → 事業番号: no key string composed per row (回答 holds 100,000 rows).
  const first = new Map<number, Map<string, Map<string, AnswerRecord>>>();
  const col = (h: string) => answers.table?.columns.get(h);
  for (const r of answers.records) {
    const department = directory.resolve(r.department)?.name ?? r.department;
    const ofYear = first.get(r.year) ?? first.set(r.year, new Map()).get(r.year)!;
    const seen = ofYear.get(department) ?? ofYear.set(department, new Map()).get(department)!;
    const prior = seen.get(r.id);
    if (prior) {
      const message = say.duplicateAnswerRow(prior.row, r.row, r.year, r.id, department);
      findings.push(
        warning(TAB.answers, prior.row, col('事業番号'), message),
        warning(TAB.answers, r.row, col('事業番号'), message),
      );
      continue;
    }
    const record = department === r.department ? r : { ...r, department };
    seen.set(r.id, record);
    records.push(record);
  }
  return records;
}

function comparable(v: Cell | undefined): string {
  return v === undefined ? '' : String(v).trim();
}
