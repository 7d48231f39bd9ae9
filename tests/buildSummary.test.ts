import { afterEach, describe, expect, it } from 'vitest';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { buildSummary } from '../src/actions/buildSummary';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import type { FakeApp } from './fake/spreadsheetApp';
import { fakeBook, seedTabs, typeAnswers } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

const CENTER = '調査_男女共同参画センター';
const BUILT = new Date(2026, 6, 1, 9, 0);

/** Last year's answers (2024), already in 回答. */
const PREVIOUS = [
  [...HEADERS.answers],
  ['2024', '4-1-1-1', '男女共同参画センター', '要望した', 'B', '継続', '', '', '', ''],
  ['2024', '4-2-1-1', '男女共同参画センター', '準備のみ', 'D', '見直し', '', '', '', ''],
  ['2024', '4-1-2-3', '職員課', '研修1回', 'C', '見直し', '', '', '', ''],
  ['2024', '4-1-3-2', '男女共同参画センター', '委員会を開催', 'B', '継続', '', '', '', ''],
];

/** This year's answers, typed into the request tabs and merged (see the counts worked out below). */
function answeredBook() {
  const tabs = seedTabs();
  tabs[TAB.answers] = PREVIOUS.map((r) => [...r]);
  const b = fakeBook(tabs);
  uninstall = b.uninstall;
  createRequests(b.wb);
  const a = (grade: string, direction: string, extra: Record<string, unknown> = {}) => ({
    '実施状況・実績': `${grade}の取り組み`,
    自己評価: grade,
    今後の方向性: direction,
    ...extra,
  });
  typeAnswers(b.app, CENTER, {
    '4-1-1-1': a('A', '継続'),
    '4-1-2-1': a('B', '継続'),
    '4-1-2-2': a('B', '拡充'),
    '4-1-3-1': a('A', '継続'),
    '4-1-3-2': a('C', '見直し', { '課題・改善点': '委員の意見の反映' }),
    '4-1-3-3': a('B', '継続'),
    '4-2-1-1': a('D', '見直し', { '実施状況・実績': '調査は次年度に実施予定', '課題・改善点': '調査の予算の確保' }),
    '4-2-1-2': a('A', '拡充', { '参加者数（男性）': 20, '参加者数（女性）': 45 }),
    '4-2-1-4': a('B', '継続'),
  });
  typeAnswers(b.app, '調査_職員課', {
    '4-1-2-2': a('B', '継続'),
    '4-1-2-3': a('A', '拡充', { '参加者数（男性）': 12, '参加者数（女性）': 15 }),
  });
  typeAnswers(b.app, '調査_企画課', { '4-1-2-2': a('C', '見直し', { '課題・改善点': '庁内への周知' }) });
  expect(mergeResponses(b.wb, new Date(2026, 5, 30)).ok).toBe(true);
  return b;
}

/** The rows of the section whose title starts with `title`, up to the next blank row. */
function section(app: FakeApp, title: string): unknown[][] {
  const values = app.sheet(TAB.summary)!.values();
  const start = values.findIndex((r) => String(r[0]).startsWith(title));
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = values.findIndex((r, i) => i > start && r.every((v) => v === ''));
  return values.slice(start + 1, end < 0 ? undefined : end).map((r) => {
    let n = r.length;
    while (n > 0 && r[n - 1] === '') n--;
    return r.slice(0, n);
  });
}

