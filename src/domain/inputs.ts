import { type Cell, type Grid, TEXT_LIMIT, compact, isBlank, norm } from './cells';
import { type Recommendation, readRecommendations } from './committee';
import { type Department, DepartmentDirectory, departmentKey, splitList } from './departments';
import { type Finding, error, warning, tabError } from './findings';
import { formatFiscalYear, parseDate, parseFiscalYear } from './fiscalYear';
import { type Quantity, type Target, onScale } from './quantity';
import { fiscalYear, flag, positiveInt, quantity, target, text } from './schemas';
import { type Grade, type Scales, parseGradeList, parseScales, parseWordList } from './scales';
import { type Table, type TableRow, cell, locateTable, parseRow, rule } from './table';
import {
  DEFAULT_COMMITTEE_GRADES,
  DEFAULT_DIRECTIONS,
  DEFAULT_GRADES,
  DEFAULT_REPLY_STATUSES,
  HEADERS,
  PLAN_FORMER_IDS,
  REPLY_DONE,
  SETTING,
  TAB,
  requestTitle,
} from './tabs';

export interface Project {
  /** 目標-課題-施策-事業, e.g. 4-1-2-3. */
  readonly id: string;
  readonly goal: number;
  readonly issue: number;
  readonly measure: number;
  readonly number: number;
  readonly name: string;
  readonly description: string;
  readonly assignedText: string;
  readonly departments: readonly Department[];
  /** Numbers this 事業 had in earlier years (旧事業番号): its history follows it. */
  readonly formerIds: readonly string[];
  readonly row: number;
}

export interface StructureEntry {
  readonly level: '目標' | '課題' | '施策';
  readonly key: string;
  readonly name: string;
}

export interface Indicator {
  readonly number: string;
  readonly name: string;
  readonly goal?: number;
  readonly baseYear: number;
  readonly base: Quantity;
  readonly targetYear: number;
  readonly target: Target;
  readonly source: string;
  readonly percent: boolean;
}

export interface IndicatorResult {
  readonly number: string;
  readonly year: number;
  readonly value: Quantity;
}

export interface Settings {
  readonly year: number;
  readonly deadline: Date;
  readonly planName: string;
  readonly scales: Scales;
  /** 委員会評価の区分: the committee's grades per 課題 (◎ ○ △ × by default). */
  readonly committeeGrades: readonly Grade[];
  /** 対応状況の区分: what a department may say of a 提言 (対応済 closes it). */
  readonly replyStatuses: readonly string[];
}

export interface PlanInputs {
  readonly projects: readonly Project[];
  readonly structure: ReadonlyMap<string, StructureEntry>;
  readonly indicators: readonly Indicator[];
  readonly results: readonly IndicatorResult[];
  readonly directory: DepartmentDirectory;
  /** Absent when 設定 has errors. */
  readonly settings?: Settings;
  /** 設定 管理者, lower-cased; empty when none are listed (then whoever runs the menu, and the owner). */
  readonly admins: readonly string[];
  /** 提言 of every year (none where the tab is missing). */
  readonly recommendations: readonly Recommendation[];
}

/** Values of the input tabs by tab name; a missing key means the tab does not exist. */
export type TabValues = Readonly<Record<string, Grid | undefined>>;

export const structureKey = (...numbers: number[]) => numbers.join('-');

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Tabs without which there is nothing to survey: an empty one is worth a 注意. */
const MUST_HAVE_ROWS = new Set<string>([TAB.plan, TAB.structure, TAB.departments]);

function tableOf(
  tabs: TabValues,
  sheet: string,
  required: readonly string[],
  findings: Finding[],
  optional: readonly string[] = [],
): Table | undefined {
  const values = tabs[sheet];
  if (values === undefined) {
    findings.push(
      tabError(
        sheet,
        `シート「${sheet}」がありません。メニューの「初期設定（シートを用意）」で作成し、内容を入力してください。シート名を変えた場合は「${sheet}」に戻してください。`,
      ),
    );
    return undefined;
  }
  const { table, findings: found } = locateTable(sheet, values, required, optional);
  findings.push(...found);
  if (table && table.rows.length === 0 && MUST_HAVE_ROWS.has(sheet)) {
    findings.push(
      warning(
        sheet,
        table.headerRow + 1,
        1,
        `「${sheet}」にまだ何も入力されていません。${table.headerRow + 1}行目から1行に1件ずつ入力してください。`,
      ),
    );
  }
  return table;
}

