import { type AnswerRecord, answerLookup, hasAnyAnswer } from './answers';
import { bucketBy } from './cells';
import type { Indicator, IndicatorResult, PlanInputs, Project, Settings } from './inputs';
import { indicatorValue, structureKey } from './inputs';
import { parseCount, targetEdges } from './quantity';
import { gradedCodes, matchDirection, matchGrade } from './scales';

/** One department's answer on one 事業 of the plan, for one year (absent when not answered). */
export interface ProjectAnswer {
  readonly project: Project;
  readonly department: string;
  readonly answer?: AnswerRecord;
  /** The grade code, when the answer has a valid one. */
  readonly grade?: string;
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

export type KpiStatus = '達成' | '順調' | '遅れ' | '後退' | '実績なし' | '判定できない';

export interface KpiRow {
  readonly indicator: Indicator;
  readonly latest?: IndicatorResult;
  /** (latest − base) / (target − base), target being the nearest edge of a range or bound. */
  readonly progress?: number;
  /** Share of the way from base year to target year that has elapsed at the latest result. */
  readonly expected?: number;
  readonly status: KpiStatus;
}

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

export function assignmentsFor(
  inputs: Pick<PlanInputs, 'projects'>,
  settings: Settings,
  records: readonly AnswerRecord[],
  year: number,
): ProjectAnswer[] {
  const find = answerLookup(records.filter((r) => r.year === year));
  return inputs.projects.flatMap((project) =>
    project.departments.map((d) => {
      const answer = find(year, project, d.name);
      const grade = answer ? matchGrade(settings.scales, answer.fields['自己評価'])?.code : undefined;
      return { project, department: d.name, answer, grade };
    }),
  );
}

function distribution(
  key: string,
  name: string,
  list: readonly ProjectAnswer[],
  previous: readonly ProjectAnswer[],
  settings: Settings,
): Distribution {
  const codes = settings.scales.grades.map((g) => g.code);
  const countsOf = (answers: readonly ProjectAnswer[]) => {
    const counts: Record<string, number> = Object.fromEntries([...codes, UNANSWERED].map((c) => [c, 0]));
    for (const a of answers) counts[a.grade ?? UNANSWERED]++;
    return counts;
  };
  return {
    key,
    name,
    counts: countsOf(list),
    total: list.length,
    previousCounts: countsOf(previous),
    previousTotal: previous.length,
    topShare: topShare(list, settings),
    previousTopShare: topShare(previous, settings),
  };
}

/** Share of the first two grades among graded answers; the city's "not gradable" codes are left out. */
function topShare(list: readonly ProjectAnswer[], settings: Settings): number | undefined {
  const graded = gradedCodes(settings.scales);
  const top = graded.slice(0, 2);
  const counted = list.filter((a) => a.grade && graded.includes(a.grade));
  if (counted.length === 0) return undefined;
  return counted.filter((a) => top.includes(a.grade!)).length / counted.length;
}

export function kpiRow(indicator: Indicator, results: readonly IndicatorResult[]): KpiRow {
  const latest = results.filter((r) => r.number === indicator.number).sort((a, b) => b.year - a.year)[0];
  if (!latest) return { indicator, status: '実績なし' };
  const base = indicatorValue(indicator, indicator.base);
  const value = indicatorValue(indicator, latest.value);
  const t = indicator.target;
  const scale = (v: number) => indicatorValue(indicator, { value: v, unit: t.unit });
  const edges = targetEdges(t).map(scale);
  const edge = edges.reduce((best, e) => (Math.abs(e - base) < Math.abs(best - base) ? e : best), edges[0]);
  const achieved =
    t.kind === 'range'
      ? value >= edges[0] && value <= edges[1]
      : t.kind === 'atLeast'
        ? value >= edge
        : t.kind === 'atMost'
          ? value <= edge
          : edge >= base
            ? value >= edge
            : value <= edge;
  const span = indicator.targetYear - indicator.baseYear;
  const expected = span > 0 ? Math.min(1, Math.max(0, (latest.year - indicator.baseYear) / span)) : 1;
  const progress = edge === base ? undefined : (value - base) / (edge - base);
  let status: KpiStatus;
  if (achieved) status = '達成';
  else if (progress === undefined) status = '判定できない';
  else if (progress < 0) status = '後退';
  else status = progress >= expected ? '順調' : '遅れ';
  return { indicator, latest, progress, expected, status };
}

/** Everything the committee reads, worked out from the plan, 回答 and the KPI tabs. */
export function summarise(
  inputs: PlanInputs,
  settings: Settings,
  records: readonly AnswerRecord[],
  builtAt: Date,
): Summary {
  const { year } = settings;
  const current = assignmentsFor(inputs, settings, records, year);
  const previous = assignmentsFor(inputs, settings, records, year - 1);
  const nameOf = (key: string) => inputs.structure.get(key)?.name ?? '';
  const group = (depth: 1 | 2 | 3): Distribution[] => {
    const keyOf = (p: Project) => structureKey(...[p.goal, p.issue, p.measure].slice(0, depth));
    const now = bucketBy(current, (a) => keyOf(a.project));
    const before = bucketBy(previous, (a) => keyOf(a.project));
    const keys = [...new Set(inputs.projects.map(keyOf))];
    return keys.map((k) => distribution(k, nameOf(k), now.get(k) ?? [], before.get(k) ?? [], settings));
  };
  const departments = [...new Set(current.map((a) => a.department))];
  const responses = departments.map((department) => {
    const mine = current.filter((a) => a.department === department);
    const answered = mine.filter((a) => a.grade !== undefined).length;
    return {
      department,
      due: mine.length,
      answered,
      unanswered: mine.length - answered,
      rate: mine.length ? answered / mine.length : 0,
    };
  });
  const graded = gradedCodes(settings.scales);
  const lower = graded.slice(2);
  const attention = current.filter((a) => a.grade === undefined || lower.includes(a.grade));
  const previousGrades = new Map(
    previous.filter((a) => a.grade).map((a) => [`${a.project.id}|${a.department}`, a.grade!]),
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
  return {
    planName: settings.planName,
    year,
    builtAt,
    projectCount: inputs.projects.length,
    answerCount: yearRecords.length,
    gradeCodes: settings.scales.grades.map((g) => g.code),
    responses,
    byGoal: group(1),
    byIssue: group(2),
    byMeasure: group(3),
    overall: distribution('', '全体', current, previous, settings),
    assignments: current,
    attention,
    previousGrades,
    directions,
    kpis: inputs.indicators.map((i) => kpiRow(i, inputs.results)),
    bySex: participantsOf(current),
    bySexPerMeasure,
  };
}
