import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { type ActionResult, busy } from '../actions/common';
import { exportRequest, importRequest } from '../actions/exchange';
import { mergeResponses } from '../actions/mergeResponses';
import { createRequests } from '../actions/createRequests';
import { setupSheets } from '../actions/setupSheets';
import { buildSummary } from '../actions/buildSummary';
import { IMPORTABLE_TABS, SETTABLE_ITEMS, importTable, setSetting } from '../actions/tables';
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

export const HELP = `男女平等推進プラン 進捗状況調査（.xlsx 版）

使い方: danjo-plan <コマンド> <ブック.xlsx> [引数…]

  init <book.xlsx>                        設計どおりのシート（空）を持つブックを作る
  import-plan <book.xlsx> <plan.tsv|csv>  プランの表（TSV/CSV、UTF-8 か Shift_JIS）を「プラン」に読み込む（事業番号ごとに追加・更新）
  import <book.xlsx> <シート名> <file>     体系・指標・指標実績・所管課・設定・提言・委員会評価 の表を読み込む
                                          （行の見出しごとに追加・更新し、ファイルにない行は残す。
                                           --replace でファイルにない行を消す、--dry-run で変わる行だけを表示）
  set <book.xlsx> <項目> <値>              「設定」の項目を変える（例: set book.xlsx 対象年度 令和7年度）
  check <book.xlsx>                       プランの入力チェック（結果は「チェック結果」シート）
  requests <book.xlsx>                    所管課別調査シートを作成・更新
  merge <book.xlsx>                       回答を取り込む
  summary <book.xlsx>                     評価サマリーと事業別一覧を作成
  report <book.xlsx> <out.pdf|out.html> [--force]
                                          進捗状況報告書を PDF（A4。Chromium・Chrome・Edge が必要）か HTML にする
  export-request <book.xlsx> <所管課> <out.xlsx> [--force]
                                          1つの課の調査シートを別ファイルに書き出す（既にあるファイルは --force のときだけ上書き）
  import-request <book.xlsx> <in.xlsx>    回答済みのファイルを調査シートに戻す
  remind <book.xlsx> [--eml <フォルダ>]    回答が終わっていない課と連絡の文面を表示する（--eml で課ごとの .eml を書き出す。送信はしません）
  demo [out.xlsx]                         清瀬市の例で全体の流れを実行する（既定: demo/kiyose-demo.xlsx）

終了コード: 0 成功 / 1 入力に問題あり（内容を表示します） / 2 使い方の誤り / 3 ファイルを開けない・保存できない
          / 4 ほかの人が同じブックで実行中 / 5 予期しないエラー（DEBUG=1 で詳しく表示）`;

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
        if (!existsSync(io.examplesDir))
          throw new CliError(
            `例のデータ（${io.examplesDir}）が見つかりません。demo はプロジェクトのフォルダの中で実行してください。`,
            EXIT.file,
          );
        return (await runDemo(io.examplesDir, args[0] ?? 'demo/kiyose-demo.xlsx', io)) ? EXIT.ok : EXIT.input;
      case 'init':
        return await onBook(args, 1, io, { create: true, force }, (wb) => setupSheets(wb));
      case 'import-plan':
      case 'import': {
        // --replace removes the rows the file does not name (and lists them); --dry-run writes nothing.
        const mode = { replace: args.includes('--replace'), dryRun: args.includes('--dry-run') };
        const rest = args.filter((a) => a !== '--replace' && a !== '--dry-run');
        const [tab, fileAt] = command === 'import-plan' ? [TAB.plan, 1] : [rest[1] ?? '', 2];
        if (!IMPORTABLE_TABS.includes(tab))
          throw new UsageError(`読み込めるシートは ${IMPORTABLE_TABS.join('、')} です。`);
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
        if (args.length !== 2) throw new UsageError('import-request には <book.xlsx> <in.xlsx> が必要です。');
        if (sameFile(args[1], args[0]))
          throw new UsageError(
            `取り込むファイル ${args[1]} がブックそのものです。各課から返ってきたファイルを指定してください。`,
          );
        const incoming = await openBook(args[1], io);
        return await onBook(args, 2, io, { force }, (wb) => importRequest(wb, incoming, basename(args[1])));
      }
      default:
        throw new UsageError(`「${command}」というコマンドはありません。`);
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
    io.err(`${e.message}\nファイルは変更していません。`);
    return EXIT.input;
  }
  throw e;
}

