/**
 * The second year and later: answers stored in their normalised form never block the next
 * year, a renamed department is one department, a hand-copied 回答 row counts once, and a
 * date Sheets made of a text answer is stored as the text typed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { buildSummary } from '../src/actions/buildSummary';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import { checkRows, codesAt, fakeBook, requestRows, seedTabs, typeAnswers } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

const SHOKUIN = '調査_職員課';
const T1 = new Date(2026, 5, 1, 10, 0);
const T2 = new Date(2026, 5, 8, 10, 0);

/** What 職員課 types in the report: a full-width grade, a lower-case one, a count with 人. */
const TYPED = {
  '4-1-2-2': { '実施状況・実績': '統計を男女別に集計', 自己評価: 'Ｂ', 今後の方向性: '継続' },
  '4-1-2-3': {
    '実施状況・実績': '研修を実施',
    自己評価: 'a',
    今後の方向性: '拡充',
    '参加者数（男性）': '５６人',
    '参加者数（女性）': '４２',
  },
};

function setYear(app: ReturnType<typeof fakeBook>['app'], year: string) {
  const s = app.sheet(TAB.settings)!;
  const row = s.values().findIndex((r) => r[0] === '対象年度');
  s.type(row + 1, 2, year);
}

describe('the second year in the sheet', () => {
  it('makes next year’s tabs once this year’s answers are merged, whatever form they were typed in', () => {
    const b = fakeBook(seedTabs());
    uninstall = b.uninstall;
    createRequests(b.wb);
    typeAnswers(b.app, SHOKUIN, TYPED);
    expect(mergeResponses(b.wb, T1).ok).toBe(true);
    expect(
      b.app
        .sheet(TAB.answers)!
        .values()
        .filter((r) => r[2] === '職員課')
        .map((r) => r.slice(4, 9)),
    ).toEqual([
      ['B', '継続', '', '', ''],
      ['A', '拡充', '', 56, 42],
    ]);
    // Merging again finds every answer already there.
    expect(mergeResponses(b.wb, T2).message).toContain('新規 0行、更新 0行');

    setYear(b.app, '令和8年度');
    const next = createRequests(b.wb);
    expect(next.ok, next.message).toBe(true);
    expect(next.message).toContain('更新 4');
    const rows = requestRows(b.app, SHOKUIN);
    expect(rows.map((r) => [r['事業番号'], r['前年度の自己評価'], r['自己評価']])).toEqual([
      ['4-1-2-2', 'B', ''],
      ['4-1-2-3', 'A', ''],
    ]);
  });

  it('still refuses to drop answers that were never merged, naming the tab and row', () => {
    const b = fakeBook(seedTabs());
    uninstall = b.uninstall;
    createRequests(b.wb);
    typeAnswers(b.app, SHOKUIN, TYPED);
    expect(mergeResponses(b.wb, T1).ok).toBe(true);
    typeAnswers(b.app, SHOKUIN, { '4-1-2-3': { 自己評価: 'C', '課題・改善点': '受講率が低い' } });
    setYear(b.app, '令和8年度');
    const before = b.app.sheet(SHOKUIN)!.values();
    const next = createRequests(b.wb);
    expect(next.ok).toBe(false);
    expect(codesAt(next, SHOKUIN, 'A9')).toEqual(['request.unmergedAnswers']);
    expect(checkRows(b.app)).toContainEqual(['エラー', SHOKUIN, 'A9', expect.stringContaining('1行')]);
    expect(b.app.sheet(SHOKUIN)!.values()).toEqual(before);
  });

  it('stores a text answer that Sheets turned into a date as the date typed', () => {
    const b = fakeBook(seedTabs());
    uninstall = b.uninstall;
    createRequests(b.wb);
    typeAnswers(b.app, SHOKUIN, { '4-1-2-3': { '実施状況・実績': '2025/4/1', 自己評価: 'B' } });
    expect(b.app.sheet(SHOKUIN)!.values()[8][4]).toBeInstanceOf(Date);
    expect(mergeResponses(b.wb, T1).ok).toBe(true);
    const row = b.app
      .sheet(TAB.answers)!
      .values()
      .find((r) => r[1] === '4-1-2-3')!;
    expect(row[3]).toBe('2025/4/1');
    expect(mergeResponses(b.wb, T2).message).toContain('新規 0行、更新 0行');
  });
});

