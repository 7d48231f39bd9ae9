import { tableLayout } from '../domain/core/catalogue';
import { byCurrentDepartment, readAnswers } from '../domain/inputs/answers';
import { type Cell, type OutCell, compact, contiguousRuns, isBlank } from '../domain/core/cells';
import type { DepartmentDirectory } from '../domain/core/departments';
import type { Project } from '../domain/inputs/inputs';
import { cell, locateTable } from '../domain/core/table';
import { readReplies } from '../domain/committee/replies';
import { type Finding, error, hasErrors } from '../domain/core/findings';
import { parseFiscalYear } from '../domain/core/fiscalYear';
import { mergeAnswers } from '../domain/answers/merge';
import { HEADING, type RequestTabContent, TOKEN_CELL, requestTabName } from '../domain/requests/requestTab';
import { ANSWER_FIELDS, type AnswerField, HEADERS, TAB } from '../domain/core/tabs';
import type { Workbook } from '../port';
import { type ActionResult, checkInputs, findingsSummary, replaceTab } from './shared/action';
import { existingRequestTabs, requestTabFor, requestTabsOf } from './shared/requestTabs';
import * as M from '../domain/answers/exchangeMessages';
import { parseSnapshot, planReturn, returnSnapshot } from '../domain/answers/returns';
import * as A from './shared/actionMessages';

/**
 * One department's request as a workbook of its own, to send by mail to an office that works
 * offline: the same tab createRequests makes, with the answers typed so far.
 */
export function exportRequest(
  book: Workbook,
  departmentText: string,
  out: Workbook,
  newToken: () => string,
  now = new Date(),
): ActionResult {
  const title = '調査シートの書き出し';
  const { inputs, findings } = checkInputs(book);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings)
    return refuse(title, `${M.inputsHaveErrors('書き出して')}\n\n${findingsSummary(findings)}`, findings);
  const d = inputs.directory.resolve(departmentText);
  if (!d) {
    const hint = inputs.directory.suggest(departmentText);
    return refuse(title, M.unknownDepartment(departmentText, hint));
  }
  if (!inputs.projects.some((p) => p.departments.includes(d))) return refuse(title, M.noProjects(d.name));
  const own = requestTabsOf(book, inputs).owned.get(d);
  const current = own?.year === settings.year ? own : undefined;
  const answers = byCurrentDepartment(readAnswers(book.read(TAB.answers), [], settings.scales), inputs.directory, []);
  const replies = readReplies(book.read(TAB.replies), inputs.directory, []).records;
  const tab = requestTabFor(inputs, settings, answers, replies, d, current);
  const sheet = current?.sheet ?? requestTabName(d.name, new Set());
  // The file carries a 確認コード the book records for this department and year: a file whose
  // heading was changed to another department's is known by it (a re-export keeps the code).
  const log = exportedTokens(book, inputs.directory);
  const token = log.entries.find((e) => e.department === d && e.year === settings.year)?.token ?? newToken();
  if (!log.entries.some((e) => e.token === token)) {
    replaceTab(
      book,
      TAB.exports,
      [...(log.values ?? [[...HEADERS.exports]]), [d.name, settings.year, token, now]],
      log.values,
      { layout: tableLayout(TAB.exports) },
    );
  }
  const rows = tab.rows.map((line, i) =>
    i === TOKEN_CELL.row - 1
      ? [...line, ...Array<string>(TOKEN_CELL.col - 1 - line.length).fill(''), HEADING.token, token]
      : line,
  );
  replaceTab(out, sheet, rows, undefined, { layout: tab.layout });
  return {
    ok: true,
    title,
    // The department's 事業 (the tab's rows also hold its heading and, from year 2, the 提言 table).
    message: M.exported(d.name, settings.year, inputs.projects.filter((p) => p.departments.includes(d)).length, token),
    findings: [],
  };
}

/**
 * Takes back a department's answered file: checked by the same rules as mergeResponses, then
 * its answers written into that department's request tab. A file for another year or
 * department, or answers that differ from ones already typed in the tab, are refused.
 */