/** report: the yearly report as HTML, or printed to PDF by a Chromium-family browser; the book is not changed. */
async function reportFile(args: readonly string[], force: boolean, io: Io): Promise<number> {
  if (args.length !== 2) throw new UsageError('report には <book.xlsx> <out.pdf または out.html> が必要です。');
  const out = args[1];
  const kind = reportKindOf(out);
  if (!kind) throw new UsageError(`書き出し先 ${out} は .pdf か .html で終わる名前にしてください。`);
  if (sameFile(out, args[0]))
    throw new UsageError(`書き出し先 ${out} がブックそのものです。別のファイル名（.pdf か .html）を指定してください。`);
  if (existsSync(out) && !force)
    throw new CliError(
      `${out} は既にあります。上書きしてよいときは、最後に --force を付けて実行してください。`,
      EXIT.usage,
    );
  const book = await openBook(args[0], io);
  const outcome = yearlyReport(book);
  if (!('model' in outcome)) return report(outcome, io);
  const written = saveReport(outcome.model, out, io);
  return report(
    {
      ok: true,
      title: '報告書',
      message: `${written}\nブックは変更していません。`,
      findings: [],
    },
    io,
  );
}

/** export-request: one department's request as a file of its own (the book records its 確認コード). */
async function exportRequestFile(args: readonly string[], force: boolean, io: Io): Promise<number> {
  if (args.length !== 3) throw new UsageError('export-request には <book.xlsx> <所管課> <out.xlsx> が必要です。');
  const out = args[2];
  if (sameFile(out, args[0]))
    throw new UsageError(
      `書き出し先 ${out} がブックそのものです。別のファイル名を指定してください（ブックを上書きすると、ほかのシートがすべて消えます）。`,
    );
  if (existsSync(out) && !force)
    throw new CliError(
      `${out} は既にあります。上書きしてよいときは、最後に --force を付けて実行してください。`,
      EXIT.usage,
    );
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
  return `「${item}」という設定の項目はありません。${near ? `「${near}」のことでしょうか。` : ''}設定できる項目：${SETTABLE_ITEMS.join('、')}`;
}

/** Whether two paths name one file (through links too). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  return realpathSync(a) === realpathSync(b);
}

async function openBook(path: string | undefined, io: Io): Promise<XlsxWorkbook> {
  if (!path) throw new UsageError('ブック（.xlsx）のパスを指定してください。');
  if (!existsSync(path))
    throw new UsageError(`ファイル ${path} がありません。パスを確かめてください（新しく作るときは init を使います）。`);
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
  if (args.length !== count) throw new UsageError(`引数の数が違います（${count}個必要です）。`);
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
  throw new CliError(
    `${basename(path)} には、このツールが保存すると消えてしまうもの（${wb.unkept.join('、')}）があります。` +
      '今回の変更は保存していません（ブックは元のままです）。残したいものを別のブックにコピーしてから、' +
      'コマンドの最後に --force を付けてもう一度実行してください。',
    EXIT.input,
  );
}

function readTable(path: string | undefined): string[][] {
  if (!path || !existsSync(path)) throw new UsageError(`表のファイル ${path ?? ''} がありません。`);
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
    throw new UsageError('remind には <book.xlsx> が必要です（--eml <フォルダ> で課ごとの .eml を書き出します）。');
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
    io.out(
      `\n${names.length}件の下書き（.eml）を ${dir} に書き出しました：${names.join('、')}。メールソフトで開いて送ってください。` +
        '（同じ名前のファイルがあるときは上書きせず、_2 などを付けた名前で書き出します。）',
    );
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
