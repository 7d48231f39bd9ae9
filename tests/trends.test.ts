/**
 * Ten years of the demo plan at a glance (DESIGN "Ten years at a glance"): 回答 holds ten years of
 * grades written out below as a city would have merged them, 指標実績 ten years of KPI values.
 * Every number expected here was worked out by hand from those tables, in the comments beside it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildSummary } from '../src/actions/buildSummary';
import { yearlyReport } from '../src/actions/yearlyReport';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import type { FakeApp } from './fake/spreadsheetApp';
import { fakeBook, seedTabs } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

const FIRST = 2018;
const YEARS = Array.from({ length: 10 }, (_, i) => FIRST + i);
const CENTER = '男女共同参画センター';

/**
 * Each assignment's grade per year, 2018 → 2027 ('-' = no answer that year). By 施策:
 * - 4-1-1 (one 事業): A B C D repeating.
 * - 4-1-2 (six assignments): in year k (0-based) the first min(k, 6) are B, the rest C.
 * - 4-1-3 (three): even years A A A; odd years A, C and no answer.
 * - 4-2-1 (four): D for five years, then B.
 */
const GRID: Array<[string, string, string]> = [
  ['4-1-1-1', CENTER, 'ABCDABCDAB'],
  ['4-1-2-1', CENTER, 'CBBBBBBBBB'],
  ['4-1-2-2', CENTER, 'CCBBBBBBBB'],
  ['4-1-2-2', '職員課', 'CCCBBBBBBB'],
  ['4-1-2-2', '企画課', 'CCCCBBBBBB'],
  ['4-1-2-2', '子育て支援課', 'CCCCCBBBBB'],
  ['4-1-2-3', '職員課', 'CCCCCCBBBB'],
  ['4-1-3-1', CENTER, 'AAAAAAAAAA'],
  ['4-1-3-2', CENTER, 'ACACACACAC'],
  ['4-1-3-3', CENTER, 'A-A-A-A-A-'],
  ['4-2-1-1', CENTER, 'DDDDDBBBBB'],
  ['4-2-1-2', CENTER, 'DDDDDBBBBB'],
  ['4-2-1-3', CENTER, 'DDDDDBBBBB'],
  ['4-2-1-4', CENTER, 'DDDDDBBBBB'],
];

/**
 * KPI values (指標実績). 16 and 17 are the plan's (base 2016, target 2027); 18 falls toward 0%
 * from 2021; 19 is never measured.
 */
const RESULTS: Array<[string, number, string]> = [
  ['16', 2018, '61.0%'],
  ['16', 2020, '63.5%'],
  ['16', 2022, '66.0%'],
  ['16', 2024, '75.0%'],
  ['16', 2026, '79.0%'],
  ['16', 2027, '80.5%'],
  ['17', 2018, '44.0%'],
  ['17', 2020, '45.0%'],
  ['17', 2022, '52.0%'],
  ['17', 2024, '50.0%'],
  ['17', 2026, '54.0%'],
  ['17', 2027, '52.0%'],
  ['18', 2024, '2.3%'],
  ['18', 2027, '3.4%'],
];

function tenYearBook(year: number) {
  const tabs: Record<string, unknown[][]> = seedTabs();
  tabs[TAB.settings] = tabs[TAB.settings].map((r) => (r[0] === '対象年度' ? ['対象年度', String(year)] : r));
  tabs[TAB.indicators] = [
    ...tabs[TAB.indicators],
    ['18', 'DV相談のうち解決に至らない割合', '4', '2021', '3.3%', '2027', '0%', '例'],
    ['19', '男女共同参画講座の開催数', '4', '2016', '10回', '2027', '20回以上', '例'],
  ];
  tabs[TAB.indicatorResults] = [['番号', '年度', '実績'], ...RESULTS.map(([n, y, v]) => [n, String(y), v])];
  const answers: unknown[][] = [[...HEADERS.answers]];
  YEARS.forEach((y, k) => {
    for (const [id, department, grades] of GRID) {
      const grade = grades[k];
      if (grade === '-') continue;
      const weak = grade === 'C' || grade === 'D';
      answers.push([y, id, department, `${y}年度の実施状況`, grade, '継続', weak ? '改善する' : '', '', '', '']);
    }
  });
  tabs[TAB.answers] = answers;
  const book = fakeBook(tabs);
  uninstall = book.uninstall;
  return book;
}

