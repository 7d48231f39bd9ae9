/**
 * The yearly report in a real browser, as a committee member and a website visitor meet it:
 * Debian's chromium prints the demo's report (checked with poppler's pdfinfo, pdftotext and
 * pdffonts) and shows it to axe-core (WCAG 2.1 AA, what JIS X 8341-3 AA asks). Needs chromium,
 * fonts-noto-cjk and poppler-utils (.ci/run installs them); skipped without them, except in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearlyReport } from '../src/actions/yearlyReport';
import { findChromium } from '../src/cli/chromium';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { renderReportHtml } from '../src/pages/reportPage';
import { tsv } from './helpers';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'danjo-report-browser-'));
const book = join(dir, 'kiyose.xlsx');
const browserPath = findChromium();
const hasTools = browserPath !== undefined && spawnSync('pdftotext', ['-v']).status === 0;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), examplesDir });
  return { code, text: out.join('\n') };
}

const run = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout;
const squash = (t: string) => t.replace(/\s+/g, '');
/** An example file's rows below its header. */
const tsvRows = (file: string) => tsv(file).slice(1);

it('Chromium is there where CI asks for it', () => {
  if (process.env.REQUIRE_CHROMIUM)
    expect(hasTools, 'chromium and poppler-utils must be installed (.ci/run installs them)').toBe(true);
});

interface Word {
  readonly text: string;
  readonly height: number;
}
interface Line {
  readonly page: number;
  readonly words: readonly Word[];
}

/** Every line of the PDF with its words and their heights (pdftotext -bbox-layout). */
function pdfLines(pdf: string): Line[] {
  const xml = run('pdftotext', '-bbox-layout', pdf, '-');
  const out: Line[] = [];
  xml.split('<page ').forEach((page, p) => {
    for (const line of page.split('<line ').slice(1)) {
      const words = [
        ...line.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g),
      ].map((m) => ({ text: m[3], height: Number(m[2]) - Number(m[1]) }));
      out.push({ page: p, words });
    }
  });
  return out;
}

describe.skipIf(!hasTools)('the demo’s report printed to PDF by Chromium', () => {
  const pdf = join(dir, '報告書.pdf');
  let lines: Line[] = [];
  let text = '';

  beforeAll(async () => {
    expect((await cli('demo', book)).code).toBe(0);
    const r = await cli('report', book, pdf);
    expect(r.code, r.text).toBe(0);
    lines = pdfLines(pdf);
    text = squash(run('pdftotext', '-raw', pdf, '-'));
  }, 120_000);

  it('prints every page on A4, the 事業別一覧 in landscape', () => {
    const info = run('pdfinfo', '-f', '1', '-l', '9999', pdf);
    const sizes = info.split('\n').filter((l) => /^Page\s+\d+ size:/.test(l));
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    for (const line of sizes) expect(line).toMatch(/(59[45]\.\d+ x 84[12]\.\d+|84[12]\.\d+ x 59[45]\.\d+) pts/);
    expect(sizes.some((l) => /84[12]\.\d+ x 59[45]/.test(l))).toBe(true);
  });

  it('numbers every page “n / total”', () => {
    const pages = Math.max(...lines.map((l) => l.page));
    for (let p = 1; p <= pages; p++) {
      const onPage = lines.filter((l) => l.page === p).map((l) => l.words.map((w) => w.text).join(' '));
      expect(onPage, `page ${p}`).toContain(`${p} / ${pages}`);
    }
  });

  it('prints body text at 10.5 pt or more and table text at 9 pt or more', () => {
    // The cover's title is 26 pt: the height pdftotext gives a word is proportional to its size.
    const title = lines.flatMap((l) => l.words).find((w) => w.text === '進捗状況報告書')!;
    const ptOf = (w: Word) => (w.height / title.height) * 26;
    const all = lines.flatMap((l) => l.words);
    expect(Math.min(...all.map(ptOf))).toBeGreaterThanOrEqual(8.9);
    const body = lines.find((l) => l.words.some((w) => w.text.includes('所管課に進捗状況をたずねました')))!;
    expect(ptOf(body.words[0])).toBeGreaterThanOrEqual(10.4);
    const cell = all.find((w) => w.text === '男女共同参画センター')!;
    expect(ptOf(cell)).toBeGreaterThanOrEqual(8.9);
  });

  it('prints every 事業名, 事業内容, 意見 and 提言 whole', () => {
    const texts = [
      ...tsvRows('kiyose-plan.tsv').flatMap((r) => [r[4], r[5]]),
      ...tsvRows('kiyose-committee.tsv').map((r) => r[4]),
      ...tsvRows('kiyose-recommendations.tsv').map((r) => r[2]),
      ...tsvRows('kiyose-replies.tsv').map((r) => r[4]),
    ];
    expect(texts.length).toBeGreaterThan(25);
    for (const t of texts) expect(text, t).toContain(squash(t));
  });

  it('numbers the 目次 once (the section names carry their numbers)', () => {
    expect(text).toContain('目次1.調査の概要2.自己評価の状況');
  });

  it('starts no line with 、 。 ） or 」', () => {
    const starts = lines.filter((l) => l.words.length > 0).map((l) => l.words[0].text[0]);
    expect(starts.length).toBeGreaterThan(200);
    expect(starts.filter((c) => '、。）」'.includes(c))).toEqual([]);
  });

  it('embeds every font it uses, with the text behind it (searchable, copyable)', () => {
    const fonts = run('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  });
});

describe.skipIf(!hasTools)('the report in the browser (screen, dialog and website)', () => {
  let browser: Browser;
  let page: Page;
  let html = '';

  beforeAll(async () => {
    if (!(await XlsxWorkbook.open(book).catch(() => undefined))) expect((await cli('demo', book)).code).toBe(0);
    const outcome = yearlyReport(await XlsxWorkbook.open(book));
    if (!('model' in outcome)) throw new Error(outcome.message);
    html = renderReportHtml(outcome.model, { toolbar: true });
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    page = await browser.newPage({ acceptDownloads: true });
    await page.setContent(html);
  }, 120_000);

  afterAll(async () => browser?.close());

  it('has no WCAG 2.1 A/AA violation (axe-core)', async () => {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    // A string: the test's own TypeScript knows no DOM.
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>; passes: unknown[] };
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
  });

  it('draws kana, kanji and digits in one font family', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'h1, h2, h3, h4, h5, p, th, td, caption, figcaption, li a, span, text',
    });
    const families = new Set<string>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) families.add(f.familyName);
    }
    expect(nodeIds.length).toBeGreaterThan(100);
    expect([...families]).toEqual(['Noto Sans CJK JP']);
  });

  it('saves the report as one .html file without the dialog’s buttons', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
    expect(download.suggestedFilename()).toMatch(/進捗状況報告書_令和7年度.*\.html$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(saved).toContain('<h1>進捗状況報告書</h1>');
    expect(saved).not.toContain('save-report');
    expect(saved).not.toContain('<script');
    expect(await page.textContent('#toolbar-status')).toContain('保存しました');
  });

  it('prints from the dialog’s button', async () => {
    await page.evaluate('window.printed = 0; window.print = () => { window.printed++; };');
    await page.click('#print-report');
    expect(await page.evaluate('window.printed')).toBe(1);
  });
});
