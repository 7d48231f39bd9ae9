/**
 * The yearly report (進捗状況報告書) of the demo: the same counts as 評価サマリー, every text a
 * committee member looks for, a department's text shown as typed (never run), nothing written to
 * the book, and the command line's report command. The browser's side is tests/reportBrowser.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { yearlyReport } from '../src/actions/yearlyReport';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import type { ReportModel } from '../src/domain/report/reportModel';
import { TAB } from '../src/domain/core/tabs';
import { renderReportHtml } from '../src/pages/reportPage';
import { tsv } from './helpers';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'danjo-report-'));
const book = join(dir, 'kiyose.xlsx');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), examplesDir });
  return { code, text: out.join('\n') };
}

/** An example file's rows below its header. */
const tsvRows = (file: string) => tsv(file).slice(1);

let wb: XlsxWorkbook;
let model: ReportModel;
let page: string;

beforeAll(async () => {
  expect((await cli('demo', book)).code).toBe(0);
  wb = await XlsxWorkbook.open(book);
  const outcome = yearlyReport(wb, new Date(2026, 6, 1));
  if (!('model' in outcome)) throw new Error(outcome.message);
  model = outcome.model;
  page = renderReportHtml(model);
}, 60_000);

describe('the report model', () => {
  it('counts the grades exactly as 評価サマリー does (no second way of counting)', () => {
    const summary = wb.read(TAB.summary)!;
    const goalRow = summary.find((r) => String(r[0]).startsWith('目標4 '))!;
    // Section 2's line of 目標4: A, B, C, D, 未回答.
    expect(model.goals[0].issues[0].now).toEqual(goalRow.slice(1, 6));
    expect(model.series).toEqual(['A', 'B', 'C', 'D', '未回答']);
    // Worked out from examples/kiyose-answers.tsv, 令和7年度: 4 A, 7 B, 1 C, 1 D, and 子育て支援課 did not answer.
    expect(model.goals[0].issues[0].now).toEqual([4, 7, 1, 1, 1]);
    expect(model.overview).toMatchObject({ projectCount: 11, due: 14, answered: 13, rate: '92.9%' });
  });

  it('draws a chart per 目標 with this year and last year for the 目標 and each 課題', () => {
    const chart = model.goals[0].chart;
    expect(chart.kind).toBe('stackedBar');
    expect(chart.bars.map((b) => b.label)).toEqual([
      '目標4 全体 令和7年度',
      '目標4 全体 令和6年度',
      '課題4-1 令和7年度',
      '課題4-1 令和6年度',
      '課題4-2 令和7年度',
      '課題4-2 令和6年度',
    ]);
    expect(chart.bars[1].counts).toEqual(model.goals[0].issues[0].before);
  });

  it('says "—" for participants nobody reported, never 0, here and in 評価サマリー', () => {
    const first = model.participants.find((p) => p.label.startsWith('施策4-1-1'))!;
    expect(first.now).toEqual({ men: '—', women: '—', share: '—' });
    // 評価サマリー's section 8 lists the 施策 someone reported for, with the same cells.
    const summary = wb.read(TAB.summary)!;
    const start = summary.findIndex((r) => String(r[0]).startsWith('8. ')) + 2;
    const end = summary.findIndex((r, i) => i > start && String(r[0]) === '全体');
    const shown = summary.slice(start, end + 1).map((r) => r.slice(0, 7).map(String));
    const expected = model.participants
      .filter((p) => p.now.men !== '—' || p.before.men !== '—' || p.label === '全体')
      .map((p) => [p.label, p.now.men, p.now.women, p.now.share, p.before.men, p.before.women, p.before.share]);
    expect(shown).toEqual(expected);
    expect(shown.length).toBeGreaterThan(2);
  });

  it('follows each KPI through every year measured, with the path to its target', () => {
    const kpi = model.kpis.find((k) => k.title.startsWith('16 '))!;
    expect(kpi.base).toBe('59.1%（平成28年度）');
    expect(kpi.target).toBe('80%（令和9年度）');
    expect(kpi.values).toEqual([
      { year: 2020, value: 63.5, text: '63.5%' },
      { year: 2022, value: 68, text: '68%' },
      { year: 2024, value: 75, text: '75%' },
    ]);
    expect(kpi.chart.target).toMatchObject({ year: 2027, low: 80, high: 80 });
    // 2024: 8 of 11 years elapsed (72.7%); (75 − 59.1) / 20.9 = 76.1% of the way → 順調. The path: 59.1 + 20.9 × 8/11.
    expect([kpi.progress, kpi.elapsed, kpi.path, kpi.status]).toEqual(['76.1%', '72.7%', '74.3%', '順調']);
    // 17: (46 − 41.4) / 18.6 = 24.7%, less than half of 72.7% → 遅れ.
    expect(model.kpis.find((k) => k.title.startsWith('17 '))!.status).toBe('遅れ');
    expect(model.kpiRule).toContain('経過の半分以上なら「やや遅れ」');
  });
});