describe('buildSummary', () => {
  it('heads the page with plan, year, build time and counts', () => {
    const { app, wb } = answeredBook();
    const result = buildSummary(wb, BUILT);
    expect(result.ok).toBe(true);
    const v = app.sheet(TAB.summary)!.values();
    expect(v[0][0]).toBe('清瀬市男女平等推進プラン 評価サマリー　令和7年度（2025年度）');
    // 11 事業; 12 answers typed this year (center 9, 職員課 2, 企画課 1).
    expect(v[1][0]).toBe('作成日時：2026/07/01 09:00　対象の事業：11件　回答：12件（所管課ごとの事業ごとの回答）');
  });

  it('counts the response status by department', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    expect(section(app, '1. 所管課別の回答状況')).toEqual([
      ['所管課', '対象の事業', '回答済', '未回答', '回答率'],
      ['男女共同参画センター', 10, 9, 1, '90.0%'],
      ['職員課', 2, 2, 0, '100.0%'],
      ['企画課', 1, 1, 0, '100.0%'],
      ['子育て支援課', 1, 0, 1, '0.0%'],
      ['合計', 14, 12, 2, '85.7%'],
    ]);
  });

  it('counts grades per 目標, 課題 and 施策 with names, the A+B share and the change from last year', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    // Overall: A 4, B 5, C 2, D 1, 未回答 2 → A+B 9/12 = 75.0%; last year 2/4 = 50.0%.
    expect(section(app, '2. 自己評価の分布（目標別）')).toEqual([
      ['目標', 'A', 'B', 'C', 'D', '未回答', 'A・B の割合', '前年度からの変化'],
      ['目標4 プランの積極的な推進', 4, 5, 2, 1, 2, '75.0%', '+25.0ポイント'],
      ['全体', 4, 5, 2, 1, 2, '75.0%', '+25.0ポイント'],
    ]);
    // 4-1: A 3, B 4, C 2, 未 1 → 7/9 = 77.8%, last year 2/3 = 66.7%.  4-2: A 1, B 1, D 1, 未 1 → 2/3, last year 0/1.
    // No grade of the committee yet: a dash beside each 課題.
    expect(section(app, '3. 自己評価の分布（課題別）と委員会評価')).toEqual([
      ['課題', 'A', 'B', 'C', 'D', '未回答', 'A・B の割合', '前年度からの変化', '委員会評価'],
      ['課題4-1 庁内推進体制の充実と強化', 3, 4, 2, 0, 1, '77.8%', '+11.1ポイント', '—'],
      ['課題4-2 男女共同参画の推進基盤の強化', 1, 1, 0, 1, 1, '66.7%', '+66.7ポイント', '—'],
      ['全体', 4, 5, 2, 1, 2, '75.0%', '+25.0ポイント'],
    ]);
    const measures = section(app, '4. 自己評価の分布（施策別）');
    // 4-1-2: B (4-1-2-1), B B C 未 (4-1-2-2 ×4 departments), A (4-1-2-3) → 4/5; last year C → 0/1.
    expect(measures[2]).toEqual(['施策4-1-2 庁内推進体制の充実', 1, 3, 1, 0, 1, '80.0%', '+80.0ポイント']);
    expect(measures[1]).toEqual(['施策4-1-1 国や都との連携強化', 1, 0, 0, 0, 0, '100.0%', '±0.0ポイント']);
  });

  it('lists every answer graded C or D, or not answered, with what the department wrote', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    expect(section(app, '5. 注意が必要な事業')).toEqual([
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
      ['4-1-2-2 男女別統計による住民ニーズの把握', '企画課', 'C', '—', '見直し', '', 'Cの取り組み', '庁内への周知'],
      ['4-1-2-2 男女別統計による住民ニーズの把握', '子育て支援課', '未回答', '—'],
      [
        '4-1-3-2 男女平等推進委員会におけるプランの進捗状況の点検と評価の実施',
        '男女共同参画センター',
        'C',
        'B',
        '見直し',
        '',
        'Cの取り組み',
        '委員の意見の反映',
      ],
      [
        '4-2-1-1 男女平等に関する意識・実態調査の実施',
        '男女共同参画センター',
        'D',
        'D',
        '見直し',
        '',
        '調査は次年度に実施予定',
        '調査の予算の確保',
      ],
      ['4-2-1-3 苦情処理の充実', '男女共同参画センター', '未回答', '—'],
    ]);
  });

  it('counts 今後の方向性, participants by sex, and the KPIs of the plan', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    expect(section(app, '6. 今後の方向性')).toEqual([
      ['今後の方向性', '件数'],
      ['拡充', 3],
      ['継続', 6],
      ['見直し', 3],
      ['完了', 0],
      ['廃止', 0],
    ]);
    // 20 + 12 men, 45 + 15 women → 60 / 92 = 65.2%.
    // Per 施策: 4-1-2 (4-1-2-3: 12 + 15 → 55.6%), 4-2-1 (4-2-1-2: 20 + 45 → 69.2%); none last year.
    expect(section(app, '8. 男女別の参加者数')).toEqual([
      ['施策', '男性', '女性', '女性の割合', '前年度 男性', '前年度 女性', '前年度 女性の割合'],
      // Nothing reported last year: "—", not 0 (nobody came).
      ['施策4-1-2 庁内推進体制の充実', 12, 15, '55.6%', '—', '—', '—'],
      ['施策4-2-1 男女共同参画センター事業の充実', 20, 45, '69.2%', '—', '—', '—'],
      ['全体', 32, 60, '65.2%', '—', '—', '—'],
      ['（参加者数の報告があった事業：今年度 2件。報告のない事業は数えていません）'],
    ]);
    // The latest values of examples/kiyose-indicator-results.tsv are of 令和6年度 (2024): 8 of 11 years
    // from H28 to H39 elapsed (72.7%).
    // 16: 59.1% → 75.0% toward 80%: 15.9 / 20.9 = 76.1% ≥ 72.7% → 順調; the path in R6: 59.1 + 20.9 × 8/11 = 74.3%.
    // 17: 41.4% → 46.0% toward 60%: 4.6 / 18.6 = 24.7%, less than half of 72.7% → 遅れ; path 41.4 + 18.6 × 8/11 = 54.9%.
    const kpis = section(app, '7. 成果指標');
    expect(kpis.slice(0, 3)).toEqual([
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
      [
        '16 男女共同参画センター（アイレック）の認知度',
        '59.1%\n平成28年度',
        '75%\n令和6年度',
        '74.3%',
        '80%\n令和9年度',
        '76.1%',
        '72.7%',
        '順調',
      ],
      [
        '17 きよせ女性広報誌「Ms. スクエア」の認知度',
        '41.4%\n平成28年度',
        '46%\n令和6年度',
        '54.9%',
        '60%\n令和9年度',
        '24.7%',
        '72.7%',
        '遅れ',
      ],
    ]);
  });

  it('draws the grade distribution per 目標 as a stacked bar chart below the tables, within the page', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    const s = app.sheet(TAB.summary)!;
    // The grades' bar chart, and a line chart per KPI (two in the example).
    expect(s.charts.map((c) => c.type)).toEqual(['bar', 'line', 'line']);
    const chart = s.charts[0];
    expect(chart.title).toBe('目標別の自己評価の分布');
    expect(chart.stacked).toBe(true);
    // A (best) blue to D (worst) red, 未回答 grey: the order reads without the legend.
    expect(chart.colors).toEqual(['#2166ac', '#92c5de', '#f4a582', '#b2182b', '#bdbdbd']);
    const values = s.values();
    const header = values.findIndex((r) => String(r[0]).startsWith('2. ')) + 2;
    // The header row and 目標4 (全体 left out), grades A–D and 未回答.
    expect([chart.range.row, chart.range.numRows, chart.range.col, chart.range.numCols]).toEqual([header, 2, 1, 6]);
    expect(chart.col).toBe(1);
    expect(chart.row).toBe(values.findIndex((r) => String(r[0]).startsWith('10. ')) + 2);
    expect(s.protections[0]).toMatchObject({ type: 'SHEET', warningOnly: false, editors: [app.owner, app.user] });
  });

  it('gives the same content when rebuilt with the same data, but for the build time', () => {
    const { app, wb } = answeredBook();
    buildSummary(wb, BUILT);
    const first = app.sheet(TAB.summary)!.values();
    buildSummary(wb, new Date(2026, 6, 2, 10, 0));
    const second = app.sheet(TAB.summary)!.values();
    expect(second.slice(2)).toEqual(first.slice(2));
    expect(second[1][0]).toContain('2026/07/02 10:00');
    expect(app.sheet(TAB.summary)!.charts).toHaveLength(3);
  });

  it('still builds with no answers yet, and says so instead of showing 0%', () => {
    const b = fakeBook(seedTabs());
    uninstall = b.uninstall;
    const result = buildSummary(b.wb, BUILT);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('回答はまだないため');
    const v = b.app.sheet(TAB.summary)!.values();
    expect(v[2][0]).toContain('令和7年度（2025年度）の回答はまだありません');
    expect(section(b.app, '2. 自己評価の分布（目標別）')[1]).toEqual([
      '目標4 プランの積極的な推進',
      0,
      0,
      0,
      0,
      14,
      '—',
      '—',
    ]);
    expect(section(b.app, '5. 注意が必要な事業')).toEqual([['（回答がまだないため、省略しています）']]);
    // No grades to draw; the KPIs' line charts stand (their values come from 指標実績, not from the answers).
    expect(b.app.sheet(TAB.summary)!.charts.map((c) => c.type)).toEqual(['line', 'line']);
  });
});
