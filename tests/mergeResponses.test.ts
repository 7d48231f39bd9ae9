import { afterEach, describe, expect, it } from 'vitest';
import { withLock } from '../src/actions/shared/action';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import { GasLock } from '../src/gas/workbook';
import { checkRows, codesAt, fakeBook, seedTabs, typeAnswers } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

const CENTER = '調査_男女共同参画センター';
const T1 = new Date(2026, 5, 1, 10, 0);
const T2 = new Date(2026, 5, 2, 9, 30);
const T3 = new Date(2026, 5, 3, 9, 30);

/** Previous years' rows, with a column the city added (備考). */
const HISTORY = [
  [...HEADERS.answers, '備考'],
  ['2023', '4-1-2-3', '職員課', '研修1回', 'C', '見直し', '参加が少ない', '3', '9', '2024/6/1', '古い行'],
  ['2024', '4-1-2-3', '職員課', '研修2回', 'B', '継続', '', '10', '12', '2025/6/1', ''],
];

function setup() {
  const tabs = seedTabs();
  tabs[TAB.answers] = HISTORY.map((r) => [...r]);
  const b = fakeBook(tabs);
  uninstall = b.uninstall;
  createRequests(b.wb);
  return b;
}

function answerAll(app: ReturnType<typeof setup>['app']) {
  typeAnswers(app, '調査_職員課', {
    '4-1-2-2': { '実施状況・実績': '各種統計で男女別の集計を行った', 自己評価: 'ａ', 今後の方向性: '継続' },
    '4-1-2-3': {
      '実施状況・実績': '管理職向け研修を実施',
      自己評価: 'B（おおむね達成）',
      今後の方向性: '拡充',
      '参加者数（男性）': '１２',
      '参加者数（女性）': 15,
    },
  });
  typeAnswers(app, '調査_企画課', {
    '4-1-2-2': {
      '実施状況・実績': '=IMPORTRANGE("x","y")',
      自己評価: 'C',
      今後の方向性: '見直し',
      '課題・改善点': '+集計項目の統一',
    },
  });
  typeAnswers(app, CENTER, {
    '4-1-1-1': { '実施状況・実績': '市長会を通じて要望', 自己評価: 'A', 今後の方向性: '継続' },
    '4-2-1-3': { '実施状況・実績': '', 自己評価: '', 今後の方向性: '', '課題・改善点': '苦情処理委員会の周知が不足' },
  });
}

const answerRows = (app: ReturnType<typeof setup>['app']) => app.sheet(TAB.answers)!.values();

