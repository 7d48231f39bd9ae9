import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { buildSummary } from '../src/actions/buildSummary';
import { setupSheets } from '../src/actions/setupSheets';
import { TAB } from '../src/domain/core/tabs';
import { FakeApp } from './fake/spreadsheetApp';
import { GasWorkbook } from '../src/gas/workbook';
import { fakeBook, protectionsOf, requestRows, seedTabs, snapshot, typeAnswers } from './helpers';

const root = fileURLToPath(new URL('..', import.meta.url));
let code = '';
beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  code = readFileSync(`${root}build/Code.js`, 'utf8');
});
let uninstall = () => {};
afterEach(() => uninstall());

const MENU = ['setupSheets', 'validatePlan', 'createRequests', 'mergeResponses', 'buildSummary'];

function load(app: FakeApp): Record<string, () => void> {
  const context = vm.createContext({ ...app.globals(), console, Date });
  vm.runInContext(code, context);
  return context as never;
}

const ANSWERS = {
  調査_職員課: {
    '4-1-2-3': { '実施状況・実績': '研修を実施', 自己評価: 'A', 今後の方向性: '拡充', '参加者数（男性）': 10 },
  },
  調査_企画課: { '4-1-2-2': { '実施状況・実績': '調査を公表', 自己評価: 'B' } },
  調査_男女共同参画センター: {
    '4-1-1-1': { '実施状況・実績': '要望した', 自己評価: 'A' },
    '4-2-1-4': { '課題・改善点': '連携先を増やす' },
  },
};

/** The seed plan with request tabs and answers typed: the state before a merge. */
function answered() {
  const b = fakeBook(seedTabs());
  uninstall = b.uninstall;
  createRequests(b.wb);
  b.wb.close(); // as the menu ends every run: the run's template tab goes
  for (const [sheet, a] of Object.entries(ANSWERS)) typeAnswers(b.app, sheet, a);
  return b;
}

describe('two people at once', () => {
  it('every menu action that writes waits for the document lock, then refuses with a clear message and writes nothing', () => {
    const app = new FakeApp(seedTabs());
    const g = load(app);
    app.lockHeldBy = 'someone else';
    const before = snapshot(app);
    for (const fn of MENU) {
      app.resetCounts();
      g[fn]();
      expect(app.alerts.at(-1)!.message, fn).toContain('ほかの人が同じスプレッドシートで処理を実行中です');
      expect(app.callCounts().write, fn).toBe(0);
    }
    expect(app.lockWaits).toEqual(Array(MENU.length).fill(10_000));
    expect(snapshot(app)).toEqual(before);
  });

  it('a second action started during a merge is refused, and the merge completes unmixed', () => {
    const { app } = answered();
    const g = load(app);
    let during: string | undefined;
    app.onWrite = () => {
      const before = app.callCounts().write;
      g.createRequests();
      during = app.alerts.at(-1)!.message;
      expect(app.callCounts().write).toBe(before);
    };
    g.mergeResponses();
    expect(during).toContain('ほかの人が同じスプレッドシートで処理を実行中です');
    expect(app.alerts.at(-1)!.title).toBe('回答を取り込む');
    expect(
      app
        .sheet(TAB.answers)!
        .values()
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['4-1-1-1', '4-2-1-4', '4-1-2-3', '4-1-2-2']);
    expect(app.lockHeldBy).toBeUndefined();
  });
});

const allProtections = (app: FakeApp) => app.sheets.map((s) => [s.name, protectionsOf(s)]);

/** A 事業 added to the plan after the requests went out (4-2-1-9, 職員課). */
function addProject(app: FakeApp) {
  [4, 2, 1, 9, '新しい事業', '', '職員課'].forEach((v, c) => app.sheet(TAB.plan)!.type(13, c + 1, v));
}

