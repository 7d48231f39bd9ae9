import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { type ActionResult, busy } from '../actions/shared/action';
import { exportRequest, importRequest } from '../actions/exchange';
import { mergeResponses } from '../actions/mergeResponses';
import { createRequests } from '../actions/createRequests';
import { setupSheets } from '../actions/setupSheets';
import { buildSummary } from '../actions/buildSummary';
import { IMPORTABLE_TABS, importTable } from '../actions/importTable';
import { SETTABLE_ITEMS, setSetting } from '../actions/setSetting';
import { validatePlan } from '../actions/validatePlan';
import { cellLabel } from '../domain/core/findings';
import { TAB } from '../domain/core/tabs';
import { printSummary, runDemo } from './demo';
import { reportKindOf, saveReport } from './reportFile';
import { yearlyReport } from '../actions/yearlyReport';
import { type Io, formatTable } from './output';
import { CliError, EXIT, FileLock, refuseReadOnly } from './files';
import { writeDrafts } from './eml';
import { remindDepartments } from '../actions/remindDepartments';
import { TableSyntaxError, decodeText, parseDelimited } from './textTable';
import { ExcelLimitError, XlsxWorkbook } from './xlsxWorkbook';
import * as M from './cliMessages';
import { HELP } from './cliMessages';

class UsageError extends Error {}