export function importRequest(book: Workbook, incoming: Workbook, fileLabel: string): ActionResult {
  const title = '調査シートの取り込み';
  const { inputs, findings } = checkInputs(book);
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings)
    return refuse(title, `${M.inputsHaveErrors('取り込んで')}\n\n${findingsSummary(findings)}`, findings);
  const file = existingRequestTabs(incoming)[0];
  const wrongFile = checkReturnedFile(file, settings.year, fileLabel);
  if (wrongFile || !file) return refuse(title, wrongFile ?? '');
  const d = inputs.directory.resolve(file.departmentText);
  if (!d) return refuse(title, M.fileDepartmentUnknown(fileLabel, file.departmentText));
  const issued = exportedTokens(book, inputs.directory).entries.find(
    (e) => e.department === d && e.year === settings.year,
  )?.token;
  if (!file.token || file.token !== issued) {
    return refuse(title, M.tokenMismatch(fileLabel, file.token, d.name));
  }
  const swapped = swappedRows(file, inputs.projects, fileLabel);
  if (swapped.length) return refuse(title, M.swappedRows(fileLabel), swapped);
  const owned = requestTabsOf(book, inputs).owned.get(d);
  const target = owned?.year === settings.year ? owned : undefined;
  if (!target || !target.table) return refuse(title, M.noTargetTab(d.name, settings.year));

  const checked = mergeAnswers({
    settings,
    projects: inputs.projects,
    directory: inputs.directory,
    tabs: [{ tab: file, department: d }],
    answers: { records: [] },
    answerValues: [],
    now: new Date(),
    recommendations: inputs.recommendations,
  });
  const problems = checked.findings.map((f) => ({ ...f, sheet: `${fileLabel}：${f.sheet}` }));
  if (hasErrors(problems))
    return refuse(title, `${M.answersHaveErrors(fileLabel)}\n\n${findingsSummary(problems)}`, problems);

  // A row still as the last import left it is the department's earlier answer: the file replaces it.
  const logged = exportedTokens(book, inputs.directory);
  const entry = logged.entries.find((e) => e.department === d && e.year === settings.year);
  const plan = planReturn(target, file, parseSnapshot(entry?.snapshot ?? ''), typedReplies, settings.scales);
  if (plan.conflicts.length) return refuse(title, M.conflicts(target.sheet), plan.conflicts);

  const byId = new Map(file.rows.filter((r) => r.id !== '').map((r) => [r.id, r.fields]));
  const imported = writeAnswersInto(book, target, byId, plan.replaced);
  const replies = writeRepliesInto(book, target, typedReplies(file));
  recordSnapshot(book, logged, entry, target, byId, plan.replaced, file);
  return {
    ok: true,
    title,
    message:
      A.returnWritten(fileLabel, imported, replies, target.sheet) +
      (plan.changes.length ? `\n${M.corrected(plan.changes)}` : '') +
      `\n${A.mergeNext()}`,
    findings: problems,
  };
}

/**
 * Writes answers into a request tab by 事業番号, one block per run of answer columns; cells with
 * nothing to put keep what they hold. Returns how many rows received answers.
 */
export function writeAnswersInto(
  book: Workbook,
  target: RequestTabContent,
  byId: ReadonlyMap<string, Readonly<Partial<Record<AnswerField, Cell>>>>,
  replaced: ReadonlySet<string> = new Set(),
): number {
  const table = target.table;
  if (!table || target.rows.length === 0) return 0;
  const fieldAt = new Map(ANSWER_FIELDS.map((f) => [table.columns.get(f)!, f]));
  const first = target.rows[0].row;
  const last = target.rows[target.rows.length - 1].row;
  const idAt = new Map(target.rows.map((r) => [r.row, r.id]));
  for (const run of contiguousRuns([...fieldAt.keys()].sort((a, b) => a - b))) {
    const block: OutCell[][] = target.values.slice(first - 1, last).map((line, i) => {
      const id = idAt.get(first + i) ?? '';
      const from = byId.get(id);
      return run.map((c) => afterImport(from && { value: from[fieldAt.get(c)!] }, line[c - 1] ?? '', replaced.has(id)));
    });
    book.write(target.sheet, first, run[0], block);
  }
  return target.rows.filter((r) => {
    const f = byId.get(r.id);
    return f && ANSWER_FIELDS.some((k) => f[k] !== undefined && !isBlank(f[k]));
  }).length;
}

/** The reply rows of a tab that hold something, by 提言番号. */
export function typedReplies(tab: RequestTabContent): Map<string, { status: Cell; content: Cell }> {
  return new Map(
    tab.replies
      .filter((r) => r.number !== '' && (!isBlank(r.status) || !isBlank(r.content)))
      .map((r) => [r.number, { status: r.status, content: r.content }]),
  );
}

/**
 * Writes replies into a request tab's second table by 提言番号, one block over its two answer
 * columns; cells with nothing to put keep what they hold. Returns how many rows received one.
 */