describe('a run cut off half-way', () => {
  const NOW = new Date(2026, 5, 1, 12, 0);

  it('mergeResponses, cut off after any write, leaves a state the next run completes exactly', () => {
    const reference = answered();
    const before = reference.app.writesDone;
    mergeResponses(reference.wb, NOW);
    const expected = snapshot(reference.app);
    const writes = reference.app.writesDone - before;
    expect(writes).toBeGreaterThanOrEqual(4);
    reference.uninstall();
    for (let k = 1; k <= writes; k++) {
      const { app, wb } = answered();
      app.failAfterWrites = app.writesDone + k;
      expect(() => mergeResponses(wb, NOW)).toThrow('実行が中断されました');
      // The record of truth is written last: cut off before it, 回答 holds nothing half-merged.
      const rows = app.sheet(TAB.answers)?.values() ?? [];
      expect(rows.length === 0 || rows.length === 1 || rows.length === 5, `k=${k}`).toBe(true);
      mergeResponses(wb, NOW);
      expect(snapshot(app), `cut off after write ${k}`).toEqual(expected);
      uninstall();
    }
  });

  it('createRequests, cut off at any change (a value, a fill, a protection moved), loses no typed answer and the next run completes exactly', () => {
    const reference = answered();
    addProject(reference.app);
    reference.app.changes = 0;
    reference.app.failAfterChanges = Number.MAX_SAFE_INTEGER;
    createRequests(reference.wb);
    const expected = snapshot(reference.app);
    const expectedProtections = allProtections(reference.app);
    const changes = reference.app.changes;
    // 職員課's tab grows by a row (values, fills, its answer area moved), 調査シート一覧 and
    // チェック結果 are written; the other departments' tabs are not touched.
    expect(changes).toBeGreaterThanOrEqual(8);
    reference.uninstall();
    for (let k = 1; k <= changes; k++) {
      const { app, wb } = answered();
      addProject(app);
      app.changes = 0;
      app.failAfterChanges = k;
      expect(() => createRequests(wb)).toThrow('実行が中断されました');
      for (const [sheet, a] of Object.entries(ANSWERS)) {
        for (const [id, fields] of Object.entries(a)) {
          const row = requestRows(app, sheet).find((r) => r['事業番号'] === id)!;
          for (const [h, v] of Object.entries(fields)) expect(row[h], `${sheet} ${id} ${h} after write ${k}`).toBe(v);
        }
      }
      createRequests(wb);
      expect(snapshot(app), `cut off at change ${k}`).toEqual(expected);
      expect(allProtections(app), `cut off at change ${k}`).toEqual(expectedProtections);
      uninstall();
    }
  });

  it('createRequests on a new book, cut off at any change (a tab, a format, a protection), is completed exactly by the next run', () => {
    /** All a person or the next run can see: tabs in order, values, height, fills, dropdowns, protections. */
    // A sheet ID in 調査シート一覧 is compared as the tab it names (a cut-off run uses up IDs).
    const tabOfId = (app: FakeApp, values: unknown[][]) => {
      const at = values[0]?.indexOf('シートID') ?? -1;
      return at < 0
        ? values
        : values.map((r, i) =>
            i === 0
              ? r
              : r.map((v, c) => (c === at ? `→${app.sheets.find((x) => String(x.id) === String(v))?.name}` : v)),
          );
    };
    const state = (app: FakeApp) =>
      app.sheets.map((s) => ({
        name: s.name,
        values: tabOfId(app, s.values()),
        rows: s.name.startsWith('調査_') ? s.maxRows : undefined,
        formats: s.rows.flatMap((line, r) =>
          (line ?? [])
            .map((c, k) =>
              c && (c.background || c.validation)
                ? `${r + 1},${k + 1}:${c.background ?? ''}:${c.validation?.kind ?? ''}`
                : '',
            )
            .filter(Boolean),
        ),
        protections: protectionsOf(s),
      }));
    const reference = new FakeApp(seedTabs());
    load(reference).createRequests();
    const expected = state(reference);
    expect(expected.filter((t) => t.name.startsWith('（作業用）'))).toEqual([]);
    reference.changes = 0;
    reference.failAfterChanges = Number.MAX_SAFE_INTEGER;
    const again = new FakeApp(seedTabs());
    again.failAfterChanges = Number.MAX_SAFE_INTEGER;
    load(again).createRequests();
    const changes = again.changes;
    expect(changes).toBeGreaterThanOrEqual(40);
    for (let k = 1; k <= changes; k++) {
      const app = new FakeApp(seedTabs());
      app.failAfterChanges = k;
      const g = load(app);
      g.createRequests();
      // A refused removeEditors is retried once with the runner added first (their access may
      // come through a group): a fault there can be absorbed, and the run then ends whole.
      const stopped = app.alerts[0].title.includes('途中で止まりました');
      if (!stopped) expect(app.alerts[0].message, `k=${k}`).toContain('作成 4');
      g.createRequests();
      expect(app.alerts[1].title, `k=${k}`).not.toContain('途中で止まりました');
      expect(state(app), `cut off at change ${k}`).toEqual(expected);
    }
  });

  it('buildSummary, cut off at any change, is completed exactly by the next run: the 委員会評価 dropdown too', () => {
    // 委員会評価 as 初期設定 makes it (its header only): the summary appends a row per 課題.
    const ready = () => {
      const b = answered();
      mergeResponses(b.wb, NOW);
      setupSheets(b.wb);
      return b;
    };
    const committeeDropdowns = (app: FakeApp) =>
      (app.sheet(TAB.committee)?.rows ?? []).flatMap((line, r) =>
        (line ?? []).flatMap((c, k) => (c?.validation ? [`${r + 1},${k + 1}:${c.validation.values?.join('')}`] : [])),
      );
    const reference = ready();
    reference.app.changes = 0;
    reference.app.failAfterChanges = Number.MAX_SAFE_INTEGER;
    buildSummary(reference.wb, NOW);
    const expected = { tabs: snapshot(reference.app), dropdowns: committeeDropdowns(reference.app) };
    expect(expected.dropdowns.length).toBe(2); // a row for each 課題 of Goal 4
    const changes = reference.app.changes;
    uninstall();
    for (let k = 1; k <= changes; k++) {
      const { app, wb } = ready();
      app.changes = 0;
      app.failAfterChanges = k;
      // A refused removeEditors is retried once with the runner added (see createRequests above):
      // a fault there is absorbed, and that run ends whole.
      try {
        buildSummary(wb, NOW);
      } catch (e) {
        expect(String(e), `k=${k}`).toContain('実行が中断されました');
      }
      // The next run is a new run of the script: an adapter of its own over the spreadsheet.
      buildSummary(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()), NOW);
      expect({ tabs: snapshot(app), dropdowns: committeeDropdowns(app) }, `cut off at change ${k}`).toEqual(expected);
      uninstall();
    }
  });

  it('tells the user in Japanese that the run stopped, that nothing typed was lost, and releases the lock', () => {
    const { app } = answered();
    const g = load(app);
    app.failAfterWrites = app.writesDone + 1;
    g.mergeResponses();
    expect(app.alerts.at(-1)!.title).toBe('回答を取り込む：途中で止まりました');
    expect(app.alerts.at(-1)!.message).toContain(
      '入力された回答は消えていません。もう一度「回答を取り込む」を実行してください',
    );
    expect(app.lockHeldBy).toBeUndefined();
  });
});

