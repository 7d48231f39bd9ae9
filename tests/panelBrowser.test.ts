/**
 * The control panel (操作パネル) in Debian's chromium, over the built bundle and the strict fake:
 * a stand-in for google.script.run calls the bundle's global functions (their answers passed
 * through JSON, as Apps Script does). On a slow day (0.3 s a call on the fake's clock) one click
 * on 調査シート作成 makes every tab over several calls, the bar moving to done; a finding selects
 * its cell; axe-core finds no WCAG 2.1 AA violation. PANEL_SCREENSHOT=path saves the picture.
 * Skipped without chromium, except in CI.
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../src/cli/chromium';
import { TAB } from '../src/domain/core/tabs';
import { FakeApp } from './fake/spreadsheetApp';
import { generateTabs } from './fixtures/generate';
import { buildBundle, loadBundle } from './helpers';

const browserPath = findChromium();
if (process.env.REQUIRE_CHROMIUM && !browserPath) throw new Error('REQUIRE_CHROMIUM is set but no chromium was found');

/** google.script.run as the sidebar sees it: each call goes to window.__server and answers later. */
const STAND_IN = `
window.google = { script: { run: (function make(ok, fail) {
  return new Proxy({}, { get: function (_, name) {
    if (name === 'withSuccessHandler') return function (f) { return make(f, fail); };
    if (name === 'withFailureHandler') return function (f) { return make(ok, f); };
    return function () {
      window.__server(name, JSON.stringify(Array.from(arguments))).then(
        function (r) { if (ok) ok(JSON.parse(r)); },
        function (e) { if (fail) fail(e); });
    };
  } });
})() } };
`;

describe.skipIf(!browserPath)('the control panel in Chromium', () => {
  let browser: Browser;
  let code = '';
  beforeAll(async () => {
    code = buildBundle();
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  /** A book of 40 departments, set up; the bundle's clock is the fake's (0.3 s a call). */
  async function openPanel(tabs = generateTabs({ projects: 200, departments: 40, years: 1 })) {
    const app = new FakeApp(tabs);
    app.user = app.owner; // the generated plan lists no 管理者: the owner runs it
    const ctx = loadBundle(code, app);
    const started = Date.now();
    // The script's own Date (the context's intrinsic, not a property of it) reads the fake's clock.
    (vm.runInContext('Date', ctx as vm.Context) as DateConstructor).now = () => started + app.clockMs;
    (ctx.setupSheets as () => void)();
    (ctx.showPanel as () => void)();
    expect(app.sidebars).toHaveLength(1);
    const calls: Array<{ fn: string; reply: unknown }> = [];
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.exposeFunction('__server', (fn: string, args: string) => {
      const reply = (ctx[fn] as (...a: unknown[]) => unknown)(...(JSON.parse(args) as unknown[])) ?? null;
      calls.push({ fn, reply });
      return JSON.stringify(reply);
    });
    await page.setContent(app.sidebars[0].html);
    await page.evaluate(STAND_IN); // the page calls google.script.run only on a click
    return { app, page, calls };
  }

  const progressOf = (calls: Array<{ fn: string; reply: unknown }>) =>
    calls
      .filter((c) => c.fn === 'panelRun')
      .map((c) => (c.reply as { progress?: { done: number; total: number } }).progress!);

  it('makes every tab from one click on a slow day, the bar advancing call by call to done', async () => {
    const { app, page, calls } = await openPanel();
    app.paceMs = 300;
    await expect.poll(() => page.locator('li.next button').textContent()).toBe('入力チェック');
    await page.getByRole('button', { name: '調査シート作成' }).click();
    await page.locator('#result').waitFor({ state: 'visible', timeout: 120_000 });
    const progress = progressOf(calls);
    expect(progress.length).toBeGreaterThanOrEqual(3); // several calls, with no click between them
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    const { total } = progress[0];
    expect(total).toBeGreaterThanOrEqual(39); // the departments with 事業
    expect(progress.at(-1)).toMatchObject({ done: total, total });
    expect(app.sheets.filter((s) => s.name.startsWith('調査_'))).toHaveLength(total);
    expect(await page.evaluate(`[document.getElementById('bar').value, document.getElementById('bar').max]`)).toEqual([
      total,
      total,
    ]);
    expect(await page.locator('#progress-text').textContent()).toContain(`${total} / ${total} 課`);
    expect(await page.locator('#result').textContent()).toContain(`${progress.length} 回に分けて実行しました`);
    expect(await page.locator('#progress-heading').textContent()).toBe('完了');
    // The state is read again: every department has its tab, the next step is the merge.
    await expect.poll(() => page.locator('li.next button').textContent()).toBe('回答の取り込み');
    expect(await page.locator('#departments tr').count()).toBe(total);
    expect(await page.locator('#departments td.status-未作成').count()).toBe(0);
    expect(app.lockHeldBy).toBeUndefined();
    if (process.env.PANEL_SCREENSHOT) await page.screenshot({ path: process.env.PANEL_SCREENSHOT, fullPage: false });
    await page.close();
  }, 180_000);

  it('lists the check’s findings, and a click selects the cell', async () => {
    const tabs = generateTabs({ projects: 20, departments: 4, years: 1 });
    tabs[TAB.plan][3][0] = 'x'; // 目標 of the third 事業: not a number
    const { app, page, calls } = await openPanel(tabs);
    await page.getByRole('button', { name: '入力チェック' }).click();
    await page.locator('#result').waitFor({ state: 'visible' });
    const link = page.locator('ul.findings button.where', { hasText: '「プラン」A4' });
    await link.waitFor();
    await link.click();
    await expect.poll(() => calls.map((c) => c.fn)).toContain('panelSelect');
    await expect.poll(() => app.active).toEqual({ sheet: TAB.plan, row: 4, col: 1 });
    expect(await page.locator('ul.findings li').filter({ hasText: '「プラン」A4' }).first().textContent()).toMatch(
      /^エラー/,
    );
    expect(await page.locator('li.next button').textContent()).toBe('入力チェック');
    await runAxe(page);
    await page.close();
  }, 60_000);

  async function runAxe(page: Page) {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
