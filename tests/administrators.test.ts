/**
 * Several 管理者 and several departments as different users of one spreadsheet, on a fake that
 * enforces protections as Apps Script does: each 管理者 runs every action after the other, each
 * department edits only its own answer cells, and a tab forged by another editor is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../src/domain/core/tabs';
import { FakeApp, type FakeSheet } from './fake/spreadsheetApp';
import { buildBundle, loadBundle, seedTabs, tsv, typeAnswers } from './helpers';

const ADMIN = 'danjo@city.kiyose.example.lg.jp';
const COLLEAGUE = 'danjo2@city.kiyose.example.lg.jp';
const SHOKUIN = 'shokuin@city.kiyose.example.lg.jp';
const KIKAKU = 'kikaku@city.kiyose.example.lg.jp';
const OTHER = 'other-department@city.example.lg.jp';
const PROTECTED = /You are trying to edit a protected cell or object/;

let code = '';
beforeAll(() => {
  code = buildBundle();
});

/** The Kiyose example with two 管理者, shared with both, the departments' editors and one more editor. */
function sharedBook(admins = `${ADMIN}, ${COLLEAGUE}`) {
  const tabs = seedTabs();
  tabs[TAB.settings] = tabs[TAB.settings].map((r) => (r[0] === '管理者' ? [r[0], admins] : r));
  const app = new FakeApp(tabs);
  app.sharedWith = [
    app.owner,
    ADMIN,
    COLLEAGUE,
    OTHER,
    ...tsv('kiyose-departments.tsv')
      .slice(1)
      .map((r) => r[2]),
  ];
  const menu = loadBundle(code, app) as Record<string, () => void>;
  /** Runs a menu item as a user; returns what the alert said. */
  const run = (user: string, fn: string) => {
    app.user = user;
    menu[fn]();
    return app.alerts[app.alerts.length - 1];
  };
  return { app, run };
}

/** A person typing one cell: the fake refuses what Apps Script refuses. */
function typeAs(app: FakeApp, user: string, sheet: string, row: number, col: number, value: unknown) {
  app.user = user;
  app.sheet(sheet)!.getRange(row, col).setValue(value);
}

const editorsOf = (s: FakeSheet, type: 'SHEET' | 'RANGE') =>
  s.protections.filter((p) => p.type === type).map((p) => [...p.editors].sort());

describe('two 管理者', () => {
  it('each runs every action after the other, and every protection lists both', () => {
    const { app, run } = sharedBook();
    expect(run(ADMIN, 'setupSheets').title).not.toContain('途中');
    expect(run(ADMIN, 'createRequests').message).toContain('作成 4');
    // Nothing changed since the other 管理者 made them: no tab is read or written again.
    expect(run(COLLEAGUE, 'createRequests').message).toContain('更新 0、変更なし 4');
    typeAs(app, SHOKUIN, '調査_職員課', 9, 5, '研修を実施');
    typeAs(app, SHOKUIN, '調査_職員課', 9, 6, 'A');
    typeAs(app, KIKAKU, '調査_企画課', 8, 5, '調査を公表');
    typeAs(app, KIKAKU, '調査_企画課', 8, 6, 'B');
    for (const [user, fn] of [
      [COLLEAGUE, 'mergeResponses'],
      [ADMIN, 'buildSummary'],
      [COLLEAGUE, 'createRequests'],
      [ADMIN, 'mergeResponses'],
      [COLLEAGUE, 'buildSummary'],
    ]) {
      const alert = run(user, fn);
      expect(alert.title, `${user} ${fn}: ${alert.message}`).not.toContain('途中');
      expect(alert.message, `${user} ${fn}`).not.toMatch(/エラー [1-9]/);
    }
    expect(
      app
        .sheet(TAB.answers)!
        .values()
        .slice(1)
        .map((r) => r.slice(1, 5)),
    ).toEqual([
      ['4-1-2-3', '職員課', '研修を実施', 'A'],
      ['4-1-2-2', '企画課', '調査を公表', 'B'],
    ]);
    const admins = [app.owner, ADMIN, COLLEAGUE].sort();
    const tab = app.sheet('調査_職員課')!;
    expect(editorsOf(tab, 'SHEET')).toEqual([admins]);
    expect(editorsOf(tab, 'RANGE')).toEqual([[...admins, SHOKUIN].sort()]);
    for (const name of [TAB.plan, TAB.departments, TAB.settings, TAB.answers, TAB.requestIndex, TAB.summary]) {
      expect(editorsOf(app.sheet(name)!, 'SHEET'), name).toEqual([admins]);
    }
  });

  it('lets each department edit only its own answer cells', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    run(ADMIN, 'mergeResponses');
    typeAs(app, SHOKUIN, '調査_職員課', 9, 7, '拡充');
    expect(app.sheet('調査_職員課')!.values()[8][6]).toBe('拡充');
    expect(() => typeAs(app, SHOKUIN, '調査_職員課', 9, 2, '事業名を変えた')).toThrow(PROTECTED);
    expect(() => typeAs(app, SHOKUIN, '調査_職員課', 3, 2, '企画課')).toThrow(PROTECTED);
    expect(() => typeAs(app, SHOKUIN, '調査_企画課', 8, 6, 'D')).toThrow(PROTECTED);
    for (const tab of [TAB.departments, TAB.settings, TAB.answers, TAB.requestIndex])
      expect(() => typeAs(app, SHOKUIN, tab, 2, 3, 'x'), tab).toThrow(PROTECTED);
    // Nor may another editor of the spreadsheet add herself as a department's editor.
    expect(() => typeAs(app, OTHER, TAB.departments, 3, 3, OTHER)).toThrow(PROTECTED);
  });

  it('refuses someone who is not a 管理者, and writes nothing', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    const before = app.sheets.map((s) => [s.name, s.values()]);
    const alert = run(OTHER, 'mergeResponses');
    expect(alert.message).toContain(`${OTHER} は「設定」の「管理者」に入っていないため`);
    expect(app.sheets.map((s) => [s.name, s.values()])).toEqual(before);
  });
});

