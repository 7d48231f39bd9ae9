/** Reads 体系 and プラン: the names of 目標/課題/施策 and every 事業 with its departments. */
import { norm } from '../core/cells';
import { type Department, DepartmentDirectory, splitList } from '../core/departments';
import { type Finding, error } from '../core/findings';
import { positiveInt, text } from '../core/schemas';
import { type Table, type TableRow, cell, parseRow, rule } from '../core/table';
import { HEADERS, PLAN_FORMER_IDS, TAB } from '../core/tabs';
import { type Project, type StructureEntry, type TabValues, structureKey } from './inputModel';
import { tableOf } from './inputTable';
import * as M from './inputMessages';

const LEVELS = ['目標', '課題', '施策'] as const;

export function readStructure(tabs: TabValues, findings: Finding[]): Map<string, StructureEntry> {
  const sheet = TAB.structure;
  const out = new Map<string, StructureEntry>();
  const table = tableOf(tabs, sheet, HEADERS.structure, findings);
  if (!table) return out;
  for (const row of table.rows) {
    const levelText = norm(cell(table, row, '区分'));
    const level = LEVELS.find((l) => l === levelText);
    if (!level) {
      findings.push(error(sheet, row.row, table.columns.get('区分'), M.say.levelUnknown(levelText)));
      continue;
    }
    const depth = LEVELS.indexOf(level) + 1;
    const rules = {
      goal: rule('目標', positiveInt('目標')),
      issue: rule('課題', positiveInt('課題'), depth >= 2),
      measure: rule('施策', positiveInt('施策'), depth >= 3),
      name: rule('名称', text('名称')),
    };
    const { value, ok } = parseRow(table, row, rules, findings);
    if (!ok) continue;
    const numbers = [value.goal!, value.issue, value.measure].slice(0, depth) as number[];
    const key = structureKey(...numbers);
    const prior = out.get(key);
    if (prior) {
      findings.push(error(sheet, row.row, table.columns.get('名称'), M.say.levelTwice(level, key)));
      continue;
    }
    out.set(key, { level, key, name: value.name! });
  }
  return out;
}

export function readPlan(
  tabs: TabValues,
  directory: DepartmentDirectory,
  structure: ReadonlyMap<string, StructureEntry>,
  findings: Finding[],
): Project[] {
  const sheet = TAB.plan;
  const table = tableOf(tabs, sheet, HEADERS.plan, findings, [PLAN_FORMER_IDS]);
  if (!table) return [];
  const rules = {
    goal: rule('目標', positiveInt('目標')),
    issue: rule('課題', positiveInt('課題')),
    measure: rule('施策', positiveInt('施策')),
    number: rule('事業', positiveInt('事業')),
    name: rule('事業名', text('事業名')),
    description: rule('事業内容', text('事業内容'), false),
    assigned: rule('所管', text('所管')),
  };
  const projects: Project[] = [];
  const firstRow = new Map<string, number>();
  const structureReported = new Set<string>();
  const colOf = (h: string) => table.columns.get(h);
  for (const row of table.rows) {
    const { value, ok } = parseRow(table, row, rules, findings);
    const departments =
      value.assigned === undefined ? [] : assignedDepartments(table, row.row, value.assigned, directory, findings);
    if (!ok) continue;
    const numbers = [value.goal!, value.issue!, value.measure!, value.number!];
    const id = structureKey(...numbers);
    const prior = firstRow.get(id);
    if (prior !== undefined) {
      const message = M.say.duplicateProjectId(id, prior, row.row);
      findings.push(error(sheet, prior, colOf('事業'), message), error(sheet, row.row, colOf('事業'), message));
      continue;
    }
    firstRow.set(id, row.row);
    // Each missing level is reported once, at the first row that needs it.
    LEVELS.forEach((level, i) => {
      const key = structureKey(...numbers.slice(0, i + 1));
      if (structure.has(key) || structureReported.has(key)) return;
      structureReported.add(key);
      findings.push(error(sheet, row.row, colOf(level), M.say.structureMissing(level, key)));
    });
    projects.push({
      id,
      goal: numbers[0],
      issue: numbers[1],
      measure: numbers[2],
      number: numbers[3],
      name: value.name!,
      description: value.description ?? '',
      assignedText: value.assigned!,
      departments,
      formerIds: readFormerIds(table, row, findings),
      row: row.row,
    });
  }
  checkFormerIds(projects, table, findings);
  return projects;
}

const PROJECT_ID = /^\d+-\d+-\d+-\d+$/;

/** 旧事業番号: 、-separated numbers of the form 目標-課題-施策-事業; a malformed one is an error at its cell. */
function readFormerIds(table: Table, row: TableRow, findings: Finding[]): string[] {
  const ids: string[] = [];
  for (const text of splitList(cell(table, row, PLAN_FORMER_IDS), /[、,，\s]+/)) {
    const id = norm(text).replace(/[‐－ー―]/g, '-');
    if (PROJECT_ID.test(id)) ids.push(id);
    else findings.push(error(table.sheet, row.row, table.columns.get(PLAN_FORMER_IDS), M.say.formerIdMalformed(text)));
  }
  return ids;
}

/**
 * A 旧事業番号 says whose history an old number is: it may not be another 事業's number today,
 * nor be claimed by two 事業 (either would give one answer to two 事業).
 */
function checkFormerIds(projects: readonly Project[], table: Table, findings: Finding[]): void {
  const col = table.columns.get(PLAN_FORMER_IDS);
  const current = new Map(projects.map((p) => [p.id, p]));
  const claimed = new Map<string, Project>();
  for (const p of projects) {
    for (const id of p.formerIds) {
      const owner = current.get(id);
      if (owner && owner !== p) {
        findings.push(error(table.sheet, p.row, col, M.say.formerIdIsCurrent(id, owner.row, owner.name)));
        continue;
      }
      const other = claimed.get(id);
      if (other && other !== p) {
        const message = M.say.formerIdClaimedTwice(id, other.row, p.row);
        findings.push(error(table.sheet, other.row, col, message), error(table.sheet, p.row, col, message));
        continue;
      }
      claimed.set(id, p);
    }
  }
}

/** The departments a 所管 names; each name not in 所管課, or a 関係各課 no department is marked for, is an error at the cell. */
function assignedDepartments(
  table: Table,
  row: number,
  assigned: string,
  directory: DepartmentDirectory,
  findings: Finding[],
): Department[] {
  const sheet = table.sheet;
  const colOf = (h: string) => table.columns.get(h);
  for (const a of directory.assignments(assigned)) {
    if (a.kind === 'unknown') {
      findings.push(error(sheet, row, colOf('所管'), M.say.unknownDepartment(a.text, a.suggestion)));
    } else if (a.kind === 'allConcerned' && directory.concerned().length === 0) {
      findings.push(error(sheet, row, colOf('所管'), M.say.noConcernedDepartment(a.text)));
    }
  }
  return directory.departmentsOf(assigned);
}
