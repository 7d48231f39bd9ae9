import { afterEach, describe, expect, it } from 'vitest';
import { setupSheets } from '../src/actions/setupSheets';
import { validatePlan } from '../src/actions/validatePlan';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import { fakeBook, seedTabs, snapshot } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

describe('setupSheets', () => {
  it('creates every tab of the design with its header row and notes on an empty spreadsheet', () => {
    const book = fakeBook({});
    uninstall = book.uninstall;
    book.app.user = book.app.owner; // a new spreadsheet, with no 管理者 yet: its owner sets it up
    const result = setupSheets(book.wb);
    expect(book.app.sheets.map((s) => s.name)).toEqual([
      TAB.plan,
      TAB.structure,
      TAB.indicators,
      TAB.indicatorResults,
      TAB.departments,
      TAB.settings,
      TAB.answers,
      TAB.committee,
      TAB.recommendations,
      TAB.replies,
      TAB.check,
      TAB.requestIndex,
    ]);
    expect(book.app.sheet(TAB.recommendations)!.values()).toEqual([[...HEADERS.recommendations]]);
    expect(book.app.sheet(TAB.replies)!.values()).toEqual([[...HEADERS.replies]]);
    expect(book.app.sheet(TAB.answers)!.values()).toEqual([[...HEADERS.answers]]);
    expect(
      book.app
        .sheet(TAB.settings)!
        .values()
        .map((r) => r[0]),
    ).toEqual([
      '項目',
      'プラン名',
      '対象年度',
      '回答期限',
      '自己評価の区分',
      '今後の方向性の区分',
      '評価対象外の区分',
      '管理者',
      '委員会評価の区分',
      '対応状況の区分',
      '指標の判定の区分',
    ]);
    expect(book.app.sheet(TAB.plan)!.cellAt(1, 7)!.note).toContain('関係各課');
    expect(book.app.sheet(TAB.plan)!.frozenRows).toBe(1);
    expect(result.message).toContain('シートを作成しました');
  });

  it('changes nothing in a tab that exists', () => {
    const book = fakeBook(seedTabs());
    uninstall = book.uninstall;
    const before = snapshot(book.app);
    setupSheets(book.wb);
    const after = snapshot(book.app);
    for (const [name, values] of Object.entries(before)) expect(after[name]).toEqual(values);
    expect(Object.keys(after).sort()).toEqual(
      [
        ...Object.keys(before),
        TAB.answers,
        TAB.committee,
        TAB.recommendations,
        TAB.replies,
        TAB.check,
        TAB.requestIndex,
      ].sort(),
    );
    const again = setupSheets(book.wb);
    expect(again.message).toContain('何も変更していません');
  });

  it('fills in a tab that exists but is empty, as a run cut off after creating it leaves it', () => {
    const book = fakeBook({ ...seedTabs(), [TAB.answers]: [] });
    uninstall = book.uninstall;
    expect(book.app.sheet(TAB.answers)!.values()).toEqual([]);
    const result = setupSheets(book.wb);
    expect(book.app.sheet(TAB.answers)!.values()).toEqual([[...HEADERS.answers]]);
    expect(book.app.sheet(TAB.answers)!.frozenRows).toBe(1);
    expect(result.message).toContain(`シートを作成しました：${TAB.answers}、`);
  });
});

describe('a spreadsheet just set up', () => {
  it('says which tabs to fill in first', () => {
    const book = fakeBook({});
    uninstall = book.uninstall;
    book.app.user = book.app.owner; // a new spreadsheet, with no 管理者 yet: its owner sets it up
    setupSheets(book.wb);
    const result = validatePlan(book.wb);
    expect(result.message).toContain(
      '[注意] 「プラン」 A2: 「プラン」にまだ何も入力されていません。2行目から1行に1件ずつ入力してください。',
    );
    expect(result.message).toContain('「所管課」にまだ何も入力されていません');
    expect(result.message).toContain('「対象年度」が入力されていません');
  });
});