describe('security', () => {
  it('asks only for this spreadsheet and for menus and dialogs', () => {
    const manifest = JSON.parse(readFileSync(`${root}appsscript.json`, 'utf8'));
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Tokyo');
    expect(JSON.parse(readFileSync(`${root}build/appsscript.json`, 'utf8'))).toEqual(manifest);
  });

  it('uses no service beyond the spreadsheet, and no HTML but its dialogs (plain output, no scriptlets)', () => {
    // The reminder, the report and the panel: plain HtmlOutput, never a template that evaluates scriptlets.
    expect(code.match(/HtmlService\.\w+/g)).toEqual(Array(3).fill('HtmlService.createHtmlOutput'));
    for (const service of [
      'createTemplate',
      'UrlFetchApp',
      'DriveApp',
      'GmailApp',
      'MailApp',
      'PropertiesService',
      'ScriptApp',
      'eval(',
      'new Function',
    ]) {
      expect(code, service).not.toContain(service);
    }
  });

  it('protects the summary for the owner and the runner only', () => {
    const { app } = answered();
    load(app).buildSummary();
    const p = app.sheet(TAB.summary)!.protections;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ type: 'SHEET', warningOnly: false, domainEdit: false });
    expect(p[0].editors.sort()).toEqual([app.owner, app.user].sort());
  });
});