/**
 * Reads and checks every input tab. Everything that is wrong becomes a finding at its cell;
 * what could be read is returned so that later checks can still run.
 */
export function readInputs(tabs: TabValues): { inputs: PlanInputs; findings: Finding[] } {
  const findings: Finding[] = [];
  const directory = readDepartments(tabs, findings);
  const structure = readStructure(tabs, findings);
  const projects = readPlan(tabs, directory, structure, findings);
  const { indicators, results } = readIndicators(tabs, structure, findings);
  const { settings, admins } = readSettings(tabs, findings);
  const recommendations = readRecommendations(tabs[TAB.recommendations], directory, structure, findings);
  return {
    inputs: { projects, structure, indicators, results, directory, settings, admins, recommendations },
    findings,
  };
}

function readDepartments(tabs: TabValues, findings: Finding[]): DepartmentDirectory {
  const sheet = TAB.departments;
  const table = tableOf(tabs, sheet, ['所管課'], findings, ['別名', '編集者', '関係各課']);
  const departments: Department[] = [];
  if (!table) return new DepartmentDirectory(departments);
  const owner = new Map<string, { name: string; row: number; col: number }>();
  const rules = { name: rule('所管課', text('所管課')), concerned: rule('関係各課', flag('関係各課'), false) };
  for (const row of table.rows) {
    const { value, ok } = parseRow(table, row, rules, findings);
    if (!ok || !value.name) continue;
    const aliases = splitList(cell(table, row, '別名'));
    const editors = splitList(cell(table, row, '編集者'), /[,，、;\s]+/);
    for (const e of editors) {
      if (!EMAIL.test(norm(e))) {
        findings.push(
          error(
            sheet,
            row.row,
            table.columns.get('編集者'),
            `編集者「${e}」はメールアドレスの形ではありません。name@city.example.lg.jp のように書き、複数はカンマで区切ってください。`,
          ),
        );
      }
    }
    for (const [text, col] of [
      [value.name, table.columns.get('所管課')!],
      ...aliases.map((a) => [a, table.columns.get('別名')!] as const),
    ] as const) {
      const key = departmentKey(text);
      const prior = owner.get(key);
      if (prior && prior.name !== value.name) {
        findings.push(
          error(
            sheet,
            row.row,
            col,
            `「${text}」は ${prior.row}行目の「${prior.name}」の名前か別名にも使われています。どちらの課か決められないので、一方から外してください。`,
          ),
        );
      } else if (prior && prior.row !== row.row) {
        findings.push(
          error(
            sheet,
            row.row,
            col,
            `所管課「${value.name}」が ${prior.row}行目にもあります。1つの課は1行にまとめてください。`,
          ),
        );
      } else if (!prior) owner.set(key, { name: value.name, row: row.row, col });
    }
    departments.push({
      name: value.name,
      aliases,
      editors: editors.map((e) => norm(e)),
      concerned: value.concerned === true,
      row: row.row,
      editorsCol: table.columns.get('編集者'),
    });
  }
  return new DepartmentDirectory(departments);
}

const LEVELS = ['目標', '課題', '施策'] as const;

function readStructure(tabs: TabValues, findings: Finding[]): Map<string, StructureEntry> {
  const sheet = TAB.structure;
  const out = new Map<string, StructureEntry>();
  const table = tableOf(tabs, sheet, HEADERS.structure, findings);
  if (!table) return out;
  for (const row of table.rows) {
    const levelText = norm(cell(table, row, '区分'));
    const level = LEVELS.find((l) => l === levelText);
    if (!level) {
      findings.push(
        error(
          sheet,
          row.row,
          table.columns.get('区分'),
          `区分「${levelText}」は 目標・課題・施策 のいずれかにしてください。`,
        ),
      );
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
      findings.push(
        error(sheet, row.row, table.columns.get('名称'), `${level} ${key} が2回あります。1行にまとめてください。`),
      );
      continue;
    }
    out.set(key, { level, key, name: value.name! });
  }
  return out;
}

