/**
 * The yearly report (進捗状況報告書) as data: what the committee is handed and the city
 * publishes. Built from the same Summary as 評価サマリー (no second way of counting); the page
 * (src/pages/reportPage.ts) only lays it out.
 */
import type { CommitteeGrade } from '../committee/committeeGrades';
import { ASKED_NEXT_YEAR, NO_REPLY } from '../committee/recommendations';
import { formatDate } from '../core/cells';
import { formatFiscalYear } from '../core/fiscalYear';
import type { Indicator, IndicatorResult, PlanInputs } from '../inputs/inputModel';
import { indicatorValue, structureKey } from '../inputs/inputModel';
import type { Grade } from '../core/scales';
import { type Distribution, type Participants, type Summary, type Trend, UNANSWERED } from '../summary/summary';
import { shortGradeTrail } from '../summary/projectListTab';
import { kpiRule } from '../summary/summaryMessages';
import {
  type CommitteePart,
  DASH,
  amount,
  participants,
  pct,
  points,
  reported,
  shortYear,
  targetText,
  text,
} from '../summary/summaryTab';
import { gradeSeriesColors } from '../core/layout';
import { targetEdges } from '../core/quantity';

/** One bar of a grade chart: a label and the count of each grade (and 未回答), in scale order. */
export interface GradeBar {
  readonly label: string;
  readonly counts: readonly number[];
}

/** A stacked bar chart of grades: what the page draws as SVG and prints as a table beside it. */
export interface GradeChart {
  readonly kind: 'stackedBar';
  readonly title: string;
  /** Grade codes and 未回答, in the order of each bar's counts. */
  readonly series: readonly string[];
  readonly colors: readonly string[];
  readonly bars: readonly GradeBar[];
}

/** One measured value of a KPI, on the KPI's own scale (59.1 for 59.1%). */
export interface KpiPoint {
  readonly year: number;
  readonly value: number;
  readonly text: string;
}

/** A line chart of a KPI: every measured value, and the straight path from base to target. */
export interface KpiChart {
  readonly kind: 'targetPath';
  readonly title: string;
  readonly unit: string;
  readonly base: KpiPoint;
  readonly target: { readonly year: number; readonly low: number; readonly high: number; readonly text: string };
  readonly values: readonly KpiPoint[];
}

export interface DistributionLine {
  readonly label: string;
  /** 今年度 and 前年度 counts, in the order of the chart's series. */
  readonly now: readonly number[];
  readonly before: readonly number[];
  readonly topShare: string;
  readonly previousTopShare: string;
  readonly change: string;
}

/** A 目標's grades over every surveyed year: its own as a chart, its 施策' top share year by year. */
export interface TrendPart {
  /** 令和5年度, 令和6年度, …: the columns. */
  readonly years: readonly string[];
  /** The 目標 itself first, then each of its 施策: the top share in each year. */
  readonly rows: ReadonlyArray<{ readonly label: string; readonly shares: readonly string[] }>;
  /** One bar per surveyed year, stacked by grade. */
  readonly chart: GradeChart;
}

export interface GoalPart {
  readonly key: string;
  readonly title: string;
  readonly trend: TrendPart;
  /** The 目標 itself first, then each of its 課題. */
  readonly issues: readonly DistributionLine[];
  readonly measures: readonly DistributionLine[];
  readonly chart: GradeChart;
}

export interface KpiPart {
  readonly title: string;
  readonly base: string;
  readonly target: string;
  readonly values: readonly KpiPoint[];
  /** The path's value in the latest value's year. */
  readonly path: string;
  readonly progress: string;
  readonly elapsed: string;
  readonly status: string;
  readonly source: string;
  readonly chart: KpiChart;
}

export interface CommitteeLine {
  readonly issue: string;
  readonly year: string;
  readonly grade: string;
  readonly comment: string;
}

export interface RecommendationPart {
  readonly title: string;
  readonly year: string;
  readonly issue: string;
  readonly text: string;
  readonly replies: ReadonlyArray<{ department: string; status: string; year: string; content: string }>;
}