describe('a 管理者 added later', () => {
  it('is told who must run once (not to run again), and after that runs every action', () => {
    const NEW = 'danjo3@city.kiyose.example.lg.jp';
    const { app, run } = sharedBook();
    app.sharedWith.push(NEW);
    run(ADMIN, 'setupSheets');
    run(ADMIN, 'createRequests');
    const row =
      app
        .sheet(TAB.settings)!
        .values()
        .findIndex((r) => r[0] === '管理者') + 1;
    typeAs(app, ADMIN, TAB.settings, row, 2, `${ADMIN}, ${COLLEAGUE}, ${NEW}`);
    for (const fn of ['createRequests', 'mergeResponses']) {
      const refused = run(NEW, fn);
      expect(refused.message, fn).toContain(
        `前から「管理者」に入っている人かオーナー（${app.owner}）に、一度「所管課別調査シートを作成」を実行してもらってください`,
      );
      expect(refused.message, fn).not.toContain('もう一度');
    }
    run(COLLEAGUE, 'createRequests');
    for (const fn of ['setupSheets', 'validatePlan', 'createRequests', 'mergeResponses', 'buildSummary']) {
      const alert = run(NEW, fn);
      expect(alert.title, fn).not.toMatch(/実行できませんでした|途中で止まりました/);
    }
    typeAs(app, NEW, TAB.settings, row, 2, `${ADMIN}, ${NEW}`); // 設定 is NEW's to edit now
  });
});

describe('no 管理者 listed', () => {
  it('lets only the owner run: a department’s editor who runs first is refused and takes nothing over', () => {
    const { app, run } = sharedBook('');
    const before = app.sheets.map((s) => [s.name, s.values()]);
    for (const fn of ['setupSheets', 'validatePlan', 'createRequests', 'mergeResponses', 'buildSummary']) {
      const alert = run(SHOKUIN, fn);
      expect(alert.message, fn).toContain('「設定」の「管理者」が空のため、「');
      expect(alert.message, fn).toContain(
        `」はスプレッドシートのオーナー（${app.owner}）だけが実行できます。${SHOKUIN} では`,
      );
    }
    expect(app.sheets.map((s) => [s.name, s.values()])).toEqual(before);
    expect(app.sheets.flatMap((s) => s.protections)).toEqual([]);
    // The owner runs; the check says how to list 管理者; 設定 stays the owner's to edit.
    expect(run(app.owner, 'setupSheets').title).toBe('初期設定');
    const checked = run(app.owner, 'validatePlan');
    expect(checked.message).toContain('メニューの操作はスプレッドシートのオーナーだけが実行できます');
    expect(() => typeAs(app, SHOKUIN, TAB.settings, 2, 2, '乗っ取り')).toThrow(PROTECTED);
  });
});

