import { afterEach, describe, expect, it } from 'vitest';
import { createRequests } from '../src/actions/createRequests';
import { NOT_IN_PLAN } from '../src/domain/requests/requestTab';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import type { FakeApp } from './fake/spreadsheetApp';
import { checkRows, codesAt, fakeBook, requestRows, seedTabs, snapshot, typeAnswers } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

function book(tabs = seedTabs()) {
  const b = fakeBook(tabs);
  uninstall = b.uninstall;
  return b;
}

const CENTER = '調査_男女共同参画センター';

/** A plan of many departments: aliases, several per cell, 関係各課, a long name. */
export function bigPlanTabs(projectsPerDepartment = 3, departmentCount = 12) {
  const tabs = seedTabs();
  const departments = [['所管課', '別名', '編集者', '関係各課']];
  for (let d = 1; d <= departmentCount; d++)
    departments.push([`第${d}課`, `旧${d}課`, `d${d}@city.example.lg.jp`, d % 4 === 0 ? 'TRUE' : 'FALSE']);
  departments.push([
    '子ども・子育て支援部子ども家庭支援センター相談調整担当係（母子保健連携）',
    '相談調整',
    'kodomo@city.example.lg.jp',
    'FALSE',
  ]);
  const plan: string[][] = [[...HEADERS.plan]];
  const structure: string[][] = [
    [...HEADERS.structure],
    ['目標', '1', '', '', '目標1'],
    ['課題', '1', '1', '', '課題1-1'],
    ['施策', '1', '1', '1', '施策1-1-1'],
  ];
  let n = 1;
  for (let d = 1; d <= departmentCount; d++) {
    for (let p = 0; p < projectsPerDepartment; p++, n++)
      plan.push(['1', '1', '1', String(n), `事業${n}`, `内容${n}`, p === 1 ? `旧${d}課` : `第${d}課`]);
  }
  plan.push(['1', '1', '1', String(n++), '全庁の事業', '各課で取り組む', '関係各課']);
  plan.push(['1', '1', '1', String(n++), '連携事業', '二つの課で', '第1課、第2課']);
  plan.push(['1', '1', '1', String(n++), '相談事業', '相談', '相談調整']);
  tabs[TAB.plan] = plan;
  tabs[TAB.structure] = structure;
  tabs[TAB.departments] = departments;
  return tabs;
}