describe('mergeResponses', () => {
  it('merges the answered rows into exactly the expected 回答 rows, text kept as typed', () => {
    const { app, wb } = setup();
    answerAll(app);
    const result = mergeResponses(wb, T1);
    expect(result.ok).toBe(true);
    const rows = answerRows(app);
    expect(rows.slice(0, 3)).toEqual(
      HISTORY.map((r) =>
        r.map((v) => (/^\d+$/.test(v) ? Number(v) : /^\d{4}\/\d+\/\d+$/.test(v) ? expect.any(Date) : v)),
      ),
    );
    expect(rows.slice(3)).toEqual([
      [2025, '4-1-1-1', '男女共同参画センター', '市長会を通じて要望', 'A', '継続', '', '', '', T1, ''],
      [2025, '4-2-1-3', '男女共同参画センター', '', '', '', '苦情処理委員会の周知が不足', '', '', T1, ''],
      [2025, '4-1-2-2', '職員課', '各種統計で男女別の集計を行った', 'A', '継続', '', '', '', T1, ''],
      [2025, '4-1-2-3', '職員課', '管理職向け研修を実施', 'B', '拡充', '', 12, 15, T1, ''],
      [2025, '4-1-2-2', '企画課', '=IMPORTRANGE("x","y")', 'C', '見直し', '+集計項目の統一', '', '', T1, ''],
    ]);
    const formulaCell = app.sheet(TAB.answers)!.cellAt(8, 4)!;
    expect(formulaCell.formula).toBeUndefined();
    expect(formulaCell.value).toBe('=IMPORTRANGE("x","y")');
  });

  it('shows each department’s answer status and writes it to 調査シート一覧', () => {
    const { app, wb } = setup();
    answerAll(app);
    const result = mergeResponses(wb, T1);
    expect(result.message).toContain('・男女共同参画センター：回答中（1/10事業）');
    expect(result.message).toContain('・職員課：回答済（2/2事業）');
    expect(result.message).toContain('・子育て支援課：未回答（0/1事業）');
    expect(
      app
        .sheet(TAB.requestIndex)!
        .values()
        .slice(1)
        .map((r) => [r[0], r[4], r[5], r[6]]),
    ).toEqual([
      ['男女共同参画センター', 1, '回答中', T1],
      ['職員課', 2, '回答済', T1],
      ['企画課', 1, '回答済', T1],
      ['子育て支援課', 0, '未回答', T1],
    ]);
  });

  it('reads a protected tab over the area it recorded in two calls, and a tab whose protection was removed whole', () => {
    const { app, wb } = setup();
    answerAll(app);
    app.resetCounts();
    mergeResponses(wb, T1);
    const center = '調査_男女共同参画センター';
    expect(app.callCounts().bySheet[center]).toBe(2); // its values and formulas; no look for the used range
    expect(app.counts.getDataRange).toBeLessThan(12); // the input tabs only
    // Protection removed by hand: a row typed below the table is seen, and refused as a copy.
    for (const p of [...app.sheet(center)!.protections]) p.remove();
    const rows = app.sheet(center)!.values();
    const below = rows.length + 1;
    app.sheet(center)!.type(below, 1, String(rows[7][0]));
    app.sheet(center)!.type(below, 5, '下に貼り付けた回答');
    const result = mergeResponses(wb, T2);
    expect(result.ok).toBe(false);
    expect(checkRows(app).some((r) => r[1] === center && r[2] === `A${below}`)).toBe(true);
  });

  it('changes nothing the second time, and moves 取込日時 only for rows whose content changed', () => {
    const { app, wb } = setup();
    answerAll(app);
    mergeResponses(wb, T1);
    const first = answerRows(app);
    app.resetCounts();
    const again = mergeResponses(wb, T2);
    expect(again.message).toContain('新規 0行、更新 0行');
    expect(answerRows(app)).toEqual(first);
    expect(app.callCounts().bySheet[TAB.answers]).toBe(1);

    typeAnswers(app, '調査_職員課', { '4-1-2-2': { 自己評価: 'B' } });
    const third = mergeResponses(wb, T3);
    expect(third.message).toContain('新規 0行、更新 1行');
    // A correction in the sheet says what it changes.
    expect(third.message).toMatch(/前回から変わった回答：\n・職員課 4-1-2-2：自己評価 A → B$/m);
    const rows = answerRows(app);
    expect(rows[5]).toEqual([
      2025,
      '4-1-2-2',
      '職員課',
      '各種統計で男女別の集計を行った',
      'B',
      '継続',
      '',
      '',
      '',
      T3,
      '',
    ]);
    rows.forEach((r, i) => {
      if (i !== 5) expect(r).toEqual(first[i]);
    });
  });

  it('skips a department with a bad answer whole, merges the others, and says where', () => {
    const { app, wb } = setup();
    answerAll(app);
    typeAnswers(app, '調査_職員課', { '4-1-2-3': { 自己評価: 'E', '参加者数（男性）': '12.5' } });
    const result = mergeResponses(wb, T1);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('取り込まなかった課：職員課');
    const merged = answerRows(app)
      .slice(3)
      .map((r) => r[2]);
    expect(merged).not.toContain('職員課');
    expect(merged).toContain('企画課');
    const check = checkRows(app);
    expect(codesAt(result, '調査_職員課', 'F9')).toEqual(['merge.gradeOffScale']);
    expect(check.find((r) => r[1] === '調査_職員課' && r[2] === 'F9')?.[3]).toContain(
      '自己評価「E」は A（目標を達成）、B（おおむね達成）、C（一部未達成）、D（未実施）',
    );
    expect(codesAt(result, '調査_職員課', 'I9')).toEqual(['merge.notACount']);
  });

  it('reports edited, duplicated and foreign 事業番号, a grade without its reason, and a tab of another year', () => {
    const { app, wb } = setup();
    const s = app.sheet(CENTER)!;
    s.type(8, 1, '4-1-1-9');
    s.type(8, 5, '内容');
    s.type(9, 1, '4-1-3-1');
    s.type(10, 6, 'A');
    s.type(12, 1, '4-1-2-3');
    s.type(12, 5, 'ほかの課の事業に書いた回答');
    app.sheet('調査_企画課')!.type(2, 2, '令和6年度（2024年度）');
    const result = mergeResponses(wb, T1);
    const check = checkRows(app);
    const at = (sheet: string, cell: string) =>
      check.find((r) => r[0] === 'エラー' && r[1] === sheet && r[2] === cell)?.[3];
    expect(codesAt(result, CENTER, 'A8')).toEqual(['merge.idNotInPlan']);
    expect(at(CENTER, 'A8')).toContain('「4-1-1-9」');
    expect(codesAt(result, CENTER, 'A9')).toEqual(['merge.duplicateId']);
    expect(at(CENTER, 'A9')).toContain('4-1-3-1 の行が 9行目と 11行目');
    expect(codesAt(result, CENTER, 'E10')).toEqual(['merge.gradeWithoutRecord']);
    expect(codesAt(result, CENTER, 'A12')).toEqual(['merge.idOfAnotherDepartment']);
    expect(at(CENTER, 'A12')).toContain('「4-1-2-3」');
    expect(codesAt(result, '調査_企画課', 'B2')).toEqual(['request.yearOfAnotherTab']);
    expect(at('調査_企画課', 'B2')).toContain('令和6年度（2024年度）');
    expect(at('調査_企画課', 'B2')).toContain('令和7年度（2025年度）');
    expect(codesAt(result, CENTER, '')).toContain('merge.rowDeleted');
    expect(check.find((r) => r[0] === '注意' && r[1] === CENTER)?.[3]).toContain('4-1-1-1「国や都との連携」');
  });

  it('never turns an answer into a formula, whatever it starts with', () => {
    const { app, wb } = setup();
    typeAnswers(app, '調査_子育て支援課', {
      '4-1-2-2': { '実施状況・実績': "'-保育の統計を整備", '課題・改善点': "'@担当者へ", 自己評価: 'B' },
    });
    mergeResponses(wb, T1);
    const last = answerRows(app).at(-1)!;
    expect(last.slice(3, 7)).toEqual(['-保育の統計を整備', 'B', '', '@担当者へ']);
    for (let c = 1; c <= 11; c++)
      expect(app.sheet(TAB.answers)!.cellAt(answerRows(app).length, c)?.formula).toBeUndefined();
  });

  it('lets only one person merge at a time', () => {
    const { app, wb } = setup();
    answerAll(app);
    app.lockHeldBy = 'someone else';
    const before = answerRows(app);
    const result = withLock(new GasLock(), '回答を取り込む', () => mergeResponses(wb, T1));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('ほかの人が同じスプレッドシートで処理を実行中です');
    expect(answerRows(app)).toEqual(before);
  });
});

