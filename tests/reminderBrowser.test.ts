/**
 * The reminder dialog (未回答の課への連絡) opened in Debian's chromium: every department still to
 * answer has a link that opens a ready e-mail short enough for Chromium on Windows, the whole text
 * to copy, and the page passes axe-core's WCAG 2.1 AA rules. Skipped without chromium, except in CI.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequests } from '../src/actions/createRequests';
import { remindDepartments } from '../src/actions/remindDepartments';
import { findChromium } from '../src/cli/chromium';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { MAILTO_MAX } from '../src/domain/requests/remind';
import { reminderHtml } from '../src/pages/reminderPage';
import { setSetting } from '../src/actions/setSetting';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const browserPath = findChromium();

describe.skipIf(!browserPath)('the reminder dialog in Chromium', () => {
  let browser: Browser;
  let html = '';
  let departments: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'danjo-remind-'));
    const book = join(dir, 'kiyose.xlsx');
    const out: string[] = [];
    expect(await main(['demo', book], { out: (l) => out.push(l), err: () => undefined, examplesDir })).toBe(0);
    // The next year's tabs, nobody has answered yet.
    const wb = await XlsxWorkbook.open(book);
    setSetting(wb, '対象年度', '2026');
    setSetting(wb, '回答期限', '2027/5/28');
    expect(createRequests(wb).ok).toBe(true);
    const result = remindDepartments(wb, new Date(2027, 4, 18));
    departments = result.reminders.map((r) => r.department);
    html = reminderHtml(result.reminders, result.message.split('\n')[0]);
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => browser?.close());

  it('has a link per department that opens a ready e-mail, short enough for every browser', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    const links = (await page.evaluate(
      `[...document.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), target: a.target }))`,
    )) as Array<{ href: string; target: string }>;
    expect(departments.length).toBeGreaterThanOrEqual(3);
    expect(links).toHaveLength(departments.length);
    for (const l of links) {
      expect(l.href).toMatch(/^mailto:[^?]+%40[^?]+\?subject=.+&body=.+/);
      expect(l.href.length).toBeLessThanOrEqual(MAILTO_MAX);
      expect(l.target).toBe('_blank'); // the dialog's sandboxed iframe opens links only so
    }
    const texts = (await page.evaluate(`[...document.querySelectorAll('textarea')].map((t) => t.value)`)) as string[];
    expect(texts).toHaveLength(departments.length);
    for (const t of texts) expect(t).toContain('回答期限は 2027年5月28日');
    await page.close();
  });

  it('has no WCAG 2.1 A/AA violation (axe-core)', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