/** Runs one command; returns the exit code (README lists them). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const force = rest.includes('--force');
  const args = rest.filter((a) => a !== '--force');
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'demo':
        if (!existsSync(io.examplesDir)) throw new CliError(M.examplesMissing(io.examplesDir), EXIT.file);
        return (await runDemo(io.examplesDir, args[0] ?? 'demo/kiyose-demo.xlsx', io)) ? EXIT.ok : EXIT.input;
      case 'init':
        return await onBook(args, 1, io, { create: true, force }, (wb) => setupSheets(wb));
      case 'import-plan':
      case 'import': {
        // --replace removes the rows the file does not name (and lists them); --dry-run writes nothing.
        const mode = { replace: args.includes('--replace'), dryRun: args.includes('--dry-run') };
        const rest = args.filter((a) => a !== '--replace' && a !== '--dry-run');
        const [tab, fileAt] = command === 'import-plan' ? [TAB.plan, 1] : [rest[1] ?? '', 2];
        if (!IMPORTABLE_TABS.includes(tab)) throw new UsageError(M.importableTabs(IMPORTABLE_TABS));
        const table = readTable(rest[fileAt]);
        return await onBook(rest, fileAt + 1, io, { readOnly: mode.dryRun, force }, (wb) =>
          importTable(wb, tab, table, basename(rest[fileAt]), mode),
        );
      }
      case 'set':
        if (args.length === 3 && !SETTABLE_ITEMS.includes(args[1])) throw new UsageError(unknownItem(args[1]));
        return await onBook(args, 3, io, { force }, (wb) => setSetting(wb, args[1], args[2]));
      case 'check':
        return await onBook(args, 1, io, { force }, validatePlan);
      case 'requests':
        return await onBook(args, 1, io, { force }, createRequests);
      case 'merge':
        return await onBook(args, 1, io, { force }, (wb) => mergeResponses(wb));
      case 'summary': {
        let book: XlsxWorkbook | undefined;
        const code = await onBook(args, 1, io, { force }, (wb) => {
          book = wb;
          return buildSummary(wb);
        });
        if (code === EXIT.ok && book) printSummary(book.read(TAB.summary) ?? [], io);
        return code;
      }
      case 'report':
        return await reportFile(args, force, io);
      case 'remind':
        return await remind(args, io);
      case 'export-request':
        return await exportRequestFile(args, force, io);
      case 'import-request': {
        if (args.length !== 2) throw new UsageError(M.needs('import-request', '<book.xlsx> <in.xlsx>'));
        if (sameFile(args[1], args[0])) throw new UsageError(M.returnIsTheBook(args[1]));
        const incoming = await openBook(args[1], io);
        return await onBook(args, 2, io, { force }, (wb) => importRequest(wb, incoming, basename(args[1])));
      }
      default:
        throw new UsageError(M.unknownCommand(command));
    }
  } catch (e) {
    return exitCodeOf(e, io);
  }
}

/** What a user is told of a failure they can cause, and its exit code; anything else is thrown on. */
function exitCodeOf(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`${e.message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (e instanceof CliError) {
    io.err(e.message);
    return e.code;
  }
  // Thrown before any file is saved.
  if (e instanceof ExcelLimitError) {
    io.err(`${e.message}\n${M.fileUnchanged()}`);
    return EXIT.input;
  }
  throw e;
}

/** report: the yearly report as HTML, or printed to PDF by a Chromium-family browser; the book is not changed. */
async function reportFile(args: readonly string[], force: boolean, io: Io): Promise<number> {
  if (args.length !== 2) throw new UsageError(M.needs('report', '<book.xlsx> <out.pdf または out.html>'));
  const out = args[1];
  const kind = reportKindOf(out);
  if (!kind) throw new UsageError(M.reportNameKind(out));
  if (sameFile(out, args[0])) throw new UsageError(M.reportIsTheBook(out));
  if (existsSync(out) && !force) throw new CliError(M.outExists(out), EXIT.usage);
  const book = await openBook(args[0], io);
  const outcome = yearlyReport(book);
  if (!('model' in outcome)) return report(outcome, io);
  const written = saveReport(outcome.model, out, io);
  return report(
    {
      ok: true,
      title: '報告書',
      message: `${written}\n${M.bookUnchanged()}`,
      findings: [],
    },
    io,
  );
}

/** export-request: one department's request as a file of its own (the book records its 確認コード). */
async function exportRequestFile(args: readonly string[], force: boolean, io: Io): Promise<number> {
  if (args.length !== 3) throw new UsageError(M.needs('export-request', '<book.xlsx> <所管課> <out.xlsx>'));
  const out = args[2];
  if (sameFile(out, args[0])) throw new UsageError(M.exportIsTheBook(out));
  if (existsSync(out) && !force) throw new CliError(M.outExists(out), EXIT.usage);
  const file = new XlsxWorkbook();
  // The book records the file's 確認コード, so it is saved too, under the lock.
  return await onBook(
    [args[0]],
    1,
    io,
    { force },
    (wb) => exportRequest(wb, args[1], file, newToken),
    async (result) => {
      if (result.ok) await file.save(out);
    },
  );
}

function newToken(): string {
  return randomBytes(6).toString('hex');
}

function unknownItem(item: string): string {
  const near = SETTABLE_ITEMS.find((i) => i.slice(0, 2) === item.slice(0, 2));
  return M.unknownItem(item, near, SETTABLE_ITEMS);
}

/** Whether two paths name one file (through links too). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  return realpathSync(a) === realpathSync(b);
}

async function openBook(path: string | undefined, io: Io): Promise<XlsxWorkbook> {
  if (!path) throw new UsageError(M.bookPathMissing());
  if (!existsSync(path)) throw new UsageError(M.bookMissing(path));
  io.err(`… ${basename(path)} を開いています`);
  return XlsxWorkbook.open(path);
}

/**
 * Takes the lock, then opens the book, runs the action and saves it: two commands on one book
 * never work from the same old copy. An action that throws saves nothing.
 */
async function onBook(
  args: readonly string[],
  count: number,
  io: Io,
  /** readOnly: the book is read and never saved (a dry run); force: saved though exceljs drops what it cannot keep. */
  opts: { create?: boolean; readOnly?: boolean; force?: boolean },
  action: (wb: XlsxWorkbook) => ActionResult,
  after?: (result: ActionResult) => Promise<void>,
): Promise<number> {
  if (args.length !== count) throw new UsageError(M.argumentCount(count));
  const path = args[0];
  const real = existsSync(path) ? realpathSync(path) : path;
  const lock = new FileLock(`${real}.lock`);
  if (!lock.tryLock(0)) {
    const b = busy(basename(path));
    report({ ...b, message: `${b.message}\n${lock.holder()}` }, io);
    return EXIT.busy;
  }
  try {
    const wb = opts.create && !existsSync(path) ? new XlsxWorkbook() : await openBook(path, io);
    io.err('… 処理しています');
    const result = action(wb);
    // A command that changed nothing (refused, or a dry run) leaves the file as it was: an office's
    // own chart or formatting that exceljs cannot keep is not lost to a mistyped command.
    if (!opts.readOnly && (wb.changed || !existsSync(path))) {
      refuseReadOnly(path);
      refuseLoss(path, wb, opts.force === true);
      io.err(`… ${basename(path)} を保存しています`);
      await wb.save(path);
    }
    await after?.(result);
    for (const notice of wb.notices.values()) io.out(`[注意] ${notice}`);
    return report(result, io);
  } finally {
    lock.release();
  }
}

/** Nothing the office added is dropped without a word: the save is refused until --force says so. */
function refuseLoss(path: string, wb: XlsxWorkbook, force: boolean): void {
  if (wb.unkept.length === 0 || force) return;
  throw new CliError(M.unkeptParts(basename(path), wb.unkept), EXIT.input);
}

function readTable(path: string | undefined): string[][] {
  if (!path || !existsSync(path)) throw new UsageError(M.tableFileMissing(path ?? ''));
  try {
    return parseDelimited(decodeText(readFileSync(path)).text);
  } catch (e) {
    if (e instanceof TableSyntaxError) throw new CliError(`${basename(path)}：${e.message}`, EXIT.input);
    throw e;
  }
}

/** Prints the result and its findings as a table with cells; 0 when fine, 1 when the input has problems. */
/** remind: reads the book only; with --eml, one draft e-mail per department in the folder given. */
async function remind(args: readonly string[], io: Io): Promise<number> {
  const at = args.indexOf('--eml');
  const dir = at >= 0 ? args[at + 1] : undefined;
  const rest = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (rest.length !== 1 || (at >= 0 && !dir))
    throw new UsageError(M.needs('remind', '<book.xlsx>', '--eml <フォルダ> で課ごとの .eml を書き出します'));
  const book = await openBook(rest[0], io);
  const result = remindDepartments(
    book,
    new Date(),
    (sheet) => `${basename(rest[0])} のシート「${sheet}」（export-request で書き出したファイルをお送りします）`,
  );
  const code = report(result, io);
  for (const r of result.reminders)
    io.out(`\n── ${r.department}（${r.editors.join(', ') || '編集者が未登録'}）\n件名：${r.subject}\n\n${r.body}`);
  if (dir && result.reminders.length) {
    mkdirSync(dir, { recursive: true });
    const names = writeDrafts(dir, result.reminders);
    io.out(`\n${M.draftsWritten(names, dir)}`);
  }
  return code;
}

function report(result: ActionResult, io: Io): number {
  io.out(`■ ${result.title}\n${result.message}`);
  if (result.findings.length) {
    io.out('');
    io.out(
      formatTable([
        ['重要度', 'シート', 'セル', '内容'],
        ...result.findings.map((f) => [f.severity, f.sheet, cellLabel(f), f.message]),
      ]),
    );
  }
  return result.ok ? EXIT.ok : EXIT.input;
}