describe('a request tab forged by another editor', () => {
  /** An editor who is no 管理者 adds a tab that copies 職員課's, with answers of her own, in front. */
  function forge(app: FakeApp) {
    app.user = OTHER;
    const ss = SpreadsheetAppOf(app);
    const forged = ss.insertSheet('調査_職員課（訂正）', 0) as FakeSheet;
    const values = app.sheet('調査_職員課')!.values();
    values[8][4] = '偽の回答';
    values[8][5] = 'D';
    forged
      .getRange(1, 1, values.length, values[0].length)
      .setValues(values.map((r) => r.map((v) => (v instanceof Date ? v : String(v)))));
    return forged;
  }

  it('is never merged, is named in the message, and the real tab’s answers are', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    typeAs(app, SHOKUIN, '調査_職員課', 9, 5, '研修を実施');
    typeAs(app, SHOKUIN, '調査_職員課', 9, 6, 'A');
    forge(app);
    const alert = run(ADMIN, 'mergeResponses');
    expect(alert.message).toContain('調査_職員課（訂正）');
    const check = app
      .sheet(TAB.check)!
      .values()
      .map((r) => r.map(String));
    expect(check).toContainEqual([
      'エラー',
      '調査_職員課（訂正）',
      '',
      expect.stringContaining('「調査シート一覧」に記録された「職員課」の調査シートではありません'),
    ]);
    const stored = app.sheet(TAB.answers)!.values().slice(1);
    expect(stored.map((r) => r.slice(1, 5))).toEqual([['4-1-2-3', '職員課', '研修を実施', 'A']]);
  });

  it('is never adopted by createRequests: the recorded tab is kept, the forged one left unprotected and named', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    const forged = forge(app);
    const alert = run(ADMIN, 'createRequests');
    expect(alert.message).toContain('作成 0、更新 0、変更なし 4');
    expect(alert.message).toContain('調査_職員課（訂正）');
    expect(forged.protections).toEqual([]);
    expect(app.sheet('調査_職員課')!.protections).toHaveLength(2);
  });

  it('squatted before the department’s first tab, is never adopted: a new tab is made beside it, its answers never merged', () => {
    // A realistic tab to copy, from another book.
    const model = sharedBook();
    model.run(ADMIN, 'createRequests');
    const values = model.app.sheet('調査_職員課')!.values();
    values[8][4] = '偽の回答';
    values[8][5] = 'D';
    // The owner is a 管理者 too: the owner passes every protection, so editors are no evidence.
    const { app, run } = sharedBook(`${model.app.owner}, ${ADMIN}`);
    app.user = OTHER;
    const squatted = SpreadsheetAppOf(app).insertSheet('調査_職員課') as FakeSheet;
    squatted
      .getRange(1, 1, values.length, values[0].length)
      .setValues(values.map((r) => r.map((v) => (v instanceof Date ? v : String(v)))));
    // Protected as the tool protects: only the 管理者 (and the forger, whom Apps Script keeps).
    const p = squatted.protect();
    p.removeEditors(p.getEditors().filter((u) => ![app.owner, ADMIN, OTHER].includes(u.getEmail())));
    for (const user of [app.owner, ADMIN]) {
      const created = run(user, 'createRequests');
      expect(created.message, user).toContain(
        '使わなかったシート（「調査シート一覧」に記録された調査シートではないもの）：調査_職員課',
      );
      expect(app.sheet('調査_職員課_2'), user).toBeDefined();
      expect(app.sheet('調査_職員課')!.values()[8][4]).toBe('偽の回答'); // never deleted, never written
      const merged = run(user, 'mergeResponses');
      expect(merged.message).toContain('調査_職員課');
      const stored = app.sheet(TAB.answers)?.values().slice(1) ?? [];
      expect(stored.some((r) => r.includes('偽の回答'))).toBe(false);
    }
    const index = app.sheet(TAB.requestIndex)!.values();
    expect(index.find((r) => r[0] === '職員課')![1]).toBe('調査_職員課_2');
  });

  it('a tab squatting the temporary template’s name stops nothing and is never deleted', () => {
    const { app, run } = sharedBook();
    app.user = OTHER;
    const squatted = SpreadsheetAppOf(app).insertSheet('（作業用）調査シートのひな形') as FakeSheet;
    squatted.getRange(1, 1).setValue('大事なメモ');
    squatted.protect();
    const created = run(ADMIN, 'createRequests');
    expect(created.message).toContain('作成 4');
    expect(app.sheet('（作業用）調査シートのひな形')!.values()).toEqual([['大事なメモ']]);
    expect(app.sheets.filter((s) => s.name.startsWith('（作業用）'))).toHaveLength(1);
  });

  it('sets every protection’s editors again: an outsider a department added, a run cut off before narrowing one', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    const areaOf = (sheet: string) => app.sheet(sheet)!.protections.find((p) => p.type === 'RANGE')!;
    // 職員課 lets another department into its answer area.
    app.user = SHOKUIN;
    areaOf('調査_職員課').addEditor(OTHER);
    // A run cut off right after protecting 企画課's area: the new protection lets everyone edit.
    app.user = ADMIN;
    const area = areaOf('調査_企画課');
    const range = area.getRange();
    area.remove();
    range.protect();
    expect(areaOf('調査_企画課').editors).toContain(OTHER);
    run(COLLEAGUE, 'createRequests');
    const admins = [app.owner, ADMIN, COLLEAGUE];
    expect(editorsOf(app.sheet('調査_職員課')!, 'RANGE')).toEqual([[...admins, SHOKUIN].sort()]);
    expect(editorsOf(app.sheet('調査_企画課')!, 'RANGE')).toEqual([[...admins, KIKAKU].sort()]);
    expect(() => typeAs(app, OTHER, '調査_職員課', 9, 5, '外から')).toThrow(PROTECTED);
    // Every other tab was as the tool left it: nothing written there.
    app.resetCounts();
    run(ADMIN, 'createRequests');
    expect(app.alerts[app.alerts.length - 1].message).toContain('変更なし 4');
  });

  it('re-protects a recorded tab whose protections were removed by hand', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    app.user = COLLEAGUE;
    for (const p of [...app.sheet('調査_企画課')!.protections]) p.remove();
    run(COLLEAGUE, 'createRequests');
    const admins = [app.owner, ADMIN, COLLEAGUE].sort();
    expect(editorsOf(app.sheet('調査_企画課')!, 'SHEET')).toEqual([admins]);
    expect(editorsOf(app.sheet('調査_企画課')!, 'RANGE')).toEqual([[...admins, KIKAKU].sort()]);
  });
});