function readPlan(
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
    const departments: Department[] = [];
    if (value.assigned !== undefined) {
      for (const a of directory.assignments(value.assigned)) {
        if (a.kind === 'unknown') {
          const hint = a.suggestion ? `「${a.suggestion}」のことでしょうか。` : '';
          findings.push(
            error(
              sheet,
              row.row,
              colOf('所管'),
              `所管「${a.text}」は「${TAB.departments}」シートにない課です。${hint}課の名前を直すか、「${TAB.departments}」シートに課か別名を加えてください。`,
            ),
          );
        } else if (a.kind === 'allConcerned' && directory.concerned().length === 0) {
          findings.push(
            error(
              sheet,
              row.row,
              colOf('所管'),
              `所管が「${a.text}」ですが、「${TAB.departments}」シートの「関係各課」列が TRUE の課が1つもありません。この事業を依頼する課に TRUE を付けてください。`,
            ),
          );
        }
      }
      departments.push(...directory.departmentsOf(value.assigned));
    }
    if (!ok) continue;
    const numbers = [value.goal!, value.issue!, value.measure!, value.number!];
    const id = structureKey(...numbers);
    const prior = firstRow.get(id);
    if (prior !== undefined) {
      const message = `事業番号 ${id} が ${prior}行目と ${row.row}行目の2か所にあります。番号を付け直してください。`;
      findings.push(error(sheet, prior, colOf('事業'), message), error(sheet, row.row, colOf('事業'), message));
      continue;
    }
    firstRow.set(id, row.row);
    // Each missing level is reported once, at the first row that needs it.
    LEVELS.forEach((level, i) => {
      const key = structureKey(...numbers.slice(0, i + 1));
      if (structure.has(key) || structureReported.has(key)) return;
      structureReported.add(key);
      findings.push(
        error(
          sheet,
          row.row,
          colOf(level),
          `${level} ${key} が「${TAB.structure}」シートにありません。` +
            `「${TAB.structure}」シートに 区分「${level}」、番号 ${key.split('-').join('・')} の行と名称を加えてください。`,
        ),
      );
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
    else
      findings.push(
        error(
          table.sheet,
          row.row,
          table.columns.get(PLAN_FORMER_IDS),
          `${PLAN_FORMER_IDS}「${text}」は 4-1-2-3 のような「目標-課題-施策-事業」の番号にしてください。複数あるときは「、」で区切ります。`,
        ),
      );
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
        findings.push(
          error(
            table.sheet,
            p.row,
            col,
            `${PLAN_FORMER_IDS} ${id} は、今のプランの ${owner.row}行目の事業「${owner.name}」の事業番号です。この事業の以前の番号だけを書いてください。`,
          ),
        );
        continue;
      }
      const other = claimed.get(id);
      if (other && other !== p) {
        const message =
          `${PLAN_FORMER_IDS} ${id} が ${other.row}行目と ${p.row}行目の2つの事業に書かれています。` +
          `どちらの事業の以前の番号か決めて、一方から消してください。`;
        findings.push(error(table.sheet, other.row, col, message), error(table.sheet, p.row, col, message));
        continue;
      }
      claimed.set(id, p);
    }
  }
}

