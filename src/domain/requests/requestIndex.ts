import { type Cell, type Grid, type OutGrid, a1, columnNumber, isBlank, isBlankGrid, norm } from '../core/cells';
import type { Extent } from '../core/layout';
import type { Department, DepartmentDirectory } from '../core/departments';
import type { RequestTabContent } from './requestTab';
import { parseFiscalYear } from '../core/fiscalYear';
import { cell, locateTable } from '../core/table';
import { HEADERS, TAB } from '../core/tabs';

/** 回答状況 of a department's request: nothing typed, some rows empty, every row answered. */
export type AnswerStatus = '未回答' | '回答中' | '回答済';

/** One line of 調査シート一覧: which tab is whose, and how far its answers have come. */
export interface IndexEntry {
  readonly department: string;
  readonly sheet: string;
  /** The tab's ID: what makes it the department's, whatever its name, place or heading. */
  readonly sheetId: string;
  readonly year: number;
  readonly projects: number;
  readonly answered: number;
  readonly status: AnswerStatus;
  readonly mergedAt: Cell;
  /** What the tab's protection and validation were last set for (skipped when unchanged). */
  readonly layoutKey: string;
  /** The area the tool last wrote (A1:L18): a protected tab holds nothing typed outside it. */
  readonly extent?: Extent;
}

export function readIndex(values: Grid | undefined): IndexEntry[] {
  if (!values) return [];
  const table = locateTable(TAB.requestIndex, values, [], ['所管課', 'シート名'], HEADERS.requestIndex.slice(2));
  if (!table) return [];
  return table.rows.map((r) => {
    const status = norm(cell(table, r, '回答状況'));
    return {
      department: String(cell(table, r, '所管課')).trim(),
      sheet: String(cell(table, r, 'シート名')).trim(),
      sheetId: String(cell(table, r, 'シートID')).trim(),
      year: parseFiscalYear(cell(table, r, '対象年度')) ?? 0,
      projects: Number(cell(table, r, '事業数')) || 0,
      answered: Number(cell(table, r, '回答済')) || 0,
      status: status === '回答済' || status === '回答中' ? status : '未回答',
      mergedAt: cell(table, r, '最終取込'),
      layoutKey: String(cell(table, r, '保護・入力規則')),
      extent: parseArea(cell(table, r, '範囲')),
    };
  });
}

export function indexRows(entries: readonly IndexEntry[]): OutGrid {
  return [
    [...HEADERS.requestIndex],
    ...entries.map((e) => [
      e.department,
      e.sheet,
      e.year,
      e.projects,
      e.answered,
      e.status,
      e.mergedAt,
      e.layoutKey,
      e.sheetId,
      e.extent ? `A1:${a1(e.extent.rows, e.extent.cols)}` : '',
    ]),
  ];
}

/** "A1:L18" as 18 rows and 12 columns; undefined for anything else. */
function parseArea(v: Cell): Extent | undefined {
  const m = /^A1:([A-Z]{1,3})(\d{1,7})$/.exec(norm(v).toUpperCase());
  return m ? { rows: Number(m[2]), cols: columnNumber(m[1]) } : undefined;
}

/**
 * The area to read of a recorded tab: only where its department may edit nothing outside what
 * the tool wrote (a tab protected with a warning only can hold anything anywhere).
 */
export function readableArea(e: IndexEntry | undefined): Extent | undefined {
  return e?.extent && !e.layoutKey.includes('警告のみ') && /編集者\d+名/.test(e.layoutKey) ? e.extent : undefined;
}

/** 提言 asked in a tab whose reply (対応状況 or 対応内容) is still empty. */
export function openReplyNumbers(tab: Pick<RequestTabContent, 'replies'>): string[] {
  return tab.replies.filter((r) => r.number !== '' && (isBlank(r.status) || isBlank(r.content))).map((r) => r.number);
}

/**
 * 回答済 once every 事業 has its 自己評価 and every 提言 asked its reply: the merge, 調査シート一覧
 * and the reminder say the same of a department.
 */
export function statusOf(answered: number, total: number, anyTyped: boolean, openReplies = 0): AnswerStatus {
  if (total > 0 && answered >= total && openReplies === 0) return '回答済';
  return anyTyped ? '回答中' : '未回答';
}

/**
 * A short, readable key of what a tab's formatting was set for ("10行・編集者1名・書式#1a2b3c4d・
 * 保護#5e6f7a8b"): its look (fills, wrap, dropdowns) and who its protection lets edit apart, so
 * that a change of the scale sets the dropdowns again without touching the protections, and a
 * change of rows only moves the answer area.
 */