describe('the report page', () => {
  it('holds every 事業名, 事業内容, 意見 and 提言 of the demo', () => {
    const text = page.replace(/<br>/g, '\n');
    for (const [, , , , name, description] of tsvRows('kiyose-plan.tsv')) {
      expect(text).toContain(name);
      expect(text).toContain(description.replace(/"/g, '&quot;'));
    }
    for (const row of tsvRows('kiyose-committee.tsv')) expect(text).toContain(row[4]);
    for (const row of tsvRows('kiyose-recommendations.tsv')) expect(text).toContain(row[2]);
    for (const row of tsvRows('kiyose-replies.tsv')) expect(text).toContain(row[4]);
  });

  it('names a 事業 of several departments once, beside each department’s answer', () => {
    const projects = page.slice(page.indexOf('id="projects"'));
    // 4-1-2-2 is asked of 4 departments (examples/kiyose-plan.tsv).
    expect(projects.match(/<span class="id">4-1-2-2<\/span>/g)).toHaveLength(1);
    expect(projects).toContain('<th scope="row" rowspan="4">');
  });

  it('is one document in Japanese with headings in order and every table captioned', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\s*<html lang="ja">/);
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    expect(page.match(/<table/g)!.length).toBe(page.match(/<caption>/g)!.length);
    expect(page.match(/<svg/g)!.length).toBe(page.match(/<title id=/g)!.length);
    // No line break of the source between Japanese words (it would print as a space).
    expect(page).not.toMatch(/[ぁ-んァ-ン一-龯、。][ \t]*\n\s*[ぁ-んァ-ン一-龯]/u);
  });

  it('shows a department’s text as typed and never runs it', async () => {
    const hostile = await XlsxWorkbook.open(book);
    const answers = hostile.read(TAB.answers)!;
    const col = answers[0].indexOf('実施状況・実績') + 1;
    const row = answers.findIndex((r) => String(r[0]).includes('2025') || String(r[0]).includes('令和7')) + 1;
    hostile.write(TAB.answers, row, col, [['<script>alert(1)</script> & "引用" <b>太字</b>']]);
    const outcome = yearlyReport(hostile);
    if (!('model' in outcome)) throw new Error(outcome.message);
    const html = renderReportHtml(outcome.model, { toolbar: true });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引用&quot; &lt;b&gt;太字&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script>/g)).toHaveLength(1); // the dialog's own buttons
  });

  it('reads the book and writes nothing to it', async () => {
    const fresh = await XlsxWorkbook.open(book);
    const before = fresh.sheetNames().map((n) => JSON.stringify(fresh.read(n)));
    yearlyReport(fresh);
    expect(fresh.sheetNames().map((n) => JSON.stringify(fresh.read(n)))).toEqual(before);
  });
});

describe('report on the command line', () => {
  it('writes the HTML and leaves the book as it was', async () => {
    const bytes = readFileSync(book);
    const out = join(dir, '報告書.html');
    const r = await cli('report', book, out);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain('進捗状況報告書（HTML、A4）を書き出しました');
    expect(readFileSync(out, 'utf8')).toContain('<h1>進捗状況報告書</h1>');
    expect(readFileSync(book).equals(bytes)).toBe(true);
    // Again without --force: refused, the file kept.
    const size = statSync(out).size;
    const again = await cli('report', book, out);
    expect(again.code).toBe(2);
    expect(again.text).toContain('--force');
    expect(statSync(out).size).toBe(size);
  });

  it('asks for .pdf or .html', async () => {
    const r = await cli('report', book, join(dir, 'report.txt'));
    expect(r.code).toBe(2);
    expect(r.text).toContain('.pdf か .html で終わる名前');
  });

  it('says how to get a browser when none is there, and writes nothing', async () => {
    const before = process.env.CHROMIUM;
    process.env.CHROMIUM = join(dir, 'no-such-browser');
    try {
      const out = join(dir, 'none.pdf');
      const r = await cli('report', book, out);
      expect(r.code).toBe(3);
      expect(r.text).toContain('PDF を作るブラウザ（Chromium・Google Chrome・Microsoft Edge）が見つかりません');
      expect(r.text).toContain('sudo apt-get install chromium fonts-noto-cjk');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM;
      else process.env.CHROMIUM = before;
    }
  });
});