function readIndicators(
  tabs: TabValues,
  structure: ReadonlyMap<string, StructureEntry>,
  findings: Finding[],
): { indicators: Indicator[]; results: IndicatorResult[] } {
  const indicators: Indicator[] = [];
  const results: IndicatorResult[] = [];
  const table = tableOf(tabs, TAB.indicators, HEADERS.indicators, findings);
  if (table) {
    const rules = {
      name: rule('指標', text('指標')),
      goal: rule('目標', positiveInt('目標'), false),
      baseYear: rule('基準年度', fiscalYear('基準年度')),
      base: rule('基準値', quantity('基準値')),
      targetYear: rule('目標年度', fiscalYear('目標年度')),
      target: rule('目標値', target('目標値')),
      source: rule('出典', text('出典'), false),
    };
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const number = norm(cell(table, row, '番号'));
      const col = (h: string) => table.columns.get(h);
      if (number === '')
        findings.push(error(table.sheet, row.row, col('番号'), '「番号」が空です。指標の番号を入力してください。'));
      else if (seen.has(number))
        findings.push(
          error(
            table.sheet,
            row.row,
            col('番号'),
            `指標の番号 ${number} が ${seen.get(number)}行目にもあります。番号を付け直してください。`,
          ),
        );
      const { value, ok } = parseRow(table, row, rules, findings);
      if (!ok || number === '' || seen.has(number)) continue;
      seen.set(number, row.row);
      if (value.targetYear! < value.baseYear!) {
        findings.push(
          error(
            table.sheet,
            row.row,
            col('目標年度'),
            `目標年度（${formatFiscalYear(value.targetYear!)}）が基準年度（${formatFiscalYear(value.baseYear!)}）より前です。年度を確かめてください。`,
          ),
        );
        continue;
      }
      if (value.goal !== undefined && !structure.has(String(value.goal))) {
        findings.push(
          warning(table.sheet, row.row, col('目標'), `目標 ${value.goal} が「${TAB.structure}」シートにありません。`),
        );
      }
      const percent = value.base!.unit === '%' || value.target!.unit === '%';
      const units = new Set([value.base!.unit, value.target!.unit].filter((u) => u !== ''));
      if (units.size > 1) {
        findings.push(
          warning(
            table.sheet,
            row.row,
            col('目標値'),
            `基準値と目標値の単位（${[...units].join('・')}）が違います。同じ単位にしてください。`,
          ),
        );
      }
      indicators.push({
        number,
        name: value.name!,
        goal: value.goal,
        baseYear: value.baseYear!,
        base: value.base!,
        targetYear: value.targetYear!,
        target: value.target!,
        source: value.source ?? '',
        percent,
      });
    }
  }
  const resultTable = tableOf(tabs, TAB.indicatorResults, HEADERS.indicatorResults, findings);
  if (resultTable) {
    const rules = { year: rule('年度', fiscalYear('年度')), value: rule('実績', quantity('実績')) };
    const seen = new Map<string, number>();
    for (const row of resultTable.rows) {
      const number = norm(cell(resultTable, row, '番号'));
      const { value, ok } = parseRow(resultTable, row, rules, findings);
      const col = resultTable.columns.get('番号');
      if (number === '') {
        findings.push(
          error(resultTable.sheet, row.row, col, '「番号」が空です。どの指標の実績か、指標の番号を入力してください。'),
        );
        continue;
      }
      if (!indicators.some((i) => i.number === number) && table) {
        findings.push(
          error(
            resultTable.sheet,
            row.row,
            col,
            `指標の番号 ${number} が「${TAB.indicators}」シートにありません。番号を確かめてください。`,
          ),
        );
        continue;
      }
      if (!ok) continue;
      const key = `${number}/${value.year}`;
      if (seen.has(key)) {
        findings.push(
          error(
            resultTable.sheet,
            row.row,
            resultTable.columns.get('年度'),
            `指標 ${number} の ${formatFiscalYear(value.year!)} の実績が ${seen.get(key)}行目にもあります。1行にしてください。`,
          ),
        );
        continue;
      }
      seen.set(key, row.row);
      results.push({ number, year: value.year!, value: value.value! });
    }
  }
  return { indicators, results };
}