describe('a department renamed, its old name kept as 別名', () => {
  function renamedAfterMerge() {
    const b = fakeBook(seedTabs());
    uninstall = b.uninstall;
    createRequests(b.wb);
    typeAnswers(b.app, SHOKUIN, TYPED);
    expect(mergeResponses(b.wb, T1).ok).toBe(true);
    // 職員課 becomes 人事課; the plan still says 職員課, which is now its 別名.
    const departments = b.app.sheet(TAB.departments)!;
    const row = departments.values().findIndex((r) => r[0] === '職員課');
    departments.type(row + 1, 1, '人事課');
    departments.type(row + 1, 2, '職員課');
    return b;
  }

  it('is one department: a merge updates its rows in place, never adds a second row', () => {
    const b = renamedAfterMerge();
    const before = b.app.sheet(TAB.answers)!.values().length;
    expect(mergeResponses(b.wb, T2).message).toContain('新規 0行、更新 0行');
    typeAnswers(b.app, SHOKUIN, { '4-1-2-3': { 自己評価: 'B' } });
    const merged = mergeResponses(b.wb, T2);
    expect(merged.message).toContain('新規 0行、更新 1行');
    const rows = b.app.sheet(TAB.answers)!.values();
    expect(rows).toHaveLength(before);
    expect(rows.find((r) => r[1] === '4-1-2-3')!.slice(2, 5)).toEqual(['人事課', '研修を実施', 'B']);
  });

  it('keeps its 前年度の自己評価 and counts its answers once in the summary', () => {
    const b = renamedAfterMerge();
    expect(buildSummary(b.wb, T2).message).toContain('回答 2件');
    setYear(b.app, '令和8年度');
    expect(createRequests(b.wb).ok).toBe(true);
    expect(requestRows(b.app, SHOKUIN).map((r) => r['前年度の自己評価'])).toEqual(['B', 'A']);
    expect(b.app.sheet(SHOKUIN)!.values()[2][1]).toBe('人事課');
  });
});

describe('a 回答 row copied by hand', () => {
  it('is reported at both rows and counted once', () => {
    const tabs = seedTabs();
    const line = ['2025', '4-1-2-3', '職員課', '研修を実施', 'A', '拡充', '', '', '', '2026/6/1'];
    tabs[TAB.answers] = [[...HEADERS.answers], line, [...line.slice(0, 2), '人事課', ...line.slice(3)]];
    const b = fakeBook(tabs);
    uninstall = b.uninstall;
    const summary = buildSummary(b.wb, T1);
    expect(summary.message).toContain('回答 1件');
    const message =
      '2行目と 3行目は、同じ回答（令和7年度（2025年度）・事業番号 4-1-2-3・職員課）です。2行目だけを数えています。';
    expect(summary.findings).toEqual([
      expect.objectContaining({
        severity: '注意',
        sheet: TAB.answers,
        row: 2,
        col: 2,
        code: 'input.duplicateAnswerRow',
        message: expect.stringContaining(message),
      }),
      expect.objectContaining({
        severity: '注意',
        sheet: TAB.answers,
        row: 3,
        col: 2,
        message: expect.stringContaining(message),
      }),
    ]);
    createRequests(b.wb);
    typeAnswers(b.app, SHOKUIN, { '4-1-2-3': { '実施状況・実績': '研修を実施', 自己評価: 'B' } });
    const merged = mergeResponses(b.wb, T2);
    expect(merged.message).toContain('新規 0行、更新 1行');
    expect(checkRows(b.app)).toContainEqual(['注意', TAB.answers, 'B3', expect.stringContaining(message)]);
    expect(b.app.sheet(TAB.answers)!.values()).toHaveLength(3);
  });
});

describe('the second year from the command line', () => {
  const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: () => {}, examplesDir });
    return { code, text: out.join('\n') };
  };

  it('imports, merges, imports the same file again, and makes next year’s requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'danjo-second-'));
    const book = join(dir, 'plan.xlsx');
    const file = join(dir, '職員課.xlsx');
    expect((await cli('demo', book)).code).toBe(0);
    expect((await cli('set', book, '対象年度', '令和8年度')).code).toBe(0);
    expect((await cli('requests', book)).code).toBe(0);
    const exported = await cli('export-request', book, '職員課', file);
    expect(exported.code).toBe(0);
    // Year 2: the tab also holds the 提言 table; the message counts 職員課's 2 事業 only.
    expect(exported.text).toContain('（事業 2件、確認コード');
    const wb = await XlsxWorkbook.open(file);
    const ws = wb.book.getWorksheet(SHOKUIN)!;
    ws.getCell('F8').value = 'Ｂ';
    ws.getCell('E8').value = '統計を男女別に集計';
    ws.getCell('F9').value = 'a';
    ws.getCell('E9').value = '研修を実施';
    ws.getCell('I9').value = '５６人';
    await wb.save(file);

    expect((await cli('import-request', book, file)).code).toBe(0);
    expect((await cli('merge', book)).code).toBe(0);
    // The tab now holds Ｂ, 回答 holds B: the same answer, so the same file is taken again.
    const again = await cli('import-request', book, file);
    expect(again.code, again.text).toBe(0);
    const stored = (await XlsxWorkbook.open(book)).read(TAB.answers)!.filter((r) => r[0] === 2026 && r[2] === '職員課');
    expect(stored.map((r) => r.slice(1, 9))).toEqual([
      ['4-1-2-2', '職員課', '統計を男女別に集計', 'B', '', '', '', ''],
      ['4-1-2-3', '職員課', '研修を実施', 'A', '', '', 56, ''],
    ]);

    expect((await cli('set', book, '対象年度', '令和9年度')).code).toBe(0);
    const next = await cli('requests', book);
    expect(next.code, next.text).toBe(0);
    const tab = (await XlsxWorkbook.open(book)).read(SHOKUIN)!;
    expect(tab.slice(7, 9).map((r) => [r[0], r[3], r[5]])).toEqual([
      ['4-1-2-2', 'B', ''],
      ['4-1-2-3', 'A', ''],
    ]);
  });
});
