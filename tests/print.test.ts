/**
 * What a committee member and a department clerk hold in their hands: the demo workbook
 * printed by LibreOffice. Every page is A4; every text of the summary's C/D list, every request
 * tab's instructions and every 事業内容 appear whole (a row too short shows its first line only).
 * Needs LibreOffice and poppler-utils (.ci/run installs them); skipped without them, except in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { TAB } from '../src/domain/core/tabs';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const hasLibreOffice = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'danjo-print-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), examplesDir });
  return { code, text: out.join('\n') };
}

const squash = (t: string) => t.replace(/\s+/g, '');

it('LibreOffice is there where CI asks for it', () => {
  if (process.env.REQUIRE_LIBREOFFICE)
    expect(hasLibreOffice, 'soffice and pdftotext must be installed (.ci/run installs them)').toBe(true);
});

describe.skipIf(!hasLibreOffice)('the demo workbook printed by LibreOffice', () => {
  const book = join(dir, 'kiyose-demo.xlsx');
  const pdf = join(dir, 'kiyose-demo.pdf');
  let text = '';

  beforeAll(async () => {
    expect((await cli('demo', book)).code).toBe(0);
    const run = spawnSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, book], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    text = squash(spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout);
  }, 300_000);

  it('prints every page on A4', () => {
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).stdout;
    const sizes = info.split('\n').filter((l) => /^Page\s+\d+ size:/.test(l));
    expect(sizes.length).toBeGreaterThan(10);
    for (const line of sizes) expect(line).toMatch(/\(A4\)/);
  });

  it('shows every text of the summary’s C/D list whole', async () => {
    const summary = (await XlsxWorkbook.open(book)).read(TAB.summary)!;
    const start = summary.findIndex((r) => String(r[0]).startsWith('5. '));
    const end = summary.findIndex((r, i) => i > start + 1 && r.every((v) => v === ''));
    const texts = summary
      .slice(start + 2, end)
      .flatMap((r) => [r[0], r[6], r[7]].map(String))
      .filter((t) => t.length > 8);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const t of texts) expect(text, t).toContain(squash(t));
  });

  it('shows every request tab’s instructions and every 事業内容 whole', async () => {
    const wb = await XlsxWorkbook.open(book);
    const tabs = wb.sheetNames().filter((n) => n.startsWith('調査_'));
    expect(tabs).toHaveLength(4);
    for (const name of tabs) {
      const values = wb.read(name)!;
      for (const t of [values[4][1], values[5][1], ...values.slice(7).map((r) => r[2])]
        .map(String)
        .filter((t) => t !== '')) {
        expect(text, `${name}: ${t}`).toContain(squash(t));
      }
    }
  });
});
