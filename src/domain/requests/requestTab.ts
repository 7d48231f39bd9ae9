import { REQUEST_SHAPE, widthsOf } from '../core/catalogue';
import type { Layout, Rect } from '../core/layout';
import { type AnswerRecord, answerLookup } from '../inputs/answers';
import { type Cell, type Grid, type OutGrid, formatDate, isBlank, norm } from '../core/cells';
import { type Department, INVISIBLE } from '../core/departments';
import { type Finding, error } from '../core/findings';
import { say } from './requestMessages';
import * as T from './requestTabMessages';
import { formatFiscalYear, parseFiscalYear } from '../core/fiscalYear';
import type { Recommendation } from '../committee/recommendations';
import type { Project } from '../inputs/inputs';
import { type Scales, lowestGrades } from '../core/scales';
import { type Table, cell, locateTable } from '../core/table';
import {
  ANSWER_FIELDS,
  type AnswerField,
  HEADERS,
  REQUEST_FILLED,
  REQUEST_TAB_PREFIX,
  requestTitle,
} from '../core/tabs';

/**
 * A department's request tab: a heading (label in A, value in B) above the table.
 *   1 title (and, in an exported file, its 確認コード at H1) · 2 対象年度 · 3 所管課 · 4 回答期限 ·
 *   5 回答のしかた · 6 選べる区分 · 7 header row · 8… rows
 */
export const REQUEST_HEADER_ROW = 7;
export const HEADING = {
  year: '対象年度',
  department: '所管課',
  deadline: '回答期限',
  howTo: '回答のしかた',
  scales: '選べる区分',
  token: '確認コード',
} as const;

/** Where the heading's values stand: messages about them point at these cells. */
export const HEADING_CELLS = {
  year: { row: 2, col: 2 },
  department: { row: 3, col: 2 },
} as const;

/** Where an exported request carries its 確認コード: top right, clear of the heading's long lines. */
export const TOKEN_CELL = { row: 1, col: 8 } as const;

/** 事業内容 of a row kept because it has answers although its 事業 left the plan. */
export const NOT_IN_PLAN = '※この事業は現在のプランにありません（入力済みの回答は残してあります）';
export const DUPLICATE_ROW = '※同じ事業番号の行がほかにもあります（入力済みの回答は残してあります）';

/** The title in column A above the second table, 提言への対応: where the 事業 table ends. */
export const REPLY_SECTION = '提言への対応';
/** 提言 of a reply row kept because it was typed although the 提言 is no longer asked of this department. */
export const NOT_ASKED = '※この提言は今はこの課にたずねていません（入力済みの対応は残してあります）';

export interface ReplyRow {
  readonly row: number;
  readonly number: string;
  readonly numberText: Cell;
  readonly text: Cell;
  readonly status: Cell;
  readonly content: Cell;
}

export interface RequestRow {
  readonly row: number;
  readonly id: string;
  readonly idText: Cell;
  readonly name: Cell;
  readonly description: Cell;
  readonly fields: Readonly<Record<AnswerField, Cell>>;
  /** Values of columns the tool does not know, by header. */
  readonly extras: ReadonlyMap<string, Cell>;
}

export interface RequestTabContent {
  readonly sheet: string;
  /** The tab's values as read (one read per tab). */
  readonly values: Grid;
  readonly year?: number;
  readonly yearText: string;
  readonly departmentText: string;
  /** The 確認コード of a request exported to a file (blank in the spreadsheet's own tabs). */
  readonly token: string;
  readonly table?: Table;
  readonly rows: readonly RequestRow[];
  readonly extraHeaders: readonly string[];
  /** What is wrong with the tab's header row, if anything. */
  readonly problems: readonly Finding[];
  /** The second table (提言への対応), where the tab has one. */
  readonly replyTable?: Table;
  readonly replies: readonly ReplyRow[];
}

export function isRequestTabName(name: string): boolean {
  return name.startsWith(REQUEST_TAB_PREFIX);
}

