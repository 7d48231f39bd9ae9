import { type AnswerRecord, answerLookup, hasAnyAnswer } from '../inputs/answers';
import { bucketBy } from '../core/cells';
import type { IndicatorResult, PlanInputs, Project, Settings } from '../inputs/inputs';
import { structureKey } from '../inputs/inputs';
import { type KpiRow, kpiRow } from './kpiTrack';
import { parseCount } from '../core/quantity';
import { type ScaleGrade, matchDirection } from '../core/scales';

/** One department's answer on one 事業 of the plan, for one year (absent when not answered). */
export interface ProjectAnswer {
  readonly project: Project;
  readonly department: string;
  readonly answer?: AnswerRecord;
  /** The grade as 回答 was read with the scale, when the answer has a valid one. */
  readonly grade?: ScaleGrade;
}

export interface Distribution {
  readonly key: string;
  readonly name: string;
  /** grade code → count; '未回答' for assignments without a grade. */
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
  /** The same counts for the year before (the report draws both years side by side). */
  readonly previousCounts: Readonly<Record<string, number>>;
  readonly previousTotal: number;
  /** Share of the top two grades among graded answers (ungraded codes left out); undefined with none. */
  readonly topShare?: number;
  readonly previousTopShare?: number;
}

export interface ResponseRow {
  readonly department: string;
  readonly due: number;
  readonly answered: number;
  readonly unanswered: number;
  readonly rate: number;
}

/** One surveyed year's grades of a 目標 or 施策. */
export interface YearGrades {
  readonly year: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
  readonly topShare?: number;
}

/** A 目標's or 施策's grades in every surveyed year, oldest first. */
export interface Trend {
  readonly key: string;
  readonly name: string;
  readonly years: readonly YearGrades[];
}

/** A department's grade of a 事業 in each year it gave one, oldest first. */
export type GradeHistory = ReadonlyArray<{ readonly year: number; readonly grade: string }>;

export interface Summary {
  readonly planName: string;
  readonly year: number;
  readonly builtAt: Date;
  readonly projectCount: number;
  /** Rows of 回答 for the year (each department's answer on each 事業). */
  readonly answerCount: number;
  readonly gradeCodes: readonly string[];
  readonly responses: readonly ResponseRow[];
  readonly byGoal: readonly Distribution[];
  readonly byIssue: readonly Distribution[];
  readonly byMeasure: readonly Distribution[];
  readonly overall: Distribution;
  /** Every department's answer on every 事業 this year (absent answers included), in plan order. */
  readonly assignments: readonly ProjectAnswer[];
  readonly attention: readonly ProjectAnswer[];
  readonly previousGrades: ReadonlyMap<string, string>;
  readonly directions: ReadonlyArray<{ readonly direction: string; readonly count: number }>;
  readonly kpis: readonly KpiRow[];
  /** Every measured value of the KPIs (指標実績) up to this year, for their trends. */
  readonly kpiResults: readonly IndicatorResult[];
  /** 指標の判定の区分: the city's words for the KPI states. */
  readonly kpiStatuses: readonly string[];
  /** The years 回答 holds answers of, up to this one (this one always), oldest first. */
  readonly surveyedYears: readonly number[];
  readonly goalTrends: readonly Trend[];
  readonly measureTrends: readonly Trend[];
  /** By `事業番号|所管課`, as previousGrades: every grade of the surveyed years. */
  readonly gradeHistory: ReadonlyMap<string, GradeHistory>;
  readonly bySex: Participants;
  /** 参加者数 by sex per 施策, this year and last (the last line: every 施策). */
  readonly bySexPerMeasure: ReadonlyArray<{
    readonly key: string;
    readonly name: string;
    readonly now: Participants;
    readonly before: Participants;
  }>;
}

export interface Participants {
  /** 事業 (department answers) that reported a number. */
  readonly projects: number;
  readonly men: number;
  readonly women: number;
  readonly womenShare?: number;
}

