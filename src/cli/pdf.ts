/**
 * The reports as a PDF, through LibreOffice: the two tabs are saved to a workbook of their own
 * and converted as a printer would print them (A4, fitted to the page width).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, EXIT } from './files';
import type { Io } from './output';
import type { XlsxWorkbook } from './xlsxWorkbook';

const INSTALL = [
  'LibreOffice が見つかりません（soffice コマンドがありません）。PDF を作るには LibreOffice を入れてください：',
  '  Windows・Mac: https://ja.libreoffice.org/ から入れ、soffice のあるフォルダを PATH に加えます。',
  '  Debian・Ubuntu: sudo apt-get install libreoffice-calc-nogui fonts-noto-cjk',
  'LibreOffice がなくても、summary コマンドでブックに作った「評価サマリー」「事業別一覧」を Excel から印刷できます。',
].join('\n');

export async function printToPdf(
  reports: XlsxWorkbook,
  out: string,
  io: Io,
  soffice = process.env.SOFFICE ?? 'soffice',
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'danjo-report-'));
  try {
    const book = join(dir, 'report.xlsx');
    await reports.save(book);
    io.err('… LibreOffice で PDF にしています');
    const run = spawnSync(soffice, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, book], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.error && 'code' in run.error && run.error.code === 'ENOENT') throw new CliError(INSTALL, EXIT.file);
    const pdf = join(dir, 'report.pdf');
    if (run.status !== 0)
      throw new CliError(
        `LibreOffice で PDF にできませんでした（${(run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n')[0]}）` +
          `。もう一度実行してください。`,
        EXIT.file,
      );
    try {
      copyFileSync(pdf, out);
    } catch (e) {
      throw new CliError(
        `${out} に書き出せません（${(e as NodeJS.ErrnoException).code ?? String(e)}）。フォルダに書き込めるか確かめてください。`,
        EXIT.file,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
