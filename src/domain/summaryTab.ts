import type { ChartSpec, Layout } from '../port';
import { type OutCell, type OutGrid, formatDateTime } from './cells';
import { formatFiscalYear } from './fiscalYear';
import type { Indicator } from './inputs';
import type { Target } from './quantity';
import type { Distribution, KpiRow, Summary } from './summary';

const DASH = '—';

export const pct = (x: number | undefined) => (x === undefined ? DASH : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
const points = (now: number | undefined, before: number | undefined) => {
  if (now === undefined || before === undefined) return DASH;
  const d = Math.round((now - before) * 1000) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(1)}ポイント`;
};

function amount(indicator: Indicator, value: number, unit: string): string {
  const v = indicator.percent && unit === '' && Math.abs(value) <= 1 ? value * 100 : value;
  const shown = Math.round(v * 10) / 10;
  return `${shown}${indicator.percent ? '%' : unit}`;
}

function targetText(indicator: Indicator, t: Target): string {
  if (t.kind === 'range') return `${amount(indicator, t.low, t.unit)}〜${amount(indicator, t.high, t.unit)}`;
  const v = amount(indicator, t.value, t.unit);
  return t.kind === 'atLeast' ? `${v}以上` : t.kind === 'atMost' ? `${v}以下` : v;
}

const shortYear = (y: number) => formatFiscalYear(y).replace(/（.*）$/, '');

/** The 評価サマリー tab: the page the committee prints and discusses. */
export function renderSummary(s: Summary): { rows: OutGrid; layout: Layout } {
  const rows: OutGrid = [];
  const headerRows: number[] = [];
  const add = (...lines: OutCell[][]) => rows.push(...lines);
  const section = (title: string) => {
    add([]);
    add([title]);
    headerRows.push(rows.length);
  };
  const header = (...cells: string[]) => {
    add(cells);
    headerRows.push(rows.length);
  };
  const noAnswers = s.answerCount === 0;
  // Only the attention list holds long text; headings and tables read best unwrapped.
  let attentionFrom = 0;

  add([`${s.planName} 評価サマリー　${formatFiscalYear(s.year)}`]);
  add([`作成日時：${formatDateTime(s.builtAt)}　対象の事業：${s.projectCount}件　回答：${s.answerCount}件（所管課ごとの事業ごとの回答）`]);
  if (noAnswers) add([`${formatFiscalYear(s.year)}の回答はまだありません。各課が調査シートに入力し、「回答を取り込む」を実行すると、自己評価の集計がここに表示されます。`]);

  section('1. 所管課別の回答状況');
  header('所管課', '対象の事業', '回答済', '未回答', '回答率');
  for (const r of s.responses) add([r.department, r.due, r.answered, r.unanswered, pct(r.rate)]);
  const due = s.responses.reduce((n, r) => n + r.due, 0);
  const answered = s.responses.reduce((n, r) => n + r.answered, 0);
  add(['合計', due, answered, due - answered, pct(due ? answered / due : undefined)]);

  const top = s.gradeCodes.slice(0, 2).join('・');
  const distributionTable = (title: string, label: string, list: readonly Distribution[], prefix: string) => {
    section(title);
    header(label, ...s.gradeCodes, '未回答', `${top} の割合`, '前年度からの変化');
    const first = rows.length;
    for (const d of [...list, s.overall]) {
      const name = d === s.overall ? '全体' : `${prefix}${d.key} ${d.name}`.trim();
      add([name, ...s.gradeCodes.map((c) => d.counts[c] ?? 0), d.counts['未回答'] ?? 0, pct(d.topShare), points(d.topShare, d.previousTopShare)]);
    }
    return { headerRow: first, lastRow: rows.length - 1 };
  };
  distributionTable('2. 自己評価の分布（目標別）', '目標', s.byGoal, '目標');
  const issues = distributionTable('3. 自己評価の分布（課題別）', '課題', s.byIssue, '課題');
  distributionTable('4. 自己評価の分布（施策別）', '施策', s.byMeasure, '施策');
  if (noAnswers) add(['（回答がまだないため、割合は「—」と表示しています）']);

  section(`5. 注意が必要な事業（自己評価 ${s.gradeCodes.slice(2).join('・')}、または未回答）`);
  if (noAnswers) add(['（回答がまだないため、省略しています）']);
  else if (s.attention.length === 0) add(['該当する事業はありません。']);
  else {
    header('事業番号', '事業名', '所管課', '自己評価', '前年度', '実施状況・実績', '課題・改善点', '今後の方向性');
    attentionFrom = rows.length + 1;
    for (const a of s.attention) {
      const f = a.answer?.fields;
      add([a.project.id, a.project.name, a.department, a.grade ?? '未回答', s.previousGrades.get(`${a.project.id}|${a.department}`) ?? DASH, text(f?.['実施状況・実績']), text(f?.['課題・改善点']), text(f?.['今後の方向性'])]);
    }
  }

  const attentionTo = rows.length;
  section('6. 今後の方向性');
  header('今後の方向性', '件数');
  for (const d of s.directions) add([d.direction, d.count]);

  section('7. 成果指標');
  header('番号', '指標', '基準値（年度）', '最新の実績（年度）', '目標値（年度）', '進捗率', '目標年度までの経過', '評価');
  for (const k of s.kpis) add(kpiLine(k));
  add(['進捗率＝（最新の実績−基準値）÷（目標値−基準値）。範囲・以上・以下の目標は基準値に近い側の値で計算し、範囲内・超えていれば「達成」。経過より進捗率が大きければ「順調」。']);

  section('8. 男女別の参加者数');
  header('報告のあった事業', '男性', '女性', '女性の割合');
  add([s.bySex.projects, s.bySex.men, s.bySex.women, pct(s.bySex.womenShare)]);

  const width = Math.max(...rows.map((r) => r.length));
  const chartCols = 1 + s.gradeCodes.length + 1;
  const charts: ChartSpec[] = noAnswers
    ? []
    : [{ title: '課題別の自己評価の分布', data: { row: issues.headerRow, col: 1, numRows: issues.lastRow - issues.headerRow + 1, numCols: chartCols }, anchor: { row: issues.headerRow, col: width + 2 } }];
  return {
    rows,
    layout: {
      frozenRows: 2,
      columnWidths: [220, 240, 110, 110, 110, 260, 260, 110],
      headerRows,
      wrap: attentionFrom ? { row: attentionFrom, col: 1, numRows: attentionTo - attentionFrom + 1, numCols: 8 } : undefined,
      charts,
      fitToWidth: true,
    },
  };
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function kpiLine(k: KpiRow): OutCell[] {
  const i = k.indicator;
  return [
    i.number,
    i.name,
    `${amount(i, i.base.value, i.base.unit)}（${shortYear(i.baseYear)}）`,
    k.latest ? `${amount(i, k.latest.value.value, k.latest.value.unit)}（${shortYear(k.latest.year)}）` : '実績なし',
    `${targetText(i, i.target)}（${shortYear(i.targetYear)}）`,
    pct(k.progress),
    pct(k.expected),
    k.status,
  ];
}