describe('createRequests on the Kiyose example', () => {
  it('creates one tab per department with the right rows, heading and index', () => {
    const { app, wb } = book();
    const result = createRequests(wb);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('作成 4、更新 0');
    const names = app.sheets.map((s) => s.name).filter((n) => n.startsWith('調査_'));
    expect(names).toEqual([CENTER, '調査_職員課', '調査_企画課', '調査_子育て支援課']);
    const center = app.sheet(CENTER)!.values();
    expect(center[0][0]).toBe('清瀬市男女平等推進プラン 進捗状況調査');
    expect(center[1]).toEqual(expect.arrayContaining(['対象年度', '令和7年度（2025年度）']));
    expect(center[2].slice(0, 2)).toEqual(['所管課', '男女共同参画センター']);
    expect(center[3].slice(0, 2)).toEqual(['回答期限', '2026年5月29日']);
    expect(center[5][1]).toContain('A：目標を達成');
    // Said before anyone types: the merge refuses a C or D without its reason.
    expect(center[4][1]).toContain('自己評価が C・D のときは「課題・改善点」も書いてください');
    expect(center[6]).toEqual([...HEADERS.request]);
    expect(requestRows(app, CENTER).map((r) => r['事業番号'])).toEqual([
      '4-1-1-1',
      '4-1-2-1',
      '4-1-2-2',
      '4-1-3-1',
      '4-1-3-2',
      '4-1-3-3',
      '4-2-1-1',
      '4-2-1-2',
      '4-2-1-3',
      '4-2-1-4',
    ]);
    expect(requestRows(app, '調査_職員課').map((r) => [r['事業番号'], r['事業名']])).toEqual([
      ['4-1-2-2', '男女別統計による住民ニーズの把握'],
      ['4-1-2-3', '男女共同参画研修の充実'],
    ]);
    const index = app.sheet('調査シート一覧')!.values();
    expect(index[1][7]).toMatch(/^10行・編集者1名・書式#[0-9a-f]{8}・保護#[0-9a-f]{8}・内容#[0-9a-f]{8}$/);
    expect(index.map((r) => r.slice(0, 7))).toEqual([
      HEADERS.requestIndex.slice(0, 7),
      ['男女共同参画センター', CENTER, 2025, 10, 0, '未回答', ''],
      ['職員課', '調査_職員課', 2025, 2, 0, '未回答', ''],
      ['企画課', '調査_企画課', 2025, 1, 0, '未回答', ''],
      ['子育て支援課', '調査_子育て支援課', 2025, 1, 0, '未回答', ''],
    ]);
  });

  it('guides input with dropdowns and whole-number checks, and locks what the tool fills', () => {
    const { app, wb } = book();
    createRequests(wb);
    const s = app.sheet('調査_職員課')!;
    expect(s.cellAt(8, 6)!.validation).toMatchObject({
      kind: 'list',
      values: ['A', 'B', 'C', 'D'],
      allowInvalid: false,
    });
    expect(s.cellAt(9, 7)!.validation).toMatchObject({
      kind: 'list',
      values: ['拡充', '継続', '見直し', '完了', '廃止'],
    });
    expect(s.cellAt(8, 9)!.validation?.formula).toBe(
      '=OR(ISBLANK(INDIRECT("RC",FALSE)),AND(ISNUMBER(INDIRECT("RC",FALSE)),INDIRECT("RC",FALSE)=INT(INDIRECT("RC",FALSE)),INDIRECT("RC",FALSE)>=0))',
    );
    expect(s.cellAt(9, 10)!.validation?.kind).toBe('formula');
    expect(s.cellAt(8, 5)!.validation).toBeUndefined();
    expect(s.frozenRows).toBe(7);
    expect(s.cellAt(8, 5)!.background).toBe('#fff8e1');
    expect(s.cellAt(7, 1)!.bold).toBe(true);
    // The tab: owner and runner only, but for the answer area, which the department's editor may edit too.
    const sheetProtection = s.protections.find((p) => p.type === 'SHEET')!;
    expect(sheetProtection.warningOnly).toBe(false);
    expect(sheetProtection.editors.sort()).toEqual([app.owner, app.user].sort());
    expect(sheetProtection.domainEdit).toBe(false);
    const answers = { row: 8, col: 5, numRows: 2, numCols: 6 };
    expect(sheetProtection.unprotected).toEqual([answers]);
    const answerProtection = s.protections.filter((p) => p.type === 'RANGE');
    expect(answerProtection.map((p) => p.range)).toEqual([answers]);
    expect(answerProtection[0].editors.sort()).toEqual(
      [app.owner, app.user, 'shokuin@city.kiyose.example.lg.jp'].sort(),
    );
    expect(answerProtection[0].domainEdit).toBe(false);
  });

  it('protects with a warning only, and says so, where a department lists no editor', () => {
    const tabs = seedTabs();
    tabs[TAB.departments][3][2] = '';
    const { app, wb } = book(tabs);
    const result = createRequests(wb);
    expect(app.sheet('調査_企画課')!.protections.find((p) => p.type === 'SHEET')!.warningOnly).toBe(true);
    expect(codesAt(result, '調査_企画課')).toEqual(['request.noEditors']);
    expect(checkRows(app).find((r) => r[0] === '注意' && r[1] === '調査_企画課')?.[3]).toContain('警告のみの保護');
  });

  it('fills 前年度の自己評価 from last year’s answers', () => {
    const tabs = seedTabs();
    tabs[TAB.answers] = [
      [...HEADERS.answers],
      ['2024', '4-1-2-3', '職員課', '研修を2回実施', 'ｂ', '継続', '', '10', '12', ''],
      ['2023', '4-1-2-2', '職員課', '', 'D', '', '', '', '', ''],
    ];
    const { app, wb } = book(tabs);
    createRequests(wb);
    expect(requestRows(app, '調査_職員課').map((r) => r['前年度の自己評価'])).toEqual(['', 'B']);
  });

  it('keeps typed answers by 事業番号 when plan rows are inserted, removed and reordered', () => {
    const tabs = seedTabs();
    const { app, wb } = book(tabs);
    createRequests(wb);
    typeAnswers(app, CENTER, {
      '4-1-1-1': { '実施状況・実績': '市長会で要望した', 自己評価: 'A', 今後の方向性: '継続' },
      '4-1-3-2': { '実施状況・実績': '=IMPORTRANGE("x","y")', '課題・改善点': '委員の公募', '参加者数（女性）': 7 },
      '4-2-1-4': { '実施状況・実績': '連携協定を結んだ', 自己評価: 'B' },
    });
    const plan = app.sheet(TAB.plan)!;
    // Reorder: reverse the plan rows; remove 4-2-1-4; insert a new 事業 at the top.
    const rows = plan.values();
    const body = rows
      .slice(1)
      .reverse()
      .filter((r) => r[3] !== 4 || r[1] !== 2 || r[2] !== 1);
    const next = [rows[0], [4, 1, 1, 2, '新しい事業', '説明', '男女共同参画センター'], ...body];
    plan.clearAll();
    next.forEach((line, r) => line.forEach((v, c) => plan.type(r + 1, c + 1, v)));

    const result = createRequests(wb);
    // The two departments whose 事業 changed are refreshed; the two of one 事業 each stay as they are.
    expect(result.message).toContain('作成 0、更新 2、変更なし 2');
    const after = requestRows(app, CENTER);
    expect(after.map((r) => r['事業番号'])).toEqual([
      '4-1-1-2',
      '4-2-1-3',
      '4-2-1-2',
      '4-2-1-1',
      '4-1-3-3',
      '4-1-3-2',
      '4-1-3-1',
      '4-1-2-2',
      '4-1-2-1',
      '4-1-1-1',
      '4-2-1-4',
    ]);
    const byId = Object.fromEntries(after.map((r) => [r['事業番号'], r]));
    expect(byId['4-1-1-1']).toMatchObject({
      '実施状況・実績': '市長会で要望した',
      自己評価: 'A',
      今後の方向性: '継続',
    });
    expect(byId['4-1-3-2']).toMatchObject({
      '実施状況・実績': '=IMPORTRANGE("x","y")',
      '課題・改善点': '委員の公募',
      '参加者数（女性）': 7,
    });
    expect(app.sheet(CENTER)!.cellAt(13, 5)!.formula).toBeUndefined();
    expect(byId['4-2-1-4']).toMatchObject({
      事業内容: NOT_IN_PLAN,
      '実施状況・実績': '連携協定を結んだ',
      自己評価: 'B',
    });
    expect(byId['4-1-1-2']['実施状況・実績']).toBe('');
    expect(result.message).toContain('入力済みの回答 3行はそのまま残しました（うち 1行はプランにない事業');
  });

  it('keeps columns a department added, and answers in rows it duplicated', () => {
    const { app, wb } = book();
    createRequests(wb);
    const s = app.sheet('調査_職員課')!;
    s.type(7, 11, '担当者');
    s.type(8, 11, '山田');
    s.type(10, 1, '4-1-2-3');
    s.type(10, 5, '二つ目の回答');
    createRequests(wb);
    const rows = requestRows(app, '調査_職員課');
    expect(rows.map((r) => [r['事業番号'], r['担当者'], r['実施状況・実績']])).toEqual([
      ['4-1-2-2', '山田', ''],
      ['4-1-2-3', '', ''],
      ['4-1-2-3', '', '二つ目の回答'],
    ]);
  });

  it('writes no request tab while the plan has an error, and says where', () => {
    const tabs = seedTabs();
    tabs[TAB.plan][3][6] = '職員科';
    const { app, wb } = book(tabs);
    const before = snapshot(app, [TAB.check]);
    const result = createRequests(wb);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('調査シートは作成していません');
    expect(result.message).toContain('「プラン」 G4');
    expect(snapshot(app, [TAB.check])).toEqual(before);
    expect(checkRows(app)[1].slice(0, 3)).toEqual(['エラー', 'プラン', 'G4']);
  });

  it('leaves alone, and reports, the tab of a department that no longer has any 事業', () => {
    const { app, wb } = book();
    createRequests(wb);
    typeAnswers(app, '調査_企画課', { '4-1-2-2': { '実施状況・実績': '統計を見直した' } });
    const plan = app.sheet(TAB.plan)!;
    plan.type(4, 7, '職員課');
    const before = app.sheet('調査_企画課')!.values();
    const result = createRequests(wb);
    expect(app.sheet('調査_企画課')!.values()).toEqual(before);
    expect(result.message).toContain('そのままにしたシート：調査_企画課');
    expect(codesAt(result, '調査_企画課')).toEqual(['request.leftAlone']);
    expect(checkRows(app).find((r) => r[1] === '調査_企画課')).toBeDefined();
  });

  it('refuses to start a new year over answers not yet merged', () => {
    const { app, wb } = book();
    createRequests(wb);
    typeAnswers(app, '調査_職員課', { '4-1-2-3': { '実施状況・実績': '研修を実施', 自己評価: 'A' } });
    app.sheet(TAB.settings)!.type(3, 2, '令和8年度');
    const before = app.sheet('調査_職員課')!.values();
    const result = createRequests(wb);
    expect(app.sheet('調査_職員課')!.values()).toEqual(before);
    expect(result.message).toContain('作れなかった課：職員課');
    expect(codesAt(result, '調査_職員課')).toEqual(['request.unmergedAnswers']);
    expect(checkRows(app).find((r) => r[1] === '調査_職員課')?.[3]).toContain('1行');
    expect(app.sheet('調査_企画課')!.values()[1][1]).toBe('令和8年度（2026年度）');
  });
});

describe('createRequests on a plan with many departments', () => {
  it('puts each 事業 in the tab of every department its 所管 names, aliases resolved', () => {
    const { app, wb } = book(bigPlanTabs());
    const result = createRequests(wb);
    expect(result.ok).toBe(true);
    const ids = (sheet: string) => requestRows(app, sheet).map((r) => r['事業番号']);
    expect(ids('調査_第1課')).toEqual(['1-1-1-1', '1-1-1-2', '1-1-1-3', '1-1-1-38']);
    expect(ids('調査_第2課')).toEqual(['1-1-1-4', '1-1-1-5', '1-1-1-6', '1-1-1-38']);
    expect(ids('調査_第4課')).toEqual(['1-1-1-10', '1-1-1-11', '1-1-1-12', '1-1-1-37']);
    expect(ids('調査_第8課')).toContain('1-1-1-37');
    expect(ids('調査_第3課')).not.toContain('1-1-1-37');
  });

  it('gives a department whose name cannot be a tab name a clear, stable name, shown in the index', () => {
    const { app, wb } = book(bigPlanTabs());
    const first = createRequests(wb);
    const long = '子ども・子育て支援部子ども家庭支援センター相談調整担当係（母子保健連携）';
    const entry = app
      .sheet('調査シート一覧')!
      .values()
      .find((r) => r[0] === long)!;
    const name = String(entry[1]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.startsWith('調査_子ども・子育て支援部')).toBe(true);
    expect(first.message).toContain(`${long} → ${name}`);
    createRequests(wb);
    expect(app.sheets.filter((s) => s.name.startsWith('調査_子ども')).map((s) => s.name)).toEqual([name]);
  });

  it('reads and writes each request tab in a fixed number of calls, whatever its rows', () => {
    // A new 回答期限: every tab is read and written again.
    const small = book(bigPlanTabs(2));
    createRequests(small.wb);
    setItem(small.app, '回答期限', '2026/6/30');
    small.app.resetCounts();
    createRequests(small.wb);
    const perTabSmall = small.app.callCounts().bySheet['調査_第1課'];
    expect(perTabSmall).toBeGreaterThan(0);
    uninstall();
    const large = book(bigPlanTabs(60));
    createRequests(large.wb);
    setItem(large.app, '回答期限', '2026/6/30');
    large.app.resetCounts();
    createRequests(large.wb);
    const perTabLarge = large.app.callCounts().bySheet['調査_第1課'];
    expect(perTabLarge).toBe(perTabSmall);
    expect(large.app.counts.getValues).toBe(small.app.counts.getValues);
    expect(large.app.counts.setValues).toBe(small.app.counts.setValues);
  });
});

/** Sets an item of 設定 as a person would type it. */
function setItem(app: FakeApp, item: string, value: string) {
  const settings = app.sheet(TAB.settings)!;
  settings.type(settings.values().findIndex((r) => r[0] === item) + 1, 2, value);
}

describe('createRequests when time runs short', () => {
  it('makes progress on every run of a slow day, and a rerun with nothing changed reads and writes no tab', () => {
    // 40 departments at 0.3 s a call on the fake's clock, with a budget of about 15 tabs a run.
    const { app, wb } = book(bigPlanTabs(3, 40));
    app.paceMs = 300;
    const runOnClock = () => {
      const started = app.clockMs;
      return createRequests(wb, { outOfTime: () => app.clockMs - started > 60_000 });
    };
    const made: number[] = [];
    for (let run = 0; run < 6; run++) {
      const result = runOnClock();
      made.push(Number(/作成 (\d+)/.exec(result.message)![1]));
      expect(/更新 (\d+)/.exec(result.message)![1], `run ${run + 1}: no tab made twice`).toBe('0');
      if (!result.message.includes('次の実行で処理')) break;
      expect(result.message).toMatch(/あと \d+ 課（およそ \d+ 回）/);
    }
    expect(made.every((n) => n >= 10)).toBe(true);
    expect(made.reduce((a, b) => a + b, 0)).toBe(41);
    expect(made.length).toBeLessThanOrEqual(4);
    expect(app.sheets.filter((s) => s.name.startsWith('調査_'))).toHaveLength(41);
    // Every tab written for this year from the same inputs: not one read or written again. With the
    // time left, each protection's editors are asked (one call each, two a tab; with no 管理者 listed,
    // the whole-tab one's domain setting too) and found as set.
    app.resetCounts();
    const again = runOnClock();
    expect(again.message).toContain('作成 0、更新 0、変更なし 41');
    expect(again.findings.map((f) => f.code)).not.toContain('request.editorsMended');
    const c = app.callCounts();
    const onTabs = Object.entries(c.bySheet).filter(([sheet]) => sheet.startsWith('調査_'));
    expect(onTabs.filter(([, n]) => n > 3)).toEqual([]);
    expect(c.byMethod.getEditors).toBe(2 * onTabs.length);
    expect(c.write).toBe(2); // 調査シート一覧 and チェック結果 only
  });

  it('takes a tab of last year before this year’s tabs to refresh, so that a cut-off rollover still moves on', () => {
    const { app, wb } = book(bigPlanTabs(2, 12));
    createRequests(wb);
    setItem(app, '対象年度', '2026');
    let tabsWritten = 0;
    const first = createRequests(wb, { outOfTime: () => tabsWritten++ >= 4 });
    expect(first.message).toContain('作成 0、更新 4');
    const years = app.sheets.filter((s) => s.name.startsWith('調査_')).map((s) => String(s.values()[1][1]));
    expect(years.filter((y) => y.includes('2026'))).toHaveLength(4);
    const second = createRequests(wb);
    expect(second.message).toContain('作成 0、更新 9、変更なし 4');
  });

  it('stops between two tabs, says so, and carries on from there on the next run', () => {
    const { app, wb } = book(bigPlanTabs(2, 12));
    let tabsWritten = 0;
    const first = createRequests(wb, { outOfTime: () => tabsWritten++ >= 5 });
    expect(first.message).toContain('次の実行で処理 8');
    expect(first.message).toContain('もう一度「所管課別調査シートを作成」を実行してください');
    expect(app.sheets.filter((s) => s.name.startsWith('調査_'))).toHaveLength(5);
    typeAnswers(app, '調査_第1課', { '1-1-1-1': { '実施状況・実績': '途中で入力された回答' } });
    const second = createRequests(wb);
    // The five made by the first run are this year's, from the same inputs: neither read nor written.
    expect(second.message).toContain('作成 8、更新 0、変更なし 5');
    expect(app.sheets.filter((s) => s.name.startsWith('調査_'))).toHaveLength(13);
    expect(requestRows(app, '調査_第1課')[0]['実施状況・実績']).toBe('途中で入力された回答');
  });

  it('sets protection and validation again only when they would change', () => {
    const { app, wb } = book();
    createRequests(wb);
    app.resetCounts();
    createRequests(wb);
    expect(app.counts.protect ?? 0).toBe(0);
    expect(app.counts.setDataValidations ?? 0).toBe(0);
    app.sheet(TAB.departments)!.type(3, 3, 'shokuin@city.kiyose.example.lg.jp, jinji@city.kiyose.example.lg.jp');
    app.resetCounts();
    createRequests(wb);
    expect(app.counts.protect).toBe(2);
    expect(app.counts.setDataValidations ?? 0).toBe(0);
    const answerProtection = app.sheet('調査_職員課')!.protections.find((p) => p.type === 'RANGE')!;
    expect(answerProtection.editors).toContain('jinji@city.kiyose.example.lg.jp');
  });

  it('moves the answer area under the same protections when a department’s rows change, and sets them anew where one was removed', () => {
    const { app, wb } = book();
    createRequests(wb);
    const tab = app.sheet('調査_職員課')!;
    const [sheetWide, answers] = tab.protections;
    [4, 2, 1, 9, '新しい事業', '', '職員課'].forEach((v, c) => app.sheet(TAB.plan)!.type(13, c + 1, v));
    app.resetCounts();
    createRequests(wb);
    const area = { row: 8, col: 5, numRows: 3, numCols: 6 };
    expect(tab.protections).toEqual([sheetWide, answers]);
    expect(sheetWide.unprotected).toEqual([area]);
    expect(answers.range).toEqual(area);
    expect(answers.editors.sort()).toEqual([app.owner, app.user, 'shokuin@city.kiyose.example.lg.jp'].sort());
    expect(app.counts.protect ?? 0).toBe(0);
    expect(tab.cellAt(10, 6)!.validation?.values).toEqual(['A', 'B', 'C', 'D']);
    expect(tab.cellAt(10, 5)!.background).toBe('#fff8e1');

    // Someone removed the answer area's protection by hand: both are set anew.
    answers.remove();
    [4, 2, 1, 10, 'もう一つの事業', '', '職員課'].forEach((v, c) => app.sheet(TAB.plan)!.type(14, c + 1, v));
    createRequests(wb);
    const [again, answersAgain] = tab.protections;
    expect(again.unprotected).toEqual([{ ...area, numRows: 4 }]);
    expect(answersAgain.range).toEqual({ ...area, numRows: 4 });
    expect(answersAgain.editors.sort()).toEqual([app.owner, app.user, 'shokuin@city.kiyose.example.lg.jp'].sort());
    expect(answersAgain.domainEdit).toBe(false);
  });

  it('sets the dropdowns again when the scale changes, leaving every protection as it was', () => {
    const { app, wb } = book();
    createRequests(wb);
    const protections = app.sheets.map((s) => [...s.protections]);
    const settings = app.sheet(TAB.settings)!;
    const row = settings.values().findIndex((r) => r[0] === '今後の方向性の区分') + 1;
    settings.type(row, 2, '拡充、継続、見直し、完了、廃止、統合');
    app.resetCounts();
    const result = createRequests(wb);
    expect(result.message).toContain('更新 4');
    expect(app.sheet('調査_職員課')!.cellAt(8, 7)!.validation?.values).toEqual([
      '拡充',
      '継続',
      '見直し',
      '完了',
      '廃止',
      '統合',
    ]);
    expect(app.counts.setDataValidations).toBe(4);
    expect(app.counts.protect ?? 0).toBe(0);
    expect(app.sheets.map((s) => s.protections)).toEqual(protections);
  });
});

describe('tab names', () => {
  it('replaces characters a tab cannot have, shortens long names, numbers clashes, and shows the mapping', () => {
    const tabs = seedTabs();
    tabs[TAB.departments].push(
      ['企画/調整課[臨時]', '', 'k@city.example.lg.jp', 'FALSE'],
      ['職員課?', '', 'q@city.example.lg.jp', 'FALSE'],
    );
    tabs[TAB.plan].push(
      ['4', '2', '1', '5', '臨時の事業', '', '企画/調整課[臨時]'],
      ['4', '2', '1', '6', '別の事業', '', '職員課?'],
    );
    const { app, wb } = book(tabs);
    app.addSheet('調査_職員課＿').type(1, 1, '自分用のメモ');
    const result = createRequests(wb);
    expect(result.message).toContain('作成 6、更新 0');
    expect(app.sheet('調査_職員課＿')!.values()).toEqual([['自分用のメモ']]);
    expect(result.message).toContain('企画/調整課[臨時] → 調査_企画＿調整課＿臨時＿');
    expect(result.message).toContain('職員課? → 調査_職員課＿_2');
    const index = app.sheet('調査シート一覧')!.values();
    expect(index.find((r) => r[0] === '企画/調整課[臨時]')?.[1]).toBe('調査_企画＿調整課＿臨時＿');
    expect(app.sheet('調査_職員課＿_2')!.values()[2][1]).toBe('職員課?');
  });
});