describe('mergeResponses and what departments write for "none"', () => {
  it('takes ― or － in a participant count as "not applicable", not an error', () => {
    const { app, wb } = setup();
    typeAnswers(app, '調査_企画課', {
      '4-1-2-2': { '実施状況・実績': '調査を公表', 自己評価: 'B', '参加者数（男性）': '－', '参加者数（女性）': '―' },
    });
    const result = mergeResponses(wb, T1);
    expect(result.ok).toBe(true);
    expect(answerRows(app).at(-1)!.slice(2, 9)).toEqual(['企画課', '調査を公表', 'B', '', '', '－', '―']);
  });
});

describe('mergeResponses and a tab left from a department without 事業', () => {
  it('notes it once and merges the others', () => {
    const { app, wb } = setup();
    typeAnswers(app, CENTER, { '4-1-1-1': { '実施状況・実績': '要望した', 自己評価: 'A' } });
    app.sheet(TAB.plan)!.type(4, 7, '男女共同参画センター');
    const result = mergeResponses(wb, T1);
    expect(result.ok).toBe(true);
    const notes = checkRows(app).filter((r) => r[1] === '調査_企画課');
    expect(notes).toEqual([
      ['注意', '調査_企画課', '', '「企画課」の事業は今のプランにないため、このシートは取り込んでいません。'],
    ]);
    expect(
      answerRows(app)
        .slice(3)
        .map((r) => r[2]),
    ).not.toContain('企画課');
  });
});

describe('mergeResponses after the plan changed', () => {
  it('asks to refresh the request tabs when an answered 事業 moved to another department', () => {
    const { app, wb } = setup();
    answerAll(app);
    app.sheet(TAB.plan)!.type(4, 7, '男女共同参画センター');
    const result = mergeResponses(wb, T1);
    const row = checkRows(app).find((r) => r[1] === '調査_職員課' && r[2] === 'A8');
    expect(codesAt(result, '調査_職員課', 'A8')).toEqual(['merge.idOfAnotherDepartment']);
    expect(row?.[3]).toContain('「4-1-2-2」');
    expect(row?.[3]).toContain('「所管課別調査シートを作成」で表を更新してから');
  });
});

describe('mergeResponses and a damaged 回答 tab', () => {
  it('refuses to merge when a column of 回答 is missing, and says which', () => {
    const tabs = seedTabs();
    tabs[TAB.answers] = [HEADERS.answers.filter((h) => h !== '課題・改善点')];
    const b = fakeBook(tabs);
    uninstall = b.uninstall;
    createRequests(b.wb);
    typeAnswers(b.app, '調査_企画課', {
      '4-1-2-2': { '実施状況・実績': '公表', 自己評価: 'B', '課題・改善点': '周知' },
    });
    const before = b.app.sheet(TAB.answers)!.values();
    const result = mergeResponses(b.wb, T1);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('「回答」シートの見出しに問題があるため、取り込んでいません');
    expect(
      checkRows(b.app)
        .find((r) => r[1] === TAB.answers)
        ?.slice(2),
    ).toEqual([
      '1行目',
      '見出し「課題・改善点」の列がありません。1行目の見出しに「課題・改善点」を加えてください（列の位置は自由です）。',
    ]);
    expect(b.app.sheet(TAB.answers)!.values()).toEqual(before);
  });
});
