/**
 * BENCH_SIZE=bound npm run bench: the largest book README promises the command line handles — a
 * big city's 回答 of many years (about 210,000 rows) — written to a file; prints its size on
 * disk and unpacked, then runs `check` and `summary` on it as a user would (a child process each)
 * and prints their time and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS, zipEntries } from '../src/cli/files';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { setupSheets } from '../src/actions/setupSheets';
import { generateTabs } from '../tests/fixtures/generate';

const MB = 2 ** 20;

export async function boundRun(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'danjo-bound-'));
  const path = join(dir, 'bound.xlsx');
  // Fourteen years of the stress plan: about 210,000 rows of 回答, just under the unpacked limit.
  const tabs = generateTabs({ projects: 10000, departments: 200, years: 14 });
  const wb = new XlsxWorkbook();
  setupSheets(wb);
  for (const [name, rows] of Object.entries(tabs)) {
    if (!wb.sheetNames().includes(name)) wb.createSheet(name);
    wb.write(name, 1, 1, rows);
  }
  await wb.save(path);
  const bytes = readFileSync(path);
  const unpacked = (zipEntries(bytes) ?? []).reduce((n, e) => n + e.size, 0);
  console.log(`\n## 大きさの上限（BENCH_SIZE=bound）\n`);
  console.log(
    `回答 ${tabs['回答'].length - 1} 行のブック：ファイル ${(statSync(path).size / MB).toFixed(1)} MB、展開後 ${(unpacked / MB).toFixed(1)} MB`,
  );
  console.log(`上限：ファイル ${LIMITS.fileBytes / MB} MB、展開後 ${LIMITS.unpackedBytes / MB} MB\n`);
  console.log('| コマンド | 終了コード | 時間 | 最大メモリ |\n|---|--:|--:|--:|');
  for (const command of ['check', 'summary']) {
    const started = Date.now();
    // GNU time prints the peak resident memory of the child (KB) as its last line.
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'dist/cli.js', command, path], {
      encoding: 'utf8',
      maxBuffer: 64 * MB,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peak = Number(run.stderr.trim().split('\n').pop()) / 1024;
    console.log(
      `| ${command} | ${run.status} | ${seconds} s | ${Number.isFinite(peak) ? `${peak.toFixed(0)} MB` : '—'} |`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
