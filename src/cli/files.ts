/**
 * The command line's files: what it opens, how it saves, and the lock beside a book. A user's
 * book is never left half-written, never replaced by a copy opened before someone else's save,
 * and keeps its permissions and its place behind a symbolic link.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Lock } from '../port';

/** Exit codes (README lists them). */
export const EXIT = { ok: 0, input: 1, usage: 2, file: 3, busy: 4 } as const;

/** A failure the user can cause and mend: said in Japanese, with its exit code, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** What a file really is, by its first bytes, whatever its name says. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'ods' | 'ole' | 'empty' | 'text' | 'zip' {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 200))).toString('latin1');
  if (head.startsWith('PK\x03\x04'))
    return head.includes('application/vnd.oasis.opendocument') ? 'ods' : bytes.length < 100 ? 'zip' : 'xlsx';
  if (head.startsWith('\xd0\xcf\x11\xe0')) return 'ole'; // .xls, or an .xlsx with a password
  return 'text';
}

const REMEDY =
  'Excel で開き、「ファイル ＞ 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから、もう一度実行してください。';

/** The bytes of a book to open, or a Japanese reason it cannot be one. */
export function readBookBytes(path: string): Buffer {
  if (!existsSync(path))
    throw new CliError(
      `ファイル ${path} がありません。パスを確かめてください（新しく作るときは init を使います）。`,
      EXIT.usage,
    );
  if (statSync(path).isDirectory())
    throw new CliError(`${path} はフォルダです。.xlsx ファイルのパスを指定してください。`, EXIT.usage);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`${path} を読めません（${code(e)}）。ファイルの読み取り権限を確かめてください。`, EXIT.file);
  }
  const kind = sniff(bytes);
  const name = basename(path);
  if (kind === 'empty')
    throw new CliError(
      `${name} は空のファイル（0バイト）です。コピーが途中で止まった可能性があります。元のファイルをもう一度コピーしてください。`,
      EXIT.file,
    );
  if (kind === 'ods')
    throw new CliError(
      `${name} は OpenDocument（.ods）形式で、読めません。LibreOffice Calc で開き、「名前を付けて保存」で「Excel 2007-365 (.xlsx)」を選んで保存し直してください。`,
      EXIT.file,
    );
  if (kind === 'ole')
    throw new CliError(
      `${name} は古い Excel 形式（.xls）か、パスワードで保護されたファイルです。どちらも読めません。パスワードを外し、${REMEDY}`,
      EXIT.file,
    );
  if (kind === 'text')
    throw new CliError(
      `${name} は .xlsx ではなく、テキスト（CSV など）のファイルです。表の読み込みには import-plan か import を使います。ブックのときは、${REMEDY}`,
      EXIT.file,
    );
  return bytes;
}

/** A book that looked like one but would not open (cut short, damaged). */
export function unreadableBook(path: string, e: unknown): CliError {
  return new CliError(
    `${basename(path)} を .xlsx ブックとして開けません` +
      `（ファイルが途中までしかないか、壊れています: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}）。` +
      `元のファイルをもう一度コピーするか、${REMEDY}`,
    EXIT.file,
  );
}

/**
 * Saves over `path` without ever leaving it half-written: a temporary file in the same folder,
 * flushed to disk, renamed over the target (its real path, behind any symbolic link) and given
 * the target's permissions.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const target = existsSync(path) ? realpathSync(path) : path;
  const mode = existsSync(target) ? statSync(target).mode & 0o7777 : undefined;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', mode ?? 0o666);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    throw new CliError(
      `${basename(path)} を保存できません（${code(e)}）。フォルダに書き込めるか、空き容量があるかを確かめてください。元のファイルは変更していません。`,
      EXIT.file,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}

/**
 * A lock file beside the workbook, taken before the book is opened, so that two commands never
 * work from the same old copy. A lock left by a process that no longer runs is taken over.
 */
export class FileLock implements Lock {
  private held = false;

  constructor(private readonly path: string) {}

  /** Does not wait: a command line run is told at once that the book is in use. */
  tryLock(_ms?: number): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        this.held = true;
        return true;
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code;
        if (why === 'EACCES' || why === 'EPERM' || why === 'EROFS') {
          throw new CliError(
            `フォルダ ${dirname(this.path)} に書き込めないため、実行できません（ロックファイルを作れません）。書き込めるフォルダにブックをコピーしてから実行してください。`,
            EXIT.file,
          );
        }
        if (why !== 'EEXIST' || !this.stale()) return false;
        rmSync(this.path, { force: true });
      }
    }
    return false;
  }

  /** The lock names a process of this machine that has ended (a command killed half-way). */
  private stale(): boolean {
    const pid = Number.parseInt(readFileSync(this.path, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }

  release(): void {
    if (this.held) rmSync(this.path, { force: true });
    this.held = false;
  }
}