export function layoutKey(look: unknown, protection: unknown, rows: number, editors: number): string {
  return `${rows}行・${editors ? `編集者${editors}名` : '警告のみ'}・書式#${fingerprint(look)}・保護#${fingerprint(protection)}`;
}

/**
 * Which parts of a tab's formatting differ between the key it was set for and the key now:
 * its look, who its protection lets edit, and its number of rows (where the answer area ends).
 */
export function changedParts(
  before: string | undefined,
  now: string,
): { look: boolean; protection: boolean; rows: boolean } {
  const part = (key: string | undefined, pattern: RegExp) => pattern.exec(key ?? '')?.[1];
  const differs = (pattern: RegExp) =>
    part(before, pattern) === undefined || part(before, pattern) !== part(now, pattern);
  return { look: differs(/書式#([0-9a-f]{8})/), protection: differs(/保護#([0-9a-f]{8})/), rows: differs(/^(\d+)行/) };
}

/** FNV-1a over the JSON text: 8 hex digits. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Which request tab is whose, and the tabs that claim a department without being its tab. */
export interface Ownership {
  /** Each department's tab, by its name. */
  readonly owned: ReadonlyMap<Department, string>;
  /** Tabs with content that are no department's recorded tab: never merged, never adopted. */
  readonly refused: ReadonlyArray<{ readonly tab: RequestTabContent; readonly department?: Department }>;
}

/**
 * A request tab is its department's by the sheet ID recorded in 調査シート一覧, never by its
 * name, place or heading. A line without an ID names the tab: an index written before IDs were
 * kept, or a tab a run was about to create (createRequests records the names first, so that a run
 * cut off before it recorded the IDs is completed by the next). A tab the index does not know is
 * never adopted, whoever protected it (the owner passes every protection): it is refused.
 *
 * `contentOf` reads a tab: only the tabs the recorded IDs do not settle are read, so that a run
 * over 200 recorded tabs reads none of them to know whose each is.
 */
export function assignTabs(
  sheets: readonly string[],
  contentOf: (sheet: string) => RequestTabContent,
  ids: ReadonlyMap<string, string>,
  index: readonly IndexEntry[],
  directory: DepartmentDirectory,
): Ownership {
  const owned = new Map<Department, string>();
  const taken = new Set<string>();
  const own = (d: Department | undefined, sheet: string | undefined) => {
    if (!d || sheet === undefined || owned.has(d) || taken.has(sheet)) return;
    owned.set(d, sheet);
    taken.add(sheet);
  };
  const byId = new Map(sheets.map((sheet) => [ids.get(sheet), sheet]));
  for (const e of index) {
    const d = directory.resolve(e.department);
    if (e.sheetId) own(d, byId.get(e.sheetId));
    else if (sheets.includes(e.sheet) && directory.resolve(contentOf(e.sheet).departmentText) === d) own(d, e.sheet);
  }
  const refused: Array<{ tab: RequestTabContent; department?: Department }> = [];
  for (const sheet of sheets) {
    if (taken.has(sheet)) continue;
    const t = contentOf(sheet);
    if (isBlankGrid(t.values)) continue;
    refused.push({ tab: t, department: directory.resolve(t.departmentText) });
  }
  return { owned, refused };
}

/**
 * 調査シート一覧 after a merge: each department's answer status now; the time of its last merge
 * (kept from the index where it was skipped) and the layout key of its tab carried over.
 */
export function entriesAfterMerge(
  outcomes: ReadonlyArray<{
    department: string;
    sheet: string;
    total: number;
    answered: number;
    status: AnswerStatus;
    merged: boolean;
  }>,
  index: readonly IndexEntry[],
  ids: ReadonlyMap<string, string>,
  year: number,
  now: Date,
): IndexEntry[] {
  return outcomes.map((o) => {
    const id = ids.get(o.sheet);
    return {
      department: o.department,
      sheet: o.sheet,
      sheetId: id ?? '',
      year,
      projects: o.total,
      answered: o.answered,
      status: o.status,
      mergedAt: o.merged ? now : (index.find((e) => e.sheetId === id && e.year === year)?.mergedAt ?? ''),
      // What the tool last wrote to the tab is carried over: the merge writes nothing there.
      ...carried(index.find((e) => e.sheetId === id || (!e.sheetId && e.sheet === o.sheet))),
    };
  });
}

function carried(e: IndexEntry | undefined): Pick<IndexEntry, 'layoutKey' | 'extent'> {
  return { layoutKey: e?.layoutKey ?? '', extent: e?.extent };
}