export interface ProjectLine {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly department: string;
  readonly result: string;
  readonly grade: string;
  readonly previous: string;
  /** Every grade of the surveyed years: 「2023 C → 2024 B → 2025 A」, longer ones as 「2018–2027：A B …」. */
  readonly trail: string;
  readonly direction: string;
  readonly issues: string;
  readonly participants: string;
}

/** 事業別一覧: the 事業 under their 目標 / 課題 / 施策 headings. */
export interface ProjectGroup {
  /** The headings that begin here (目標, 課題, 施策), each with its level (1–3). */
  readonly headings: ReadonlyArray<{ level: 1 | 2 | 3; title: string }>;
  readonly lines: readonly ProjectLine[];
}

export interface ReportModel {
  readonly planName: string;
  readonly year: number;
  readonly yearLabel: string;
  readonly builtAt: string;
  readonly deadline: string;
  readonly overview: {
    readonly projectCount: number;
    readonly answerCount: number;
    readonly due: number;
    readonly answered: number;
    readonly rate: string;
    readonly departments: ReadonlyArray<{ name: string; due: number; answered: number; rate: string }>;
  };
  readonly scale: readonly Grade[];
  /** Grade codes and 未回答: the columns of every distribution. */
  readonly series: readonly string[];
  readonly topLabel: string;
  readonly goals: readonly GoalPart[];
  readonly overall: DistributionLine;
  readonly kpis: readonly KpiPart[];
  /** How a KPI's 評価 is decided, in the city's words. */
  readonly kpiRule: string;
  readonly committee: readonly CommitteeLine[];
  readonly recommendations: readonly RecommendationPart[];
  readonly participants: ReadonlyArray<{
    label: string;
    now: ParticipantCells;
    before: ParticipantCells;
  }>;
  readonly projects: readonly ProjectGroup[];
}

export interface ParticipantCells {
  readonly men: string;
  readonly women: string;
  readonly share: string;
}

export interface ReportSources {
  readonly summary: Summary;
  readonly committee: CommitteePart;
  /** Every grade the committee gave, of every year, with its 意見. */
  readonly committeeGrades: readonly CommitteeGrade[];
  readonly inputs: Pick<PlanInputs, 'structure' | 'indicators' | 'results'>;
  /** 自己評価の区分, and 委員会評価の区分 (the committee's grades are shown with their words). */
  readonly scale: readonly Grade[];
  readonly committeeScale: readonly Grade[];
  readonly deadline: Date;
}

/** The report of the summary's year, every number taken from the summary. */
export function buildReport(src: ReportSources): ReportModel {
  const s = src.summary;
  const series = [...s.gradeCodes, UNANSWERED];
  const due = s.responses.reduce((n, x) => n + x.due, 0);
  const answered = s.responses.reduce((n, x) => n + x.answered, 0);
  return {
    planName: s.planName,
    year: s.year,
    yearLabel: formatFiscalYear(s.year),
    builtAt: formatDate(s.builtAt),
    deadline: formatDate(src.deadline),
    overview: {
      projectCount: s.projectCount,
      answerCount: s.answerCount,
      due,
      answered,
      rate: pct(due ? answered / due : undefined),
      departments: s.responses.map((r) => ({
        name: r.department,
        due: r.due,
        answered: r.answered,
        rate: pct(r.rate),
      })),
    },
    scale: src.scale,
    series,
    topLabel: `${s.gradeCodes.slice(0, 2).join('・')} の割合`,
    goals: goalParts(s, series),
    overall: distributionLine('全体', s.overall, series),
    kpis: s.kpis.map((k) => kpiPart(k.indicator, k, s.kpiResults)),
    kpiRule: kpiRule(s.kpiStatuses).join(''),
    committee: committeeLines(src, s),
    recommendations: recommendationParts(src.committee, s.year),
    participants: s.bySexPerMeasure.map((m) => ({
      label: m.key === '' ? '全体' : `施策${m.key} ${m.name}`.trim(),
      now: participantCells(m.now),
      before: participantCells(m.before),
    })),
    projects: projectGroups(s, src.inputs),
  };
}

