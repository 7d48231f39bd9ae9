/**
 * The yearly report printed to PDF by a Chromium-family browser already on the computer
 * (Debian's chromium, Google Chrome, or Microsoft Edge, which every Windows PC of a city office
 * has), with its own headless --print-to-pdf: nothing is downloaded, no module is needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError, EXIT, writeAtomically } from './files';
import type { Io } from './output';
import * as M from './cliMessages';

/** Where each platform keeps a Chromium-family browser, in the order tried; CHROMIUM overrides. */
const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

/** The browser to print with, as a full path: CHROMIUM if set, else the first candidate found. */
export function findChromium(): string | undefined {
  const chosen = process.env.CHROMIUM;
  if (chosen !== undefined) return located(chosen);
  for (const c of CANDIDATES) {
    const found = located(c);
    if (found) return found;
  }
  return undefined;
}

/** A path as it is, a bare name looked up in PATH; undefined where no such file is. */
function located(command: string): string | undefined {
  if (isAbsolute(command) || command.includes('\\')) return existsSync(command) ? command : undefined;
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of [command, `${command}.exe`]) if (existsSync(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

/** Time allowed for one report: a plan of 10,000 事業 prints in well under it. */
const PRINT_TIMEOUT_MS = 300_000;

/**
 * Prints `html` to `out` (A4, page numbers from the page's own CSS), tagged for screen readers
 * unless `tagged` is false; `out` is replaced whole or left as it was.
 */
export function printHtmlToPdf(html: string, out: string, io: Io, tagged = true, browser = findChromium()): void {
  if (!browser) throw new CliError(M.chromiumMissing, EXIT.file);
  const dir = mkdtempSync(join(tmpdir(), 'danjo-report-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(page, html);
    io.err('… ブラウザで PDF にしています');
    const run = spawnSync(
      browser,
      [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${join(dir, 'profile')}`,
        // The sandbox needs a user namespace that root (a container, CI) does not get.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--no-pdf-header-footer',
        ...(tagged ? [] : ['--disable-pdf-tagging']),
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: PRINT_TIMEOUT_MS },
    );
    if (run.status !== 0 || !existsSync(pdf)) {
      const why = run.error?.message ?? (run.stderr || run.stdout || '').trim().split('\n').slice(-1)[0];
      throw new CliError(M.printFailed(browser, why), EXIT.file);
    }
    writeAtomically(out, readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