/** Reads a request tab: its heading and its rows, by header text. */
export function readRequestTab(sheet: string, values: Grid): RequestTabContent {
  // A heading is a label and, in the next cell, its value (most stand in A and B).
  const headingValue = (label: string) => {
    for (let r = 0; r < Math.min(values.length, REQUEST_HEADER_ROW - 1); r++) {
      const c = (values[r] ?? []).findIndex((v) => norm(v) === label);
      if (c >= 0) return values[r][c + 1] ?? '';
    }
    return '';
  };
  const yearCell = headingValue(HEADING.year);
  const departmentText = String(headingValue(HEADING.department)).trim();
  const token = String(headingValue(HEADING.token)).trim();
  const section = replySection(sheet, values);
  const problems: Finding[] = [];
  const table = locateTable(
    sheet,
    section ? values.slice(0, section.markerRow - 1) : values,
    problems,
    ['事業番号', ...ANSWER_FIELDS],
    HEADERS.request.filter((h) => h !== '事業番号' && !ANSWER_FIELDS.includes(h as AnswerField)),
  );
  const heading = {
    sheet,
    values,
    year: parseFiscalYear(yearCell),
    yearText: String(yearCell),
    departmentText,
    token,
    problems: [...problems, ...(section?.problems ?? [])],
    replyTable: section?.table,
    replies: section?.rows ?? [],
  };
  if (!table) return { ...heading, rows: [], extraHeaders: [] };
  const known = new Set<string>(HEADERS.request);
  const header = values[table.headerRow - 1];
  const extraCols = header
    .map((h, i) => ({ h: String(h).trim(), col: i + 1 }))
    .filter((x) => x.h !== '' && !known.has(x.h) && !table.columns.has(x.h));
  const rows = table.rows.map((r): RequestRow => ({
    row: r.row,
    id: norm(cell(table, r, '事業番号')),
    idText: cell(table, r, '事業番号'),
    name: cell(table, r, '事業名'),
    description: cell(table, r, '事業内容'),
    fields: Object.fromEntries(ANSWER_FIELDS.map((f) => [f, cell(table, r, f)])) as Record<AnswerField, Cell>,
    extras: new Map(extraCols.map((x) => [x.h, r.values[x.col - 1] ?? ''])),
  }));
  return { ...heading, table, rows, extraHeaders: extraCols.map((x) => x.h) };
}

/**
 * The 提言への対応 table below the 事業 table: found by its title in column A, then read by
 * its header texts like any table (rows counted on the whole tab).
 */
function replySection(
  sheet: string,
  values: Grid,
): { markerRow: number; table?: Table; rows: ReplyRow[]; problems: Finding[] } | undefined {
  let marker = -1;
  for (let r = REQUEST_HEADER_ROW; r < values.length; r++)
    if (norm(values[r]?.[0]) === REPLY_SECTION) {
      marker = r;
      break;
    }
  if (marker < 0) return undefined;
  const below = values.slice(marker);
  const findings: Finding[] = [];
  const local = locateTable(
    sheet,
    below,
    findings,
    HEADERS.requestReplies.slice(0, 1).concat(['対応内容', '対応状況']),
    ['年度', '提言', '課題'],
  );
  const shift = marker;
  const problems = findings.map((f) => ({ ...f, row: f.row === undefined ? undefined : f.row + shift }));
  if (!local) return { markerRow: marker + 1, rows: [], problems };
  const table: Table = {
    ...local,
    headerRow: local.headerRow + shift,
    rows: local.rows.map((r) => ({ ...r, row: r.row + shift })),
  };
  const rows = table.rows.map((r) => ({
    row: r.row,
    number: norm(cell(table, r, '提言番号')),
    numberText: cell(table, r, '提言番号'),
    text: cell(table, r, '提言'),
    status: cell(table, r, '対応状況'),
    content: cell(table, r, '対応内容'),
  }));
  return { markerRow: marker + 1, table, rows, problems };
}

export interface RequestTabInput {
  readonly planName: string;
  readonly year: number;
  readonly deadline: Date;
  readonly department: Department;
  readonly projects: readonly Project[];
  readonly previousGrades: ReadonlyMap<string, string>;
  readonly scales: Scales;
  /** 設定 管理者: they may edit the whole tab. */
  readonly admins: readonly string[];
  /** The tab as it stands, when it holds this year's request. */
  readonly existing?: RequestTabContent;
  /** 提言 of earlier years this department is asked to reply to (none: no second table). */
  readonly recommendations?: readonly Recommendation[];
  /** 対応状況の区分. */
  readonly replyStatuses?: readonly string[];
}

export interface RequestTab {
  readonly rows: OutGrid;
  readonly layout: Layout;
  /** Rows whose typed answers were carried over. */
  readonly answersKept: number;
  /** Rows kept at the bottom: answered, but no longer this department's 事業 in the plan. */
  readonly keptOutsidePlan: number;
  /** Rows of the second table (提言への対応). */
  readonly replyRows: number;
}