function distributionLine(label: string, d: Distribution, series: readonly string[]): DistributionLine {
  return {
    label,
    now: series.map((c) => d.counts[c] ?? 0),
    before: series.map((c) => d.previousCounts[c] ?? 0),
    topShare: pct(d.topShare),
    previousTopShare: pct(d.previousTopShare),
    change: points(d.topShare, d.previousTopShare),
  };
}

function goalParts(s: Summary, series: readonly string[]): GoalPart[] {
  const colors = gradeSeriesColors(s.gradeCodes.length);
  return s.byGoal.map((goal) => {
    const title = `目標${goal.key} ${goal.name}`.trim();
    const issues = s.byIssue.filter((d) => d.key.startsWith(`${goal.key}-`));
    const measures = s.byMeasure.filter((d) => d.key.startsWith(`${goal.key}-`));
    const lines = [
      distributionLine(title, goal, series),
      ...issues.map((d) => distributionLine(`課題${d.key} ${d.name}`.trim(), d, series)),
    ];
    return {
      key: goal.key,
      title,
      trend: trendPart(s, goal.key, title, series, colors),
      issues: lines,
      measures: measures.map((d) => distributionLine(`施策${d.key} ${d.name}`.trim(), d, series)),
      chart: {
        kind: 'stackedBar',
        title: `${title}：自己評価の分布（${shortYear(s.year)}と${shortYear(s.year - 1)}）`,
        series,
        colors,
        bars: lines.flatMap((l, i) => {
          const label = i === 0 ? `目標${goal.key} 全体` : `課題${issues[i - 1].key}`;
          return [
            { label: `${label} ${shortYear(s.year)}`, counts: l.now },
            { label: `${label} ${shortYear(s.year - 1)}`, counts: l.before },
          ];
        }),
      },
    };
  });
}

function trendPart(
  s: Summary,
  key: string,
  title: string,
  series: readonly string[],
  colors: readonly string[],
): TrendPart {
  const goal = s.goalTrends.find((t) => t.key === key);
  const measures = s.measureTrends.filter((t) => t.key.startsWith(`${key}-`));
  const shares = (t: Trend | undefined) =>
    s.surveyedYears.map((y) => pct(t?.years.find((x) => x.year === y)?.topShare));
  return {
    years: s.surveyedYears.map(shortYear),
    rows: [
      { label: title, shares: shares(goal) },
      ...measures.map((m) => ({ label: `施策${m.key} ${m.name}`.trim(), shares: shares(m) })),
    ],
    chart: {
      kind: 'stackedBar',
      title: `${title}：自己評価の推移（${shortYear(s.surveyedYears[0])}から${shortYear(s.year)}まで）`,
      series,
      colors,
      bars: (goal?.years ?? []).map((y) => ({ label: shortYear(y.year), counts: series.map((c) => y.counts[c] ?? 0) })),
    },
  };
}

function kpiPart(indicator: Indicator, k: Summary['kpis'][number], results: readonly IndicatorResult[]): KpiPart {
  const i = indicator;
  const point = (year: number, q: { value: number; unit: string }): KpiPoint => ({
    year,
    value: indicatorValue(i, q),
    text: amount(i, q.value, q.unit),
  });
  const values = results
    .filter((r) => r.number === i.number)
    .sort((a, b) => a.year - b.year)
    .map((r) => point(r.year, r.value));
  const t = i.target;
  const edges = targetEdges(t).map((v) => indicatorValue(i, { value: v, unit: t.unit }));
  const base = point(i.baseYear, i.base);
  const title = `${i.number} ${i.name}`;
  return {
    title,
    base: `${base.text}（${shortYear(i.baseYear)}）`,
    target: `${targetText(i, t)}（${shortYear(i.targetYear)}）`,
    values,
    path: k.pathValue === undefined ? DASH : amount(i, k.pathValue, i.percent ? '%' : t.unit),
    progress: pct(k.progress),
    elapsed: pct(k.expected),
    status: k.status,
    source: i.source,
    chart: {
      kind: 'targetPath',
      title: `指標${title}：実績と目標への道筋`,
      unit: i.percent ? '%' : t.unit || i.base.unit,
      base,
      target: { year: i.targetYear, low: Math.min(...edges), high: Math.max(...edges), text: targetText(i, t) },
      values,
    },
  };
}

