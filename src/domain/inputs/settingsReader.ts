/** Reads 設定: the year surveyed, the deadline, the scales and the 管理者. */
import { type Cell, TEXT_LIMIT, compact, isBlank, norm } from '../core/cells';
import { splitList } from '../core/departments';
import { type Finding, error, warning } from '../core/findings';
import { parseDate, parseFiscalYear } from '../core/fiscalYear';
import { parseGradeList, parseScales, parseWordList } from '../core/scales';
import { cell } from '../core/table';
import {
  DEFAULT_COMMITTEE_GRADES,
  DEFAULT_DIRECTIONS,
  DEFAULT_GRADES,
  DEFAULT_KPI_STATUSES,
  DEFAULT_REPLY_STATUSES,
  HEADERS,
  KPI_STATES,
  REPLY_DONE,
  SETTING,
  TAB,
  requestTitle,
} from '../core/tabs';
import { type Settings, type TabValues } from './inputModel';
import { tableOf, EMAIL } from './inputTable';
import * as M from './inputMessages';

export function readSettings(tabs: TabValues, findings: Finding[]): { settings?: Settings; admins: string[] } {
  const sheet = TAB.settings;
  const table = tableOf(tabs, sheet, HEADERS.settings, findings);
  if (!table) return { admins: [] };
  const values = new Map<string, { value: Cell; row: number }>();
  for (const row of table.rows) {
    const key = compact(cell(table, row, '項目'));
    if (key !== '' && !values.has(key)) values.set(key, { value: cell(table, row, '値'), row: row.row });
  }
  const valueCol = table.columns.get('値');
  const lastRow = table.rows.length ? table.rows[table.rows.length - 1].row : table.headerRow;
  const missing = (item: string, example: string) =>
    findings.push(error(sheet, values.get(item)?.row ?? lastRow + 1, valueCol, M.say.settingMissing(item, example)));
  const before = findings.length;
  let year: number | undefined;
  const yearCell = values.get(SETTING.year);
  if (!yearCell || isBlank(yearCell.value)) missing(SETTING.year, '2025 か 令和7年度');
  else {
    year = parseFiscalYear(yearCell.value);
    if (year === undefined) findings.push(error(sheet, yearCell.row, valueCol, M.say.yearUnreadable(yearCell.value)));
  }
  let deadline: Date | undefined;
  const deadlineCell = values.get(SETTING.deadline);
  if (!deadlineCell || isBlank(deadlineCell.value)) missing(SETTING.deadline, '2026/5/31');
  else {
    deadline = parseDate(deadlineCell.value);
    if (!deadline)
      findings.push(error(sheet, deadlineCell.row, valueCol, M.say.deadlineUnreadable(deadlineCell.value)));
  }
  const { scales, committee, replies, kpi, scaleLength } = readScales(values, valueCol, findings);
  const planCell = values.get(SETTING.planName);
  const planName = planCell && !isBlank(planCell.value) ? String(planCell.value).trim() : '男女平等推進プラン';
  // Texts the tool composes from 設定 must fit a cell too (the request tab's title and how-to line).
  const composed = [
    { item: SETTING.planName, length: requestTitle(planName).length },
    { item: SETTING.gradeScale, length: scaleLength + HOW_TO_ALLOWANCE },
  ];
  for (const c of composed) {
    if (c.length > TEXT_LIMIT)
      findings.push(error(sheet, values.get(c.item)?.row, valueCol, M.say.settingTooLong(c.item)));
  }
  const settings =
    findings.length > before || year === undefined || deadline === undefined
      ? undefined
      : {
          year,
          deadline,
          planName,
          scales,
          committeeGrades: committee.grades,
          replyStatuses: replies.words,
          kpiStatuses: kpi.words,
        };
  return { settings, admins: readAdmins(values.get(SETTING.admins), lastRow + 1, valueCol, findings) };
}

/** Room the how-to line of a request tab takes besides the scales' own text. */
const HOW_TO_ALLOWANCE = 400;

/**
 * 管理者: e-mails separated by commas, 、 or spaces. With none, the 注意 says who counts as one,
 * since every protection the tool makes then lets only the runner and the owner edit.
 */
function readAdmins(
  c: { value: Cell; row: number } | undefined,
  nextRow: number,
  col: number | undefined,
  findings: Finding[],
): string[] {
  const admins: string[] = [];
  for (const e of splitList(c?.value ?? '', /[,，、;\s]+/)) {
    if (EMAIL.test(norm(e))) admins.push(norm(e).toLowerCase());
    else findings.push(error(TAB.settings, c!.row, col, M.say.adminNotEmail(e)));
  }
  if (admins.length === 0 && !findings.some((f) => f.sheet === TAB.settings && f.row === c?.row)) {
    findings.push(warning(TAB.settings, c?.row ?? nextRow, col, M.say.noAdmins()));
  }
  return admins;
}

/** The city's scales of 設定 (each its default where blank); a scale that cannot be read is an error at its value. */
function readScales(
  values: ReadonlyMap<string, { value: Cell; row: number }>,
  valueCol: number | undefined,
  findings: Finding[],
) {
  const sheet = TAB.settings;
  const scaleText = (item: string, fallback: string) => {
    const c = values.get(item);
    return c && !isBlank(c.value) ? { text: String(c.value), row: c.row } : { text: fallback, row: undefined };
  };
  const grades = scaleText(SETTING.gradeScale, DEFAULT_GRADES);
  const directions = scaleText(SETTING.directionScale, DEFAULT_DIRECTIONS);
  const ungraded = scaleText(SETTING.ungraded, '');
  const scales = parseScales(grades.text, directions.text, ungraded.text);
  for (const problem of scales.problems) {
    const row = problem.item === 'grades' ? grades.row : problem.item === 'directions' ? directions.row : ungraded.row;
    findings.push(error(sheet, row, valueCol, problem.said));
  }
  const committeeText = scaleText(SETTING.committeeScale, DEFAULT_COMMITTEE_GRADES);
  const committee = parseGradeList(committeeText.text, SETTING.committeeScale, DEFAULT_COMMITTEE_GRADES);
  const replyText = scaleText(SETTING.replyScale, DEFAULT_REPLY_STATUSES);
  const replies = parseWordList(replyText.text, SETTING.replyScale, DEFAULT_REPLY_STATUSES);
  if (!replies.words.includes(REPLY_DONE)) replies.problems.push(M.say.replyDoneMissing());
  const kpiText = scaleText(SETTING.kpiScale, DEFAULT_KPI_STATUSES);
  const kpi = parseWordList(kpiText.text, SETTING.kpiScale, DEFAULT_KPI_STATUSES);
  if (kpi.words.length !== KPI_STATES.length)
    kpi.problems.splice(0, Infinity, M.say.kpiStatusesCount(kpi.words.length));
  for (const said of committee.problems) findings.push(error(sheet, committeeText.row, valueCol, said));
  for (const said of replies.problems) findings.push(error(sheet, replyText.row, valueCol, said));
  for (const said of kpi.problems) findings.push(error(sheet, kpiText.row, valueCol, said));
  // The request tab's 選べる区分 line holds both scales.
  return { scales, committee, replies, kpi, scaleLength: grades.text.length + directions.text.length };
}
