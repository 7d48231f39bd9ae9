import { beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../src/domain/core/tabs';
import { MENU_ITEMS } from '../src/main';
import { TEMPLATE_PREFIX } from '../src/gas/workbook';
import { FakeApp } from './fake/spreadsheetApp';
import { buildBundle, loadBundle, seedTabs } from './helpers';

/** The global functions: onOpen and one per menu item (their names are written in src/main.ts only). */
const GLOBALS = ['onOpen', ...MENU_ITEMS.map(([, fn]) => fn), 'panelState', 'panelRun', 'panelSelect'];
let code = '';

beforeAll(() => {
  code = buildBundle();
});

const load = (app: FakeApp) => loadBundle(code, app);

describe('the built bundle', () => {
  it('is a plain script: no import or export, every menu function declared at top level', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    for (const fn of GLOBALS) expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
    const ctx = load(new FakeApp());
    for (const fn of GLOBALS) expect(typeof ctx[fn], fn).toBe('function');
  });

  it('stays small enough to parse on every menu click', () => {
    expect(code.length).toBeLessThan(400 * 1024);
  });

  it('adds the menu on open', () => {
    const app = new FakeApp();
    const ctx = load(app);
    (ctx.onOpen as () => void)();
    expect(app.menus).toEqual([
      {
        title: '男女平等推進プラン',
        items: [
          ['初期設定（シートを用意）', 'setupSheets'],
          ['プランの入力チェック', 'validatePlan'],
          ['所管課別調査シートを作成', 'createRequests'],
          ['回答を取り込む', 'mergeResponses'],
          ['評価サマリーを作成', 'buildSummary'],
          ['未回答の課への連絡', 'remindDepartments'],
          ['報告書（印刷・公開用）', 'showReport'],
          ['操作パネル', 'showPanel'],
        ],
      },
    ]);
  });

  it('runs setupSheets and validatePlan by name on the Kiyose example', () => {
    const app = new FakeApp(seedTabs());
    const ctx = load(app);
    (ctx.setupSheets as () => void)();
    expect(app.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([TAB.answers, TAB.check]));
    expect(app.alerts[0].message).toContain('回答');
    (ctx.validatePlan as () => void)();
    expect(app.alerts[1].message).toContain('エラーはありません');
    expect(app.sheet(TAB.check)!.values()[1]).toEqual(['', '', '', 'エラーはありません。']);
    expect(app.lockHeldBy).toBeUndefined();
  });

  it('runs createRequests by name and leaves no template tab, even when the run is cut off', () => {
    const app = new FakeApp(seedTabs());
    const ctx = load(app);
    (ctx.createRequests as () => void)();
    expect(app.toasts[0]).toBe('「所管課別調査シートを作成」を実行しています…'); // the menu shows only a spinner
    expect(app.alerts[0].message).toContain('作成 4');
    expect(app.sheets.map((s) => s.name).filter((n) => n.startsWith('調査_'))).toHaveLength(4);
    expect(app.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX))).toEqual([]);

    const cut = new FakeApp(seedTabs());
    cut.failAfterWrites = 2; // part-way through the tabs
    (load(cut).createRequests as () => void)();
    expect(cut.alerts[0].title).toContain('途中で止まりました');
    expect(cut.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX))).toEqual([]);
    expect(cut.lockHeldBy).toBeUndefined();
  });

  it('opens the yearly report in a dialog by name, with its buttons, and writes nothing', () => {
    const app = new FakeApp(seedTabs());
    const ctx = load(app);
    (ctx.setupSheets as () => void)();
    const before = app.sheets.map((s) => [s.name, JSON.stringify(s.values())]);
    (ctx.showReport as () => void)();
    expect(app.alerts).toHaveLength(1); // setupSheets' own
    expect(app.dialogs).toHaveLength(1);
    const { html } = app.dialogs[0];
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="ja">/);
    expect(html).toContain('<h1>進捗状況報告書</h1>');
    expect(html).toContain('id="print-report"');
    expect(html).toContain('id="save-report"');
    expect(app.sheets.map((s) => [s.name, JSON.stringify(s.values())])).toEqual(before);
  });

  it('says what to fix instead of a report while the plan has errors', () => {
    const tabs = seedTabs();
    tabs[TAB.plan][1][0] = 'x';
    const app = new FakeApp(tabs);
    (load(app).showReport as () => void)();
    expect(app.dialogs).toHaveLength(0);
    expect(app.alerts[0].message).toContain('入力にエラーがあるため、報告書は作成していません');
    expect(app.alerts[0].message).toContain('プラン');
    expect(app.sheet(TAB.check)).toBeUndefined();
  });
});