/** The committee's grade and 意見 per 課題: this year's, and last year's beside it. */
function committeeLines(src: ReportSources, s: Summary): CommitteeLine[] {
  const label = (g: CommitteeGrade) => {
    const found = src.committeeScale.find((x) => x.code === g.grade);
    return found ? `${g.grade} ${found.label}` : g.grade;
  };
  const nameOf = (key: string) => src.inputs.structure.get(key)?.name ?? '';
  return src.committeeGrades
    .filter((g) => (g.year === s.year || g.year === s.year - 1) && (g.grade !== '' || g.comment !== ''))
    .sort((a, b) => a.issueKey.localeCompare(b.issueKey, 'ja', { numeric: true }) || b.year - a.year)
    .map((g) => ({
      issue: `課題${g.issueKey} ${nameOf(g.issueKey)}`.trim(),
      year: shortYear(g.year),
      grade: g.grade === '' ? DASH : label(g),
      comment: g.comment || DASH,
    }));
}

function recommendationParts(committee: CommitteePart, year: number): RecommendationPart[] {
  return committee.open.map(({ recommendation: r, replies }) => ({
    title: r.number,
    year: shortYear(r.year),
    issue: r.issueKey,
    text: r.text,
    replies: replies.map(({ department, reply }) => ({
      department,
      status: r.year >= year ? DASH : reply ? text(reply.status) || DASH : NO_REPLY,
      year: reply ? shortYear(reply.year) : DASH,
      content: r.year >= year ? ASKED_NEXT_YEAR : text(reply?.content) || DASH,
    })),
  }));
}

/** As 評価サマリー shows them: "—" where nothing was reported, never 0. */
function participantCells(p: Participants): ParticipantCells {
  const [men, women, share] = reported(p).map(String);
  return { men, women, share };
}

function projectGroups(s: Summary, inputs: Pick<PlanInputs, 'structure'>): ProjectGroup[] {
  const nameOf = (...n: number[]) => inputs.structure.get(structureKey(...n))?.name ?? '';
  const groups: Array<{ headings: ProjectGroup['headings']; lines: ProjectLine[] }> = [];
  let last: number[] = [];
  // In the plan's structure (目標, 課題, 施策, 事業), whatever the order of プラン's rows: each 施策 once.
  const ordered = [...s.assignments].sort((x, y) => {
    const [a, b] = [x.project, y.project];
    return a.goal - b.goal || a.issue - b.issue || a.measure - b.measure || a.number - b.number;
  });
  for (const a of ordered) {
    const p = a.project;
    const at = [p.goal, p.issue, p.measure];
    const changed = at.findIndex((n, i) => last[i] !== n);
    if (changed >= 0 || groups.length === 0) {
      const from = changed < 0 ? 0 : changed;
      const titles = [
        `目標${p.goal} ${nameOf(p.goal)}`,
        `課題${p.goal}-${p.issue} ${nameOf(p.goal, p.issue)}`,
        `施策${p.goal}-${p.issue}-${p.measure} ${nameOf(p.goal, p.issue, p.measure)}`,
      ];
      groups.push({
        headings: titles.slice(from).map((t, i) => ({ level: (from + i + 1) as 1 | 2 | 3, title: t.trim() })),
        lines: [],
      });
      last = at;
    }
    const f = a.answer?.fields;
    groups[groups.length - 1].lines.push({
      id: p.id,
      name: p.name,
      description: p.description,
      department: a.department,
      result: text(f?.['実施状況・実績']) || (a.answer ? DASH : UNANSWERED),
      grade: a.grade?.code ?? (a.answer ? DASH : UNANSWERED),
      previous: s.previousGrades.get(`${p.id}|${a.department}`) ?? DASH,
      trail: shortGradeTrail(s.gradeHistory.get(`${p.id}|${a.department}`), s.surveyedYears),
      direction: text(f?.['今後の方向性']) || DASH,
      issues: text(f?.['課題・改善点']) || DASH,
      participants: participants(f) || DASH,
    });
  }
  return groups;
}