describe('protections someone else set', () => {
  /** `user` protects these cells of a tab for themselves only (the owner always stays). */
  function protectOnlyMe(app: FakeApp, user: string, sheet: string, area?: [number, number, number, number]) {
    app.user = user;
    const s = app.sheet(sheet)!;
    const p = area ? s.getRange(...area).protect() : s.protect();
    p.removeEditors(p.getEditors());
    p.setDomainEdit(false); // 「自分のみ」: nobody else in the city either
    return p;
  }

  it('a department’s “only me” inside its own answer area: its tab is left as it is and named, every other tab done', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'createRequests');
    typeAs(app, SHOKUIN, '調査_職員課', 8, 5, '研修を2回実施');
    protectOnlyMe(app, SHOKUIN, '調査_職員課', [8, 5, 2, 1]);
    const before = app.sheet('調査_職員課')!.values();
    const alert = run(COLLEAGUE, 'createRequests');
    expect(alert.title).not.toMatch(/途中で止まりました|実行できませんでした/);
    expect(alert.message).toContain('作れなかった課：職員課');
    expect(app.sheet('調査_職員課')!.values()).toEqual(before);
    const finding = app
      .sheet(TAB.check)!
      .values()
      .find((r) => r[1] === '調査_職員課');
    expect(finding?.[3]).toContain('E8:E9');
    expect(finding?.[3]).toContain('保護を外して');
    // The answers are still merged; the owner, who passes every protection, sets the tab right.
    expect(run(ADMIN, 'mergeResponses').message).toContain('職員課：回答中');
    expect(run(app.owner, 'createRequests').title).not.toMatch(/途中で止まりました|実行できませんでした/);
    expect(app.sheet('調査_職員課')!.values()[7][4]).toBe('研修を2回実施');
    expect(run(COLLEAGUE, 'createRequests').message).not.toContain('作れなかった課');
  });

  it('a 評価サマリー squatted and protected by another editor: every action still runs, the 管理者 is told whose it is', () => {
    const { app, run } = sharedBook();
    run(ADMIN, 'setupSheets');
    app.user = OTHER;
    const fake = SpreadsheetAppOf(app).insertSheet(TAB.summary) as FakeSheet;
    fake.getRange(1, 1).setValue('全事業 A（目標を達成）');
    protectOnlyMe(app, OTHER, TAB.summary);
    expect(run(ADMIN, 'validatePlan').title).toBe('プランの入力チェック');
    for (const fn of ['createRequests', 'mergeResponses']) {
      const alert = run(ADMIN, fn);
      expect(alert.title + alert.message, fn).not.toMatch(/途中で止まりました|実行できませんでした/);
      expect(alert.message, fn).toContain(`「${TAB.summary}」は、ツールではなくほかの人が保護したシートです`);
    }
    const refused = run(ADMIN, 'buildSummary');
    expect(refused.title).toMatch(/実行できませんでした/);
    expect(refused.message).toContain(`「${TAB.summary}」は、ツールではなくほかの人が保護したシートです`);
    expect(refused.message).toContain(`オーナー（${app.owner}）`);
    expect(refused.message).not.toContain('所管課別調査シートを作成」を実行してもらって');
    // The owner passes every protection: the summary is the tool's again, for the 管理者 only.
    expect(run(app.owner, 'buildSummary').title).not.toMatch(/実行できませんでした|途中で止まりました/);
    expect(app.sheet(TAB.summary)!.values()[0][0]).not.toContain('全事業 A');
    expect(editorsOf(app.sheet(TAB.summary)!, 'SHEET')).toEqual([[app.owner, ADMIN, COLLEAGUE].sort()]);
    expect(run(ADMIN, 'buildSummary').title).not.toMatch(/実行できませんでした|途中で止まりました/);
  });
});