function readSettings(tabs: TabValues, findings: Finding[]): { settings?: Settings; admins: string[] } {
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
    findings.push(
      error(
        sheet,
        values.get(item)?.row ?? lastRow + 1,
        valueCol,
        `「${item}」が入力されていません。項目「${item}」の行の「値」に ${example} のように入力してください。`,
      ),
    );
  const before = findings.length;
  let year: number | undefined;
  const yearCell = values.get(SETTING.year);
  if (!yearCell || isBlank(yearCell.value)) missing(SETTING.year, '2025 か 令和7年度');
  else {
    year = parseFiscalYear(yearCell.value);
    if (year === undefined)
      findings.push(
        error(
          sheet,
          yearCell.row,
          valueCol,
          `対象年度「${String(yearCell.value)}」を年度として読み取れません。2025、令和7年度、R7 のように書いてください。`,
        ),
      );
  }
  let deadline: Date | undefined;
  const deadlineCell = values.get(SETTING.deadline);
  if (!deadlineCell || isBlank(deadlineCell.value)) missing(SETTING.deadline, '2026/5/31');
  else {
    deadline = parseDate(deadlineCell.value);
    if (!deadline)
      findings.push(
        error(
          sheet,
          deadlineCell.row,
          valueCol,
          `回答期限「${String(deadlineCell.value)}」を日付として読み取れません。2026/5/31 や 令和8年5月31日 のように書いてください。`,
        ),
      );
  }
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
    findings.push(error(sheet, row, valueCol, problem.message));
  }
  const committeeText = scaleText(SETTING.committeeScale, DEFAULT_COMMITTEE_GRADES);
  const committee = parseGradeList(committeeText.text, SETTING.committeeScale, DEFAULT_COMMITTEE_GRADES);
  const replyText = scaleText(SETTING.replyScale, DEFAULT_REPLY_STATUSES);
  const replies = parseWordList(replyText.text, SETTING.replyScale, DEFAULT_REPLY_STATUSES);
  if (!replies.words.includes(REPLY_DONE))
    replies.problems.push(
      `${SETTING.replyScale}に「${REPLY_DONE}」を入れてください。${REPLY_DONE}と答えた課には、その提言をもう聞きません。`,
    );
  for (const message of committee.problems) findings.push(error(sheet, committeeText.row, valueCol, message));
  for (const message of replies.problems) findings.push(error(sheet, replyText.row, valueCol, message));
  const planCell = values.get(SETTING.planName);
  const planName = planCell && !isBlank(planCell.value) ? String(planCell.value).trim() : '男女平等推進プラン';
  // Texts the tool composes from 設定 must fit a cell too (the request tab's title and how-to line).
  const composed = [
    { item: SETTING.planName, length: requestTitle(planName).length },
    { item: SETTING.gradeScale, length: grades.text.length + directions.text.length + HOW_TO_ALLOWANCE },
  ];
  for (const c of composed) {
    if (c.length > TEXT_LIMIT)
      findings.push(
        error(
          sheet,
          values.get(c.item)?.row,
          valueCol,
          `「${c.item}」が長すぎて、調査シートの見出しが1つのセルに入りません（${TEXT_LIMIT.toLocaleString()} 文字まで）。短くしてください。`,
        ),
      );
  }
  const settings =
    findings.length > before || year === undefined || deadline === undefined
      ? undefined
      : { year, deadline, planName, scales, committeeGrades: committee.grades, replyStatuses: replies.words };
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
    else
      findings.push(
        error(
          TAB.settings,
          c!.row,
          col,
          `管理者「${e}」はメールアドレスの形ではありません。name@city.example.lg.jp のように書き、複数はカンマで区切ってください。`,
        ),
      );
  }
  if (admins.length === 0 && !findings.some((f) => f.sheet === TAB.settings && f.row === c?.row)) {
    findings.push(
      warning(
        TAB.settings,
        c?.row ?? nextRow,
        col,
        `「${SETTING.admins}」が登録されていないため、メニューを実行した人とスプレッドシートのオーナーだけが、調査シートと入力シートを編集できます（ほかの人が実行すると、その人に替わります）` +
          `。メニューを使う人が複数いるときは、項目「${SETTING.admins}」の値に全員のメールアドレスをカンマで区切って入れてください。`,
      ),
    );
  }
  return admins;
}

export function indicatorValue(indicator: Indicator, q: Quantity): number {
  return onScale(q, indicator.percent);
}