export function writeRepliesInto(
  book: Workbook,
  target: RequestTabContent,
  byNumber: ReadonlyMap<string, { status: Cell; content: Cell }>,
): number {
  const table = target.replyTable;
  if (!table || target.replies.length === 0 || byNumber.size === 0) return 0;
  const cols = [table.columns.get('対応内容')!, table.columns.get('対応状況')!];
  const first = target.replies[0].row;
  const last = target.replies[target.replies.length - 1].row;
  const numberAt = new Map(target.replies.map((r) => [r.row, r.number]));
  let count = 0;
  for (const run of contiguousRuns([...cols].sort((a, b) => a - b))) {
    const block: OutCell[][] = Array.from({ length: last - first + 1 }, (_, i) => {
      const line = target.values[first + i - 1] ?? [];
      const from = byNumber.get(numberAt.get(first + i) ?? '');
      return run.map((c) =>
        afterImport(from && { value: c === cols[0] ? from.content : from.status }, line[c - 1] ?? '', false),
      );
    });
    book.write(target.sheet, first, run[0], block);
  }
  for (const r of target.replies) if (byNumber.has(r.number)) count++;
  return count;
}

/**
 * What a cell holds after an import: the file's value where it has one; otherwise what the tab
 * held, except in a row the file replaces whole (a correction), where an emptied cell is emptied.
 * `from` is absent where the file has no row for this one.
 */
function afterImport(from: { value: Cell | undefined } | undefined, inTab: Cell, whole: boolean): Cell {
  if (!from) return inTab;
  if (whole) return from.value ?? '';
  return from.value !== undefined && !isBlank(from.value) ? from.value : inTab;
}

/** The 確認コード recorded for each department and year by exportRequest. */
function exportedTokens(book: Workbook, directory: DepartmentDirectory) {
  const values = book.read(TAB.exports);
  const table = values && locateTable(TAB.exports, values, [], HEADERS.exports);
  const entries = (table?.rows ?? []).map((r) => ({
    department: directory.resolve(String(cell(table!, r, '所管課'))),
    year: parseFiscalYear(cell(table!, r, '対象年度')),
    token: String(cell(table!, r, '確認コード')).trim(),
    snapshot: cell(table!, r, '最後に取り込んだ回答'),
    row: r.row,
  }));
  return { values, table, entries };
}

/**
 * Remembers what this import left in each row of the tab (書き出し記録's 最後に取り込んだ回答), so
 * that the department's next return may replace it. An older 書き出し記録 gets the column.
 */
function recordSnapshot(
  book: Workbook,
  logged: ReturnType<typeof exportedTokens>,
  entry: ReturnType<typeof exportedTokens>['entries'][number] | undefined,
  target: RequestTabContent,
  byId: ReadonlyMap<string, Readonly<Partial<Record<AnswerField, Cell>>>>,
  replaced: ReadonlySet<string>,
  file: RequestTabContent,
): void {
  if (!entry || !logged.values || !logged.table) return;
  // What the tab holds now, worked out by the same rule the writes followed.
  const after = target.rows.map((r) => {
    const from = byId.get(r.id);
    const fields = Object.fromEntries(
      ANSWER_FIELDS.map((f) => [f, afterImport(from && { value: from[f] }, r.fields[f], replaced.has(r.id))]),
    );
    return { id: r.id, fields };
  });
  const inTab = typedReplies(target);
  const replies = new Map(inTab);
  for (const [number, r] of typedReplies(file)) {
    const t = inTab.get(number);
    replies.set(number, {
      status: afterImport({ value: r.status }, t?.status ?? '', false),
      content: afterImport({ value: r.content }, t?.content ?? '', false),
    });
  }
  const rows = logged.values.map((line) => [...line]);
  let col = logged.table.columns.get('最後に取り込んだ回答');
  if (col === undefined) {
    col = Math.max(rows[logged.table.headerRow - 1].length + 1, HEADERS.exports.length);
    rows[logged.table.headerRow - 1][col - 1] = '最後に取り込んだ回答';
  }
  const line = rows[entry.row - 1];
  while (line.length < col) line.push('');
  line[col - 1] = returnSnapshot(after, replies);
  replaceTab(book, TAB.exports, rows, logged.values);
}

/** Rows of a returned file whose 事業名 is not the plan's for their 事業番号 (numbers swapped by hand). */
function swappedRows(file: RequestTabContent, projects: readonly Project[], fileLabel: string): Finding[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const nameCol = file.table?.columns.get('事業名');
  return file.rows.flatMap((r) => {
    const p = byId.get(r.id);
    if (!p || compact(r.name) === compact(p.name)) return [];
    return [error(`${fileLabel}：${file.sheet}`, r.row, nameCol, M.say.swappedRow(r.id, String(r.name), p.name))];
  });
}

function refuse(title: string, message: string, findings: readonly Finding[] = []): ActionResult {
  return { ok: false, title, message, findings };
}

/** Why a returned file cannot be taken back, before anything in it is looked at (none: it may be). */
function checkReturnedFile(file: RequestTabContent | undefined, year: number, fileLabel: string): string | undefined {
  if (!file) return M.noRequestTabInFile(fileLabel);
  if (file.year !== year) return M.fileOfAnotherYear(fileLabel, file.yearText, year);
  return undefined;
}
