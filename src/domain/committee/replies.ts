/** 提言への対応: each department's reply to a 提言, year by year, as merged from its request tab. */
import { type Cell, type Grid, norm } from '../core/cells';
import type { DepartmentDirectory } from '../core/departments';
import type { Finding } from '../core/findings';
import { parseFiscalYear } from '../core/fiscalYear';
import { matchWord } from '../core/scales';
import { type Table, cell, locateTable } from '../core/table';
import { HEADERS, TAB } from '../core/tabs';

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

export const replyKey = (year: number, number: string, department: string) => `${year}|${number}|${department}`;

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

/** 対応状況 as the city writes it, or undefined. */
export function matchReplyStatus(statuses: readonly string[], v: Cell): string | undefined {
  return matchWord(statuses, v);
}