/** The rows under a summary section's title, trailing blanks cut, up to the next blank row. */
function section(app: FakeApp, title: string): unknown[][] {
  const values = app.sheet(TAB.summary)!.values();
  const start = values.findIndex((r) => String(r[0]).startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = values.findIndex((r, i) => i > start && r.every((v) => v === ''));
  return values.slice(start + 1, end < 0 ? undefined : end).map((r) => {
    let n = r.length;
    while (n > 0 && r[n - 1] === '') n--;
    return r.slice(0, n);
  });
}

const wareki = (y: number) =>
  `令和${y - 2018}年度`.replace('令和0年度', '平成30年度').replace('令和1年度', '令和元年度');

/** The lines of one 目標 or 施策 in 11.: its name, then a line a year [A, B, C, D, 未回答, share, change]. */
function block(name: string, years: Array<[number, number, number, number, number, string, string]>): unknown[][] {
  return [[name], ...years.map((cells, k) => [`　${wareki(FIRST + k)}`, ...cells])];
}

describe('Ten years at a glance', () => {
  it('shows every surveyed year of each 目標 and 施策, side by side', () => {
    const { app, wb } = tenYearBook(2027);
    expect(buildSummary(wb, new Date(2028, 6, 1)).ok).toBe(true);
    const rows = section(app, '11. 自己評価の推移');
    expect(rows[0]).toEqual(['目標・施策と年度', 'A', 'B', 'C', 'D', '未回答', 'A・B の割合', '前回からの変化']);
    // 目標4, year by year (14 assignments; one unanswered in odd years, left out of the share):
    // 2018: 4-1-1 A, 4-1-2 six C, 4-1-3 three A, 4-2-1 four D → A4 B0 C6 D4; 4/14 = 28.6%.
    // 2019: B; B1 C5; A1 C1 –; D4 → A1 B2 C6 D4 未1; 3/13 = 23.1% (−5.5 points).
    // 2020: C; B2 C4; A3; D4 → A3 B2 C5 D4; 5/14 = 35.7% (+12.6).  2021: D; B3 C3; A1 C1 –; D4 → 4/13 = 30.8% (−4.9).
    // 2022: A; B4 C2; A3; D4 → 8/14 = 57.1% (+26.4).  2023: B; B5 C1; A1 C1 –; B4 → A1 B10 C2; 11/13 = 84.6% (+27.5).
    // 2024: C; B6; A3; B4 → A3 B10 C1; 13/14 = 92.9% (+8.2).  2025: D; B6; A1 C1 –; B4 → 11/13 = 84.6% (−8.2).
    // 2026: A; B6; A3; B4 → A4 B10; 100.0% (+15.4).  2027: B; B6; A1 C1 –; B4 → A1 B11 C1; 12/13 = 92.3% (−7.7).
    expect(rows.slice(1, 12)).toEqual(
      block('目標4 プランの積極的な推進', [
        [4, 0, 6, 4, 0, '28.6%', '—'],
        [1, 2, 6, 4, 1, '23.1%', '−5.5ポイント'],
        [3, 2, 5, 4, 0, '35.7%', '+12.6ポイント'],
        [1, 3, 4, 5, 1, '30.8%', '−4.9ポイント'],
        [4, 4, 2, 4, 0, '57.1%', '+26.4ポイント'],
        [1, 10, 2, 0, 1, '84.6%', '+27.5ポイント'],
        [3, 10, 1, 0, 0, '92.9%', '+8.2ポイント'],
        [1, 10, 1, 1, 1, '84.6%', '−8.2ポイント'],
        [4, 10, 0, 0, 0, '100.0%', '+15.4ポイント'],
        [1, 11, 1, 0, 1, '92.3%', '−7.7ポイント'],
      ]),
    );
    expect(rows.slice(12, 23)).toEqual(
      block('施策4-1-1 国や都との連携強化', [
        [1, 0, 0, 0, 0, '100.0%', '—'],
        [0, 1, 0, 0, 0, '100.0%', '±0.0ポイント'],
        [0, 0, 1, 0, 0, '0.0%', '−100.0ポイント'],
        [0, 0, 0, 1, 0, '0.0%', '±0.0ポイント'],
        [1, 0, 0, 0, 0, '100.0%', '+100.0ポイント'],
        [0, 1, 0, 0, 0, '100.0%', '±0.0ポイント'],
        [0, 0, 1, 0, 0, '0.0%', '−100.0ポイント'],
        [0, 0, 0, 1, 0, '0.0%', '±0.0ポイント'],
        [1, 0, 0, 0, 0, '100.0%', '+100.0ポイント'],
        [0, 1, 0, 0, 0, '100.0%', '±0.0ポイント'],
      ]),
    );
    // Six assignments, one more B each year until all six: 0, 1/6, 2/6 … (+16.7 points a year).
    expect(rows.slice(23, 34)).toEqual(
      block('施策4-1-2 庁内推進体制の充実', [
        [0, 0, 6, 0, 0, '0.0%', '—'],
        [0, 1, 5, 0, 0, '16.7%', '+16.7ポイント'],
        [0, 2, 4, 0, 0, '33.3%', '+16.7ポイント'],
        [0, 3, 3, 0, 0, '50.0%', '+16.7ポイント'],
        [0, 4, 2, 0, 0, '66.7%', '+16.7ポイント'],
        [0, 5, 1, 0, 0, '83.3%', '+16.7ポイント'],
        [0, 6, 0, 0, 0, '100.0%', '+16.7ポイント'],
        [0, 6, 0, 0, 0, '100.0%', '±0.0ポイント'],
        [0, 6, 0, 0, 0, '100.0%', '±0.0ポイント'],
        [0, 6, 0, 0, 0, '100.0%', '±0.0ポイント'],
      ]),
    );
    // Even years A A A (100%); odd years A, C and one unanswered (1 of 2 graded: 50%).
    const even: [number, number, number, number, number, string, string] = [3, 0, 0, 0, 0, '100.0%', '+50.0ポイント'];
    const odd: [number, number, number, number, number, string, string] = [1, 0, 1, 0, 1, '50.0%', '−50.0ポイント'];
    expect(rows.slice(34, 45)).toEqual(
      block('施策4-1-3 プランの進捗管理と改善', [
        [3, 0, 0, 0, 0, '100.0%', '—'],
        odd,
        even,
        odd,
        even,
        odd,
        even,
        odd,
        even,
        odd,
      ]),
    );
    const d: [number, number, number, number, number, string, string] = [0, 0, 0, 4, 0, '0.0%', '±0.0ポイント'];
    const b: [number, number, number, number, number, string, string] = [0, 4, 0, 0, 0, '100.0%', '±0.0ポイント'];
    expect(rows.slice(45, 56)).toEqual(
      block('施策4-2-1 男女共同参画センター事業の充実', [
        [0, 0, 0, 4, 0, '0.0%', '—'],
        d,
        d,
        d,
        d,
        [0, 4, 0, 0, 0, '100.0%', '+100.0ポイント'],
        b,
        b,
        b,
        b,
      ]),
    );
    expect(rows).toHaveLength(57); // the header, 5 blocks of 11 lines, the note
    expect(String(rows[56][0])).toContain('平成30年度、令和元年度、令和2年度');
  });

  it('judges each KPI by what was measured by the summary’s year: at year five and at year ten', () => {
    const statuses = (app: FakeApp) =>
      section(app, '7. 成果指標')
        .slice(1, 5)
        .map((r) => [String(r[0]).split(' ')[0], r[3], r[7]]);
    const five = tenYearBook(2022);
    expect(buildSummary(five.wb, new Date(2023, 6, 1)).ok).toBe(true);
    // 2022 is 6 of 11 years from 2016 to 2027 (54.5% of the time).
    // 16: (66 − 59.1) / 20.9 = 33.0%, at least half of 54.5% → やや遅れ; the path: 59.1 + 20.9 × 6/11 = 70.5%.
    // 17: (52 − 41.4) / 18.6 = 57.0% ≥ 54.5% → 順調; the path: 41.4 + 18.6 × 6/11 = 51.5%.
    // 18: measured first in 2024 → 未測定 in 2022.  19: never measured.
    expect(statuses(five.app)).toEqual([
      ['16', '70.5%', 'やや遅れ'],
      ['17', '51.5%', '順調'],
      ['18', '—', '未測定'],
      ['19', '—', '未測定'],
    ]);
    five.uninstall();
    const ten = tenYearBook(2027);
    expect(buildSummary(ten.wb, new Date(2028, 6, 1)).ok).toBe(true);
    // 2027: the target year (100% of the time). 16: 80.5% ≥ 80% → 達成.
    // 17: 52% is 57.0% of the way, at least half of 100% → やや遅れ.  18: 3.4% is above its base 3.3% → 遅れ.
    expect(statuses(ten.app)).toEqual([
      ['16', '80%', '達成'],
      ['17', '60%', 'やや遅れ'],
      ['18', '0%', '遅れ'],
      ['19', '—', '未測定'],
    ]);
    // 12.: 16's table runs from its base year to its target year, the measured values beside the path.
    const kpi = section(ten.app, '12. 成果指標の推移');
    expect(kpi[0][0]).toBe('指標16 男女共同参画センター（アイレック）の認知度：目標 80%（令和9年度）、評価 達成');
    expect(kpi.slice(1, 14)).toEqual([
      ['年度', '実績（%）', '目標への道筋（%）'],
      ['2016年度', 59.1, 59.1],
      ['2017年度', '', 61],
      ['2018年度', 61, 62.9],
      ['2019年度', '', 64.8],
      ['2020年度', 63.5, 66.7],
      ['2021年度', '', 68.6],
      ['2022年度', 66, 70.5],
      ['2023年度', '', 72.4],
      ['2024年度', 75, 74.3],
      ['2025年度', '', 76.2],
      ['2026年度', 79, 78.1],
      ['2027年度', 80.5, 80],
    ]);
    const charts = ten.app.sheet(TAB.summary)!.charts.filter((c) => c.type === 'line');
    expect(charts.map((c) => c.title)).toEqual([
      '指標16 男女共同参画センター（アイレック）の認知度',
      '指標17 きよせ女性広報誌「Ms. スクエア」の認知度',
      '指標18 DV相談のうち解決に至らない割合',
      '指標19 男女共同参画講座の開催数',
    ]);
  });

  it('follows each 事業’s grades over the years in 事業別一覧 and in the report', () => {
    const { app, wb } = tenYearBook(2027);
    expect(buildSummary(wb, new Date(2028, 6, 1)).ok).toBe(true);
    const list = app.sheet(TAB.projectList)!.values();
    const header = list.find((r) => r[0] === '事業番号')!;
    const trail = (id: string) => list.find((r) => r[0] === id)![header.indexOf('評価の推移')];
    expect(trail('4-1-1-1')).toBe(
      '2018 A → 2019 B → 2020 C → 2021 D → 2022 A → 2023 B → 2024 C → 2025 D → 2026 A → 2027 B',
    );
    // Unanswered in odd years: those years are not in its trail.
    expect(trail('4-1-3-3')).toBe('2018 A → 2020 A → 2022 A → 2024 A → 2026 A');
    const outcome = yearlyReport(wb, new Date(2028, 6, 1));
    if (!('model' in outcome)) throw new Error(outcome.message);
    const trend = outcome.model.goals[0].trend;
    expect(trend.years).toHaveLength(10);
    expect(trend.rows.map((r) => r.shares[9])).toEqual(['92.3%', '100.0%', '100.0%', '50.0%', '100.0%']);
    expect(trend.chart.bars.map((bar) => bar.counts)).toContainEqual([4, 0, 6, 4, 0]);
    // On paper, more than three years go as the span and a grade a year (－ where none was given).
    const lines = outcome.model.projects.flatMap((g) => g.lines);
    expect(lines.find((l) => l.id === '4-1-3-3')!.trail).toBe('2018–2026：A － A － A － A － A');
    expect(lines.find((l) => l.id === '4-1-1-1')!.trail).toBe('2018–2027：A B C D A B C D A B');
    expect(outcome.model.kpis.map((k) => k.status)).toEqual(['達成', 'やや遅れ', '遅れ', '未測定']);
  });

  it('speaks the city’s words for the KPI states (設定 指標の判定の区分), and refuses a list that is not five', () => {
    const { app, wb } = tenYearBook(2027);
    const settings = app.sheet(TAB.settings)!;
    const rows = settings.values();
    const row = rows.findIndex((r) => r[0] === '指標の判定の区分') + 1 || rows.length + 1;
    settings.getRange(row, 1, 1, 2).setValues([['指標の判定の区分', '◎、○、△、×、－']]);
    expect(buildSummary(wb, new Date(2028, 6, 1)).ok).toBe(true);
    const kpis = section(app, '7. 成果指標');
    expect(kpis.slice(0, 5).map((r) => r[7])).toEqual(['評価', '◎', '△', '×', '－']);
    expect(kpis[5][0]).toContain('経過の半分以上なら「△」');
    settings.getRange(row, 1, 1, 2).setValues([['指標の判定の区分', '順調、遅れ']]);
    const refused = buildSummary(wb, new Date(2028, 6, 1));
    expect(refused.ok).toBe(false);
    const check = app
      .sheet(TAB.check)!
      .values()
      .map((r) => r.join(' '));
    expect(check.find((l) => l.includes('指標の判定の区分'))).toContain('いまは2つです');
  });
});