/**
 * The request tab's content: plan rows in plan order, each with what the department already
 * typed for that 事業番号 (wherever the row stood before), then answered rows that left the plan.
 */
export function buildRequestTab(input: RequestTabInput): RequestTab {
  const { existing, scales } = input;
  const extraHeaders = existing?.extraHeaders ?? [];
  const byId = new Map<string, RequestRow>();
  const leftovers: RequestRow[] = [];
  for (const r of existing?.rows ?? []) {
    if (r.id !== '' && !byId.has(r.id)) byId.set(r.id, r);
    else if (hasTyped(r)) leftovers.push(r);
  }
  const header = [...HEADERS.request, ...extraHeaders];
  const line = (id: Cell, name: Cell, description: Cell, previous: Cell, from: RequestRow | undefined) => [
    id,
    name,
    description,
    previous,
    ...ANSWER_FIELDS.map((f) => from?.fields[f] ?? ''),
    ...extraHeaders.map((h) => from?.extras.get(h) ?? ''),
  ];
  const body: OutGrid = [];
  let answersKept = 0;
  const planIds = new Set(input.projects.map((p) => p.id));
  for (const p of input.projects) {
    const from = byId.get(p.id);
    if (from && hasTyped(from)) answersKept++;
    body.push(line(p.id, p.name, p.description, input.previousGrades.get(p.id) ?? '', from));
  }
  let keptOutsidePlan = 0;
  for (const r of existing?.rows ?? []) {
    const outside = byId.get(r.id) === r && !planIds.has(r.id) && hasTyped(r);
    const duplicate = leftovers.includes(r);
    if (!outside && !duplicate) continue;
    keptOutsidePlan++;
    answersKept++;
    body.push(line(r.idText, r.name, outside ? NOT_IN_PLAN : DUPLICATE_ROW, '', r));
  }
  const gradeText = scales.grades.map((g) => `${g.code}：${g.label}`).join('　');
  const heading: OutGrid = [
    [requestTitle(input.planName)],
    [HEADING.year, formatFiscalYear(input.year)],
    [HEADING.department, input.department.name],
    [HEADING.deadline, formatDate(input.deadline)],
    [
      HEADING.howTo,
      // The merge refuses a C or D without its reason: said here, before anyone types.
      T.howTo(lowestGrades(scales)),
    ],
    [HEADING.scales, `自己評価：${gradeText}　／　今後の方向性：${scales.directions.join('・')}`],
  ];
  const replies = replyLines(input);
  const rows: OutGrid = [...heading, header, ...body, ...replies];
  const replyRows = Math.max(0, replies.length - REPLY_HEAD_ROWS);
  return { rows, layout: requestLayout(input, body.length, replyRows), answersKept, keptOutsidePlan, replyRows };
}

/** A blank row, the section's title and its header row stand above the reply rows. */
const REPLY_HEAD_ROWS = 3;

/** The second table: one row per 提言 asked, carrying what was typed; typed rows no longer asked kept below. */
function replyLines(input: RequestTabInput): OutGrid {
  const asked = input.recommendations ?? [];
  const typed = (input.existing?.replies ?? []).filter((r) => !isBlank(r.status) || !isBlank(r.content));
  const byNumber = new Map<string, ReplyRow>();
  for (const r of typed) if (!byNumber.has(r.number)) byNumber.set(r.number, r);
  const lines: OutGrid = asked.map((rec) => {
    const from = byNumber.get(rec.number);
    return [rec.number, shortYear(rec.year), rec.text, rec.issueKey, from?.content ?? '', from?.status ?? ''];
  });
  const numbers = new Set(asked.map((r) => r.number));
  for (const r of typed)
    if (!numbers.has(r.number) || byNumber.get(r.number) !== r)
      lines.push([r.numberText, '', NOT_ASKED, '', r.content, r.status]);
  if (lines.length === 0) return [];
  return [[], [REPLY_SECTION, T.replyHowTo()], [...HEADERS.requestReplies], ...lines];
}

const shortYear = (y: number) => formatFiscalYear(y).replace(/（.*）$/, '');

function hasTyped(r: RequestRow): boolean {
  return ANSWER_FIELDS.some((f) => !isBlank(r.fields[f])) || [...r.extras.values()].some((v) => !isBlank(v));
}