/** The participants the answers reported, men and women added up. */
export function participantsOf(list: readonly ProjectAnswer[]): Participants {
  let men = 0;
  let women = 0;
  let projects = 0;
  for (const a of list) {
    const m = a.answer && parseCount(a.answer.fields['参加者数（男性）']);
    const w = a.answer && parseCount(a.answer.fields['参加者数（女性）']);
    if (m === undefined && w === undefined) continue;
    projects++;
    men += m ?? 0;
    women += w ?? 0;
  }
  return { projects, men, women, womenShare: men + women > 0 ? women / (men + women) : undefined };
}

/** The 'grade' of an assignment nobody answered, counted beside the scale's grades. */
export const UNANSWERED = '未回答';

/** Each 事業 and department of the plan with its answer of the year (records read with the scale). */
export function assignmentsFor(
  inputs: Pick<PlanInputs, 'projects'>,
  records: readonly AnswerRecord[],
  year: number,
): ProjectAnswer[] {
  const find = answerLookup(records.filter((r) => r.year === year));
  return inputs.projects.flatMap((project) =>
    project.departments.map((d) => {
      const answer = find(year, project, d.name);
      return { project, department: d.name, answer, grade: answer?.grade };
    }),
  );
}

/** Count of each grade code, and of 未回答, among the answers. */
function countsOf(answers: readonly ProjectAnswer[], settings: Settings): Record<string, number> {
  const codes = settings.scales.grades.map((g) => g.code);
  const counts: Record<string, number> = Object.fromEntries([...codes, UNANSWERED].map((c) => [c, 0]));
  for (const a of answers) counts[a.grade?.code ?? UNANSWERED]++;
  return counts;
}

function distribution(
  key: string,
  name: string,
  list: readonly ProjectAnswer[],
  previous: readonly ProjectAnswer[],
  settings: Settings,
): Distribution {
  return {
    key,
    name,
    counts: countsOf(list, settings),
    total: list.length,
    previousCounts: countsOf(previous, settings),
    previousTotal: previous.length,
    topShare: topShare(list),
    previousTopShare: topShare(previous),
  };
}

/** Share of the first two grades among graded answers; the city's "not gradable" codes are left out. */
function topShare(list: readonly ProjectAnswer[]): number | undefined {
  const counted = list.filter((a) => a.grade?.counted);
  if (counted.length === 0) return undefined;
  return counted.filter((a) => a.grade!.top).length / counted.length;
}

/** Per department, in order of first appearance: its 事業 this year and how many it graded. */
function responsesOf(current: readonly ProjectAnswer[]): ResponseRow[] {
  const byDepartment = bucketBy(current, (a) => a.department);
  return [...byDepartment].map(([department, mine]) => {
    const answered = mine.filter((a) => a.grade !== undefined).length;
    return {
      department,
      due: mine.length,
      answered,
      unanswered: mine.length - answered,
      rate: mine.length ? answered / mine.length : 0,
    };
  });
}

