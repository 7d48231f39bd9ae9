import { TAB_SHAPES, widthsOf } from '../core/catalogue';
import { TAB } from '../core/tabs';
import * as S from './summaryMessages';
import {
  type ChartSpec,
  KPI_PATH_COLOR,
  KPI_VALUE_COLOR,
  type Layout,
  type Rect,
  gradeSeriesColors,
} from '../core/layout';
import { type OutCell, type OutGrid, formatDateTime } from '../core/cells';
import { formatFiscalYear } from '../core/fiscalYear';
import type { Indicator } from '../inputs/inputs';
import type { Target } from '../core/quantity';
import type { Distribution, Participants, Summary, Trend } from './summary';
import { type KpiRow, kpiPath, pathValue } from './kpiTrack';
import { indicatorValue } from '../inputs/inputModel';
import { ASKED_NEXT_YEAR, NO_REPLY, type OpenRecommendation } from '../committee/recommendations';
import { type CommitteeGrade } from '../committee/committeeGrades';

export const DASH = '—';

export const pct = (x: number | undefined) => (x === undefined ? DASH : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const points = (now: number | undefined, before: number | undefined) => {
  if (now === undefined || before === undefined) return DASH;
  const d = Math.round((now - before) * 1000) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(1)}ポイント`;
};

export function amount(indicator: Indicator, value: number, unit: string): string {
  const v = indicator.percent && unit === '' && Math.abs(value) <= 1 ? value * 100 : value;
  const shown = Math.round(v * 10) / 10;
  return `${shown}${indicator.percent ? '%' : unit}`;
}

export function targetText(indicator: Indicator, t: Target): string {
  if (t.kind === 'range') return `${amount(indicator, t.low, t.unit)}〜${amount(indicator, t.high, t.unit)}`;
  const v = amount(indicator, t.value, t.unit);
  return t.kind === 'atLeast' ? `${v}以上` : t.kind === 'atMost' ? `${v}以下` : v;
}

export const shortYear = (y: number) => formatFiscalYear(y).replace(/（.*）$/, '');

/** What the summary shows of the committee's cycle: its grades of the year and the 提言 still followed. */
export interface CommitteePart {
  readonly grades: ReadonlyMap<string, CommitteeGrade>;
  /** Last year's grades: shown where this year's is not given yet (the committee grades after reading). */
  readonly previousGrades?: ReadonlyMap<string, CommitteeGrade>;
  readonly open: readonly OpenRecommendation[];
}

const NO_COMMITTEE: CommitteePart = { grades: new Map(), open: [] };

/**
 * A report being written row by row: its titles (grey, one line across the page) and its tables
 * (wrapped, numbers centred under their headings).
 */
export class Report {
  readonly rows: OutGrid = [];
  readonly headerRows: number[] = [];
  readonly wrap: Rect[] = [];
  readonly center: Rect[] = [];

  add(...lines: OutCell[][]): void {
    this.rows.push(...lines);
  }

  section(title: string): void {
    this.add([], [title]);
    this.headerRows.push(this.rows.length);
  }

  /** A table: its header row, its lines, and which of its columns hold numbers (centred). */
  table(header: readonly string[], lines: readonly OutCell[][], numbers: readonly [number, number]): Rect {
    this.add([...header]);
    this.headerRows.push(this.rows.length);
    const first = this.rows.length;
    this.add(...lines);
    // The area starts at the header row: headings wrap and centre like the numbers under them.
    const area = { row: first, col: 1, numRows: this.rows.length - first + 1, numCols: header.length };
    this.wrap.push(area);
    this.center.push({ ...area, col: numbers[0], numCols: numbers[1] - numbers[0] + 1 });
    return area;
  }
}

/** The 評価サマリー tab: the page the committee prints and discusses. */
export function renderSummary(s: Summary, committee: CommitteePart = NO_COMMITTEE): { rows: OutGrid; layout: Layout } {
  const r = new Report();
  const noAnswers = s.answerCount === 0;
  r.add([`${s.planName} 評価サマリー　${formatFiscalYear(s.year)}`]);
  r.add([
    `作成日時：${formatDateTime(s.builtAt)}　対象の事業：${s.projectCount}件　回答：${s.answerCount}件（所管課ごとの事業ごとの回答）`,
  ]);
  if (noAnswers) r.add([S.noAnswersYet(formatFiscalYear(s.year))]);
  responsesSection(r, s);
  const goals = distributionSections(r, s, committee);
  attentionSection(r, s);
  r.section('6. 今後の方向性');
  r.table(
    ['今後の方向性', '件数'],
    s.directions.map((d) => [d.direction, d.count]),
    [2, 2],
  );
  kpiSection(r, s);
  participantsSection(r, s);
  recommendationsSection(r, s, committee);
  const charts = noAnswers ? [] : chartSection(r, s, goals);
  trendSection(r, s);
  charts.push(...kpiTrendSection(r, s));
  return {
    rows: r.rows,
    layout: {
      frozenRows: 2,
      columnWidths: widthsOf(TAB.summary),
      headerRows: r.headerRows,
      wrap: r.wrap,
      center: r.center,
      charts,
      print: TAB_SHAPES[TAB.summary].print,
    },
  };
}

function responsesSection(r: Report, s: Summary): void {
  r.section('1. 所管課別の回答状況');
  const due = s.responses.reduce((n, x) => n + x.due, 0);
  const answered = s.responses.reduce((n, x) => n + x.answered, 0);
  r.table(
    ['所管課', '対象の事業', '回答済', '未回答', '回答率'],
    [
      ...s.responses.map((x) => [x.department, x.due, x.answered, x.unanswered, pct(x.rate)]),
      ['合計', due, answered, due - answered, pct(due ? answered / due : undefined)],
    ],
    [2, 5],
  );
}

/** 2.–4.: the grades per 目標, 課題 (with the committee's grade) and 施策. Returns the 目標 table's area. */
function distributionSections(r: Report, s: Summary, committee: CommitteePart): Rect {
  const top = s.gradeCodes.slice(0, 2).join('・');
  const distributionTable = (
    title: string,
    label: string,
    list: readonly Distribution[],
    prefix: string,
    committeeGrade?: (key: string) => string,
  ) => {
    r.section(title);
    const header = [label, ...s.gradeCodes, '未回答', `${top} の割合`, '前年度からの変化'];
    // The committee's grade in a last column of its own: the counts stand under those of 2. and 4.
    if (committeeGrade) header.push('委員会評価');
    const lines = [...list, s.overall].map((d) => {
      const name = d === s.overall ? '全体' : `${prefix}${d.key} ${d.name}`.trim();
      const line: OutCell[] = [
        name,
        ...s.gradeCodes.map((c) => d.counts[c] ?? 0),
        d.counts['未回答'] ?? 0,
        pct(d.topShare),
        points(d.topShare, d.previousTopShare),
      ];
      if (committeeGrade && d !== s.overall) line.push(committeeGrade(d.key));
      return line;
    });
    return r.table(header, lines, [2, header.length]);
  };
  const goals = distributionTable('2. 自己評価の分布（目標別）', '目標', s.byGoal, '目標');
  distributionTable('3. 自己評価の分布（課題別）と委員会評価', '課題', s.byIssue, '課題', (key) => {
    const before = committee.previousGrades?.get(key)?.grade;
    return committee.grades.get(key)?.grade ?? (before ? `前年度 ${before}` : DASH);
  });
  distributionTable('4. 自己評価の分布（施策別）', '施策', s.byMeasure, '施策');
  if (s.answerCount === 0) r.add(['（回答がまだないため、割合は「—」と表示しています）']);
  return goals;
}

function attentionSection(r: Report, s: Summary): void {
  r.section(`5. 注意が必要な事業（自己評価 ${s.gradeCodes.slice(2).join('・')}、または未回答）`);
  if (s.answerCount === 0) r.add(['（回答がまだないため、省略しています）']);
  else if (s.attention.length === 0) r.add([S.noAttention()]);
  else {
    const lines = s.attention.map((a) => {
      const f = a.answer?.fields;
      return [
        `${a.project.id} ${a.project.name}`,
        a.department,
        a.grade?.code ?? '未回答',
        s.previousGrades.get(`${a.project.id}|${a.department}`) ?? DASH,
        text(f?.['今後の方向性']),
        participants(f),
        text(f?.['実施状況・実績']),
        text(f?.['課題・改善点']),
      ];
    });
    r.table(
      [
        '事業',
        '所管課',
        '自己評価',
        '前年度',
        '今後の\n方向性',
        '参加者数\n（男・女）',
        '実施状況・実績',
        '課題・改善点',
      ],
      lines,
      [3, 6],
    );
  }
}

function kpiSection(r: Report, s: Summary): void {
  r.section('7. 成果指標');
  r.table(
    // Each heading broken where its cell's value is (value above, year below).
    [
      '指標',
      '基準値\n（年度）',
      '最新の実績\n（年度）',
      '同じ年度の\n道筋の値',
      '目標値\n（年度）',
      '進捗率',
      '目標年度\nまでの経過',
      '評価',
    ],
    s.kpis.map(kpiLine),
    [2, 8],
  );
  r.add(...S.kpiRule(s.kpiStatuses).map((line) => [line]));
}

function participantsSection(r: Report, s: Summary): void {
  r.section('8. 男女別の参加者数（施策別、今年度と前年度）');
  r.table(
    ['施策', '男性', '女性', '女性の割合', '前年度 男性', '前年度 女性', '前年度 女性の割合'],
    s.bySexPerMeasure
      .filter((m) => m.key === '' || m.now.projects + m.before.projects > 0)
      .map((m) => [m.key === '' ? '全体' : `施策${m.key} ${m.name}`.trim(), ...reported(m.now), ...reported(m.before)]),
    [2, 7],
  );
  r.add([S.bySexNote(s.bySex.projects)]);
}

function recommendationsSection(r: Report, s: Summary, committee: CommitteePart): void {
  r.section('9. 提言への対応状況');
  if (committee.open.length === 0) r.add([S.noOpenRecommendations()]);
  else
    r.table(
      ['提言', '所管課', '対応状況', '提言の年度', '課題', '回答の年度', '対応内容'],
      committee.open.flatMap(({ recommendation: rec, replies }) =>
        replies.map(({ department, reply }) => [
          `${rec.number} ${rec.text}`,
          department,
          rec.year >= s.year ? DASH : reply ? text(reply.status) : NO_REPLY,
          shortYear(rec.year),
          rec.issueKey,
          reply ? shortYear(reply.year) : DASH,
          rec.year >= s.year ? ASKED_NEXT_YEAR : text(reply?.content),
        ]),
      ),
      [3, 6],
    );
}

/** 10.: the grades of 2. drawn as bars, below the tables so that the page keeps its width. */
function chartSection(r: Report, s: Summary, goals: Rect): ChartSpec[] {
  r.section('10. 目標別の自己評価の分布（グラフ）');
  const chart: ChartSpec = {
    kind: 'stackedBar',
    title: '目標別の自己評価の分布',
    // The header and every 目標 (not 全体), the grades and 未回答.
    data: { row: goals.row, col: 1, numRows: goals.numRows - 1, numCols: 1 + s.gradeCodes.length + 1 },
    anchor: { row: r.rows.length + 1, col: 1 },
    colors: gradeSeriesColors(s.gradeCodes.length),
  };
  for (let i = 0; i < CHART_ROWS; i++) r.add([]);
  r.add([`（2. の表の${s.gradeCodes.join('・')}・未回答の件数を、目標ごとに積み上げた棒グラフです）`]);
  return [chart];
}

/** Rows left free under the chart's heading for the chart itself. */
const CHART_ROWS = 14;

/** 11.: per 目標 and its 施策 the grades of every surveyed year, a line a year under the name, as in 2.–4. */
function trendSection(r: Report, s: Summary): void {
  r.section('11. 自己評価の推移（目標別・施策別、調査した年度ごと）');
  const top = s.gradeCodes.slice(0, 2).join('・');
  const lines = (label: string, t: Trend): OutCell[][] => [
    [label],
    ...t.years.map((y, n) => [
      `　${shortYear(y.year)}`,
      ...s.gradeCodes.map((c) => y.counts[c] ?? 0),
      y.counts['未回答'] ?? 0,
      pct(y.topShare),
      n > 0 ? points(y.topShare, t.years[n - 1].topShare) : DASH,
    ]),
  ];
  const rows = s.goalTrends.flatMap((goal) => [
    ...lines(`目標${goal.key} ${goal.name}`.trim(), goal),
    ...s.measureTrends
      .filter((m) => m.key.startsWith(`${goal.key}-`))
      .flatMap((m) => lines(`施策${m.key} ${m.name}`.trim(), m)),
  ]);
  const header = ['目標・施策と年度', ...s.gradeCodes, '未回答', `${top} の割合`, '前回からの変化'];
  r.table(header, rows, [2, header.length]);
  r.add([S.surveyedYearsNote(s.surveyedYears.map(shortYear))]);
}

/** Rows of a KPI's block: its table of years on the left, its line chart beside it. */
const KPI_CHART_ROWS = 14;

/** 12.: per KPI every year from its base to its target with the measured value and the path, and a line chart. */
function kpiTrendSection(r: Report, s: Summary): ChartSpec[] {
  r.section('12. 成果指標の推移（実績と目標への道筋）');
  if (s.kpis.length === 0) r.add([S.noKpis()]);
  return s.kpis.map((k) => {
    const i = k.indicator;
    const path = kpiPath(i);
    const measured = new Map(
      s.kpiResults.filter((x) => x.number === i.number).map((x) => [x.year, indicatorValue(i, x.value)]),
    );
    const last = Math.max(i.targetYear, ...measured.keys());
    const unit = i.percent ? '（%）' : i.base.unit ? `（${i.base.unit}）` : '';
    const round = (v: number) => Math.round(v * 10) / 10;
    const lines: OutCell[][] = [];
    for (let y = i.baseYear; y <= last; y++) {
      const value = y === i.baseYear ? indicatorValue(i, i.base) : measured.get(y);
      lines.push([
        `${y}年度`,
        value === undefined ? '' : round(value),
        y <= i.targetYear ? round(pathValue(path, y)) : '',
      ]);
    }
    r.add([
      `指標${i.number} ${i.name}：目標 ${targetText(i, i.target)}（${shortYear(i.targetYear)}）、評価 ${k.status}`,
    ]);
    const area = r.table(['年度', `実績${unit}`, `目標への道筋${unit}`], lines, [2, 3]);
    for (let n = lines.length + 1; n < KPI_CHART_ROWS; n++) r.add([]);
    return {
      kind: 'line',
      title: `指標${i.number} ${i.name}`,
      data: area,
      anchor: { row: area.row, col: 4 },
      colors: [KPI_VALUE_COLOR, KPI_PATH_COLOR],
      // Shorter than its rows (20 px in a file, 21 in Sheets, a header row perhaps wrapped).
      size: { width: 640, height: (KPI_CHART_ROWS - 1) * 20 },
    } satisfies ChartSpec;
  });
}

/** Men, women and the women's share; "—" where no 事業 reported a number (0 would say nobody came). */
export function reported(p: Participants): Array<number | string> {
  return p.projects === 0 ? [DASH, DASH, DASH] : [p.men, p.women, pct(p.womenShare)];
}

/** 参加者数 as 「男・女」, a dash for the one not reported; blank where neither is. */
export function participants(f: Readonly<Record<string, unknown>> | undefined): string {
  const men = text(f?.['参加者数（男性）']);
  const women = text(f?.['参加者数（女性）']);
  return men === '' && women === '' ? '' : `${men || DASH}・${women || DASH}`;
}

export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return String(v);
  return '';
}

/**
 * How 7.'s 評価 is decided, in the city's words for it: lines short enough for the page (one long
 * line ran past the table and made the whole summary print smaller).
 */

function kpiLine(k: KpiRow): OutCell[] {
  const i = k.indicator;
  // The value, and its year on a line of its own: the columns are narrow on paper.
  const withYear = (value: string, year: number) => `${value}\n${shortYear(year)}`;
  return [
    `${i.number} ${i.name}`,
    withYear(amount(i, i.base.value, i.base.unit), i.baseYear),
    k.latest ? withYear(amount(i, k.latest.value.value, k.latest.value.unit), k.latest.year) : DASH,
    k.pathValue === undefined ? DASH : amount(i, k.pathValue, i.percent ? '%' : i.target.unit || i.base.unit),
    withYear(targetText(i, i.target), i.targetYear),
    pct(k.progress),
    pct(k.expected),
    k.status,
  ];
}