function requestLayout(input: RequestTabInput, count: number, replyRows: number): Layout {
  const first = REQUEST_HEADER_ROW + 1;
  const numRows = Math.max(count, 1);
  const col = (h: string) => HEADERS.request.indexOf(h as (typeof HEADERS.request)[number]) + 1;
  const answers: Rect = { row: first, col: REQUEST_FILLED.length + 1, numRows, numCols: ANSWER_FIELDS.length };
  const editors = input.department.editors;
  // The second table's header row and answer columns (under 実施状況・実績 and 自己評価).
  const replyHeader = first + numRows + REPLY_HEAD_ROWS - 1;
  const replyAnswers: Rect = { row: replyHeader + 1, col: 5, numRows: replyRows, numCols: 2 };
  const replyParts = replyRows > 0;
  return {
    frozenRows: REQUEST_HEADER_ROW,
    columnWidths: widthsOf(REQUEST_SHAPE),
    headerRows: replyParts ? [REQUEST_HEADER_ROW, replyHeader - 1, replyHeader] : [REQUEST_HEADER_ROW],
    inputAreas: replyParts ? [answers, replyAnswers] : [answers],
    wrap: [
      { row: REQUEST_HEADER_ROW, col: 1, numRows: numRows + 1, numCols: HEADERS.request.length },
      ...(replyParts
        ? [{ row: replyHeader, col: 1, numRows: replyRows + 1, numCols: HEADERS.requestReplies.length }]
        : []),
    ],
    print: 'landscape',
    validations: [
      {
        range: { row: first, col: col('自己評価'), numRows, numCols: 1 },
        rule: { kind: 'list', values: input.scales.grades.map((g) => g.code) },
        help: T.gradeHelp(input.scales.grades),
      },
      {
        range: { row: first, col: col('今後の方向性'), numRows, numCols: 1 },
        rule: { kind: 'list', values: [...input.scales.directions] },
        help: T.directionHelp(input.scales.directions),
      },
      {
        range: { row: first, col: col('参加者数（男性）'), numRows, numCols: 2 },
        rule: { kind: 'wholeNumber', min: 0 },
        help: T.countHelp(),
      },
      ...(replyParts
        ? [
            {
              range: { ...replyAnswers, col: replyAnswers.col + 1, numCols: 1 },
              rule: { kind: 'list' as const, values: [...(input.replyStatuses ?? [])] },
              help: T.statusHelp(input.replyStatuses ?? []),
            },
          ]
        : []),
    ],
    protection: {
      // A description costs a call per protection (createRequests must stay within Apps Script's
      // 6 minutes for 200 departments): only the warning-only
      // case, which needs explaining, carries one. The tab's name says whose it is.
      description: editors.length ? undefined : `${input.department.name} の調査シート（編集者未登録のため警告のみ）`,
      editors,
      admins: input.admins,
      warningOnly: editors.length === 0,
      editable: replyParts ? [answers, replyAnswers] : [answers],
    },
  };
}

/** Excel refuses tab names over 31 characters and these characters; Sheets is more lenient. */
const TAB_NAME_LIMIT = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A tab name for a department: 調査_<name> where it can be used as it is, otherwise a clear,
 * stable variant (shortened, forbidden characters replaced, numbered when it clashes).
 */
export function requestTabName(department: string, taken: ReadonlySet<string>): string {
  // Sheets and Excel tell tab names apart whatever their case: 調査_ABC課 and 調査_abc課 clash.
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  // Invisible characters never make a tab name: two names that look alike would give two tabs that look alike.
  const visible = department.replace(INVISIBLE, '');
  const base = (REQUEST_TAB_PREFIX + visible.replace(FORBIDDEN, '＿').replace(/^'|'$/g, '＿')).slice(0, TAB_NAME_LIMIT);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const name = base.slice(0, TAB_NAME_LIMIT - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Last year's grade of each of the department's 事業, by today's 事業番号 (following 旧事業番号):
 * records read with the scale carry it.
 */
export function previousGradeMap(
  records: readonly AnswerRecord[],
  projects: readonly Project[],
  year: number,
  department: string,
): Map<string, string> {
  const find = answerLookup(records.filter((r) => r.year === year - 1 && r.department === department));
  const out = new Map<string, string>();
  for (const p of projects) {
    const grade = find(year - 1, p, department)?.grade?.code;
    if (grade) out.set(p.id, grade);
  }
  return out;
}

export function yearMismatch(sheet: string, content: RequestTabContent, year: number): Finding | undefined {
  if (content.year === year) return undefined;
  return error(
    sheet,
    HEADING_CELLS.year.row,
    HEADING_CELLS.year.col,
    say.yearOfAnotherTab(content.yearText, formatFiscalYear(year)),
  );
}