describe('what real Apps Script refuses', () => {
  it('names two departments whose tab names differ only in case apart (調査_ABC課, 調査_abc課_2)', () => {
    const tabs = seedTabs();
    tabs[TAB.departments].push(
      ['ABC課', '', 'abc@city.kiyose.example.lg.jp', 'FALSE'],
      ['abc課', '', 'abc2@city.kiyose.example.lg.jp', 'FALSE'],
    );
    tabs[TAB.plan].push(['4', '2', '1', '5', '事業A', '', 'ABC課'], ['4', '2', '1', '6', '事業B', '', 'abc課']);
    const { app, run } = bookOf(tabs);
    const alert = run(ADMIN, 'createRequests');
    expect(alert.title).not.toContain('途中');
    expect(app.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['調査_ABC課', '調査_abc課_2']));
  });

  it('grows a new チェック結果 before formatting it (1,500 findings)', () => {
    const tabs = seedTabs();
    for (let i = 0; i < 1500; i++) tabs[TAB.plan].push(['4', '9', '9', String(i + 1), '', '', '職員課']);
    const { app, run } = bookOf(tabs);
    const alert = run(ADMIN, 'validatePlan');
    expect(alert.title).not.toContain('途中');
    expect(app.sheet(TAB.check)!.values().length).toBeGreaterThan(1500);
  });

  it('writes a date back as it read it: 最終取込 stays put run after run in another time zone', () => {
    const app = new FakeApp(seedTabs(), { timeZone: 'Pacific/Kiritimati' });
    const menu = loadBundle(code, app) as Record<string, () => void>;
    menu.createRequests();
    typeAnswers(app, '調査_職員課', { '4-1-2-2': { '実施状況・実績': '実施', 自己評価: 'A' } });
    menu.mergeResponses();
    const mergedAt = () => {
      const rows = app.sheet(TAB.requestIndex)!.values();
      return rows.find((r) => r[0] === '職員課')![rows[0].indexOf('最終取込')];
    };
    const first = mergedAt();
    expect(first).toBeInstanceOf(Date);
    menu.createRequests(); // rewrites 調査シート一覧, carrying 最終取込
    menu.createRequests();
    expect(mergedAt()).toEqual(first);
    // 回答's 取込日時 too: a merge with nothing new leaves it as it was.
    const importedAt = () => app.sheet(TAB.answers)!.values()[1].at(-1);
    const before = importedAt();
    menu.mergeResponses();
    expect(importedAt()).toEqual(before);
  });

  it('reads dates in the spreadsheet’s time zone, not the script’s', () => {
    const app = new FakeApp(seedTabs(), { timeZone: 'Pacific/Kiritimati' });
    const menu = loadBundle(code, app) as Record<string, () => void>;
    menu.createRequests();
    // 回答期限 2026/5/29 typed in a spreadsheet at UTC+14 is still the 29th in the request tab.
    expect(app.sheet('調査_職員課')!.values()[3][1]).toBe('2026年5月29日');
  });
});

function bookOf(tabs: Record<string, string[][]>) {
  const app = new FakeApp(tabs);
  const menu = loadBundle(code, app) as Record<string, () => void>;
  return {
    app,
    run: (user: string, fn: string) => {
      app.user = user;
      menu[fn]();
      return app.alerts[app.alerts.length - 1];
    },
  };
}

function SpreadsheetAppOf(app: FakeApp) {
  return (
    app.globals().SpreadsheetApp as { getActiveSpreadsheet: () => { insertSheet: (n: string, i?: number) => unknown } }
  ).getActiveSpreadsheet();
}