/** The years 回答 holds answers of, up to `year`, and `year` itself; oldest first. */
export function surveyedYears(records: readonly AnswerRecord[], year: number): number[] {
  const years = new Set([year]);
  for (const r of records) if (r.year < year && !years.has(r.year) && hasAnyAnswer(r.fields)) years.add(r.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * Every surveyed year side by side: per 目標 and 施策 the grades of each year, and per 事業 and
 * department its grades over the years. The plan of now decides what is counted where, and each
 * year's answers follow renamed departments and renumbered 事業 as the year's own summary does.
 */
function trendsOf(
  inputs: Pick<PlanInputs, 'projects' | 'structure'>,
  settings: Settings,
  byYear: ReadonlyMap<number, readonly ProjectAnswer[]>,
): Pick<Summary, 'goalTrends' | 'measureTrends' | 'gradeHistory'> {
  const years = [...byYear.keys()];
  const trend = (depth: 1 | 3): Trend[] => {
    const keyOf = (p: Project) => structureKey(...[p.goal, p.issue, p.measure].slice(0, depth));
    const buckets = new Map(years.map((y) => [y, bucketBy(byYear.get(y)!, (a) => keyOf(a.project))]));
    return [...new Set(inputs.projects.map(keyOf))].map((key) => ({
      key,
      name: inputs.structure.get(key)?.name ?? '',
      years: years.map((year) => {
        const list = buckets.get(year)!.get(key) ?? [];
        return { year, counts: countsOf(list, settings), total: list.length, topShare: topShare(list) };
      }),
    }));
  };
  const gradeHistory = new Map<string, Array<{ year: number; grade: string }>>();
  for (const year of years) {
    for (const a of byYear.get(year)!) {
      if (a.grade === undefined) continue;
      const key = `${a.project.id}|${a.department}`;
      const list = gradeHistory.get(key) ?? gradeHistory.set(key, []).get(key)!;
      list.push({ year, grade: a.grade.code });
    }
  }
  return { goalTrends: trend(1), measureTrends: trend(3), gradeHistory };
}

/** Everything the committee reads, worked out from the plan, 回答 and the KPI tabs. */
export function summarise(
  inputs: PlanInputs,
  settings: Settings,
  records: readonly AnswerRecord[],
  builtAt: Date,
): Summary {
  const { year } = settings;
  const years = surveyedYears(records, year);
  const byYear = new Map(years.map((y) => [y, assignmentsFor(inputs, records, y)]));
  const current = byYear.get(year)!;
  const previous = byYear.get(year - 1) ?? assignmentsFor(inputs, records, year - 1);
  const nameOf = (key: string) => inputs.structure.get(key)?.name ?? '';
  const group = (depth: 1 | 2 | 3): Distribution[] => {
    const keyOf = (p: Project) => structureKey(...[p.goal, p.issue, p.measure].slice(0, depth));
    const now = bucketBy(current, (a) => keyOf(a.project));
    const before = bucketBy(previous, (a) => keyOf(a.project));
    const keys = [...new Set(inputs.projects.map(keyOf))];
    return keys.map((k) => distribution(k, nameOf(k), now.get(k) ?? [], before.get(k) ?? [], settings));
  };
  const attention = current.filter((a) => a.grade === undefined || (a.grade.counted && !a.grade.top));
  const previousGrades = new Map(
    previous.filter((a) => a.grade).map((a) => [`${a.project.id}|${a.department}`, a.grade!.code]),
  );
  const directions = settings.scales.directions.map((direction) => ({
    direction,
    count: current.filter(
      (a) => a.answer && matchDirection(settings.scales, a.answer.fields['今後の方向性']) === direction,
    ).length,
  }));
  // Each answer is put in its 施策's bucket once: a city's plan has thousands of 事業.
  const measureOf = (a: ProjectAnswer) => structureKey(a.project.goal, a.project.issue, a.project.measure);
  const nowByMeasure = bucketBy(current, measureOf);
  const beforeByMeasure = bucketBy(previous, measureOf);
  const measures = [...new Set(inputs.projects.map((p) => structureKey(p.goal, p.issue, p.measure)))];
  const bySexPerMeasure = [
    ...measures.map((key) => ({
      key,
      name: nameOf(key),
      now: participantsOf(nowByMeasure.get(key) ?? []),
      before: participantsOf(beforeByMeasure.get(key) ?? []),
    })),
    { key: '', name: '全体', now: participantsOf(current), before: participantsOf(previous) },
  ];
  const yearRecords = records.filter((r) => r.year === year && hasAnyAnswer(r.fields));
  // A year's summary judges its KPIs by what was measured by then (a rebuilt older year too).
  const measuredBy = inputs.results.filter((r) => r.year <= year);
  return {
    planName: settings.planName,
    year,
    builtAt,
    projectCount: inputs.projects.length,
    answerCount: yearRecords.length,
    gradeCodes: settings.scales.grades.map((g) => g.code),
    responses: responsesOf(current),
    byGoal: group(1),
    byIssue: group(2),
    byMeasure: group(3),
    overall: distribution('', '全体', current, previous, settings),
    assignments: current,
    attention,
    previousGrades,
    directions,
    kpis: inputs.indicators.map((i) => kpiRow(i, measuredBy, settings.kpiStatuses)),
    kpiResults: measuredBy,
    kpiStatuses: settings.kpiStatuses,
    bySex: participantsOf(current),
    bySexPerMeasure,
    surveyedYears: years,
    ...trendsOf(inputs, settings, byYear),
  };
}
