/**
 * The command line's files: what it opens, how it saves, and the lock beside a book. A user's
 * book is never left half-written, never replaced by a copy opened before someone else's save,
 * and keeps its permissions and its place behind a symbolic link.
 */
import {
  accessSync,
  closeSync,
  constants,
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
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Lock } from '../port';
import * as M from './cliMessages';

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

/** The bytes of a book to open, or a Japanese reason it cannot be one. */
export function readBookBytes(path: string): Buffer {
  if (!existsSync(path)) throw new CliError(M.bookMissing(path), EXIT.usage);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new CliError(M.isFolder(path), EXIT.usage);
  // A pipe or a device would be read without end (a FIFO waits for a writer, /dev/zero never stops).
  if (!stat.isFile()) throw new CliError(M.notRegularFile(path), EXIT.file);
  if (stat.size > LIMITS.fileBytes) throw tooLarge(path, M.fileSize(megabytes(stat.size)));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(M.cannotRead(path, code(e)), EXIT.file);
  }
  const kind = sniff(bytes);
  const name = basename(path);
  if (kind === 'empty') throw new CliError(M.emptyFile(name), EXIT.file);
  if (kind === 'ods') throw new CliError(M.openDocument(name), EXIT.file);
  if (kind === 'ole') throw new CliError(M.oldOrLocked(name), EXIT.file);
  if (kind === 'text') throw new CliError(M.textNotBook(name), EXIT.file);
  const unpacked = (zipEntries(bytes) ?? []).reduce((n, e) => n + e.size, 0);
  if (unpacked > LIMITS.unpackedBytes) throw tooLarge(path, M.unpackedSize(megabytes(unpacked)));
  return bytes;
}

/**
 * The largest book the command line opens: memory and time stay bounded (README, "大きさの上限";
 * BENCH_SIZE=bound measures it). exceljs holds a book in about 38 times its unpacked size: 210,000
 * rows of 回答 unpack to 73 MB and need about 2.8 GB; 302,000 rows (104 MB) needed 3.9 GB.
 */
export const LIMITS = { fileBytes: 60 * 2 ** 20, unpackedBytes: 80 * 2 ** 20 } as const;

const megabytes = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

function tooLarge(path: string, what: string): CliError {
  return new CliError(
    M.tooLarge(basename(path), what, megabytes(LIMITS.fileBytes), megabytes(LIMITS.unpackedBytes)),
    EXIT.file,
  );
}

/** A file inside a zip (an .xlsx): its name, its size unpacked, and where its data starts. */
export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly method: number;
  readonly headerOffset: number;
}

/** The files of a zip from its central directory (no unpacking); undefined when there is none. */
export function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && p + 46 <= bytes.length && bytes.readUInt32LE(p) === 0x02014b50; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    entries.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      // 0xffffffff: a ZIP64 size, over 4 GB: counted as that, which is over any limit.
      size: bytes.readUInt32LE(p + 24),
      headerOffset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** One small file of a zip as text (stored or deflated); '' when it cannot be read. */
export function zipText(bytes: Buffer, entry: ZipEntry): string {
  try {
    const h = entry.headerOffset;
    const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * What an office added to its book that exceljs drops on saving: its own charts (named by their
 * sheet), pivot tables, macros. Empty for the books this tool makes (its charts are pictures).
 */
export function unkeptParts(bytes: Buffer): string[] {
  const entries = new Map((zipEntries(bytes) ?? []).map((e) => [e.name, e]));
  const text = (name: string) => {
    const e = entries.get(name);
    return e ? zipText(bytes, e) : '';
  };
  const tags = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))].map((m) => m[0]);
  const attr = (tag: string, name: string) =>
    (new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const targets = (rels: string, pattern: RegExp) =>
    tags(text(rels), 'Relationship')
      .map((t) => attr(t, 'Target'))
      .filter((t) => pattern.test(t));
  const sheetFiles = new Map(
    tags(text('xl/_rels/workbook.xml.rels'), 'Relationship').map((t) => [attr(t, 'Id'), attr(t, 'Target')]),
  );
  const out: string[] = [];
  for (const sheet of tags(text('xl/workbook.xml'), 'sheet')) {
    const file = (sheetFiles.get(attr(sheet, 'r:id')) ?? '').replace(/^\/?(xl\/)?/, '');
    const drawings = targets(`xl/${dirname(file)}/_rels/${basename(file)}.rels`, /drawings\/drawing\d+\.xml$/);
    const charts = drawings.reduce(
      (n, d) => n + targets(`xl/drawings/_rels/${basename(d)}.rels`, /charts\/chart\d+\.xml$/).length,
      0,
    );
    if (charts > 0) out.push(`シート「${attr(sheet, 'name')}」のグラフ ${charts}つ`);
  }
  if ([...entries.keys()].some((n) => n.startsWith('xl/pivotTables/'))) out.push('ピボットテーブル');
  if (entries.has('xl/vbaProject.bin')) out.push('マクロ');
  return out;
}

/** A book that looked like one but would not open (cut short, damaged). */
export function unreadableBook(path: string, e: unknown): CliError {
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new CliError(M.unreadableBook(basename(path), detail), EXIT.file);
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
    throw new CliError(M.cannotSave(basename(path), code(e)), EXIT.file);
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}

/** A book the user marked read-only is not saved over (rename would replace it whatever its mode). */
export function refuseReadOnly(path: string): void {
  if (!existsSync(path)) return;
  const target = realpathSync(path);
  let writable = (statSync(target).mode & 0o222) !== 0;
  try {
    accessSync(target, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new CliError(M.readOnly(basename(path)), EXIT.file);
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}

/** Who holds a lock, as its file records it. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly user: string;
  readonly started: string;
}

/**
 * A lock file beside the workbook, taken before the book is opened, so that two commands never
 * work from the same old copy. It names the computer, the user and the process: a lock is taken
 * over only when provably left behind, by a process of this computer that has ended. A lock of
 * another computer (a book on a shared folder) is never taken over: the message names who holds it.
 */
export class FileLock implements Lock {
  private held = false;

  constructor(private readonly path: string) {}

  /** Does not wait: a command line run is told at once that the book is in use. */
  tryLock(_ms?: number): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        const me: LockOwner = {
          pid: process.pid,
          host: hostname(),
          user: userName(),
          started: new Date().toISOString(),
        };
        writeSync(fd, `${JSON.stringify(me)}\n`);
        closeSync(fd);
        this.held = true;
        return true;
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code;
        if (why === 'EACCES' || why === 'EPERM' || why === 'EROFS') {
          throw new CliError(M.lockFolderReadOnly(dirname(this.path)), EXIT.file);
        }
        if (why !== 'EEXIST' || !this.stale()) return false;
        rmSync(this.path, { force: true });
      }
    }
    return false;
  }

  private owner(): LockOwner | undefined {
    try {
      const o = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<LockOwner>;
      return Number.isInteger(o.pid) && typeof o.host === 'string' ? (o as LockOwner) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Left by a process of this computer that has ended (a command killed half-way). */
  private stale(): boolean {
    const o = this.owner();
    if (!o || o.host !== hostname() || o.pid <= 0) return false;
    try {
      process.kill(o.pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }

  /** Who holds the lock, and what to do when nobody is running: for the busy message. */
  holder(): string {
    const o = this.owner();
    const file = this.path;
    if (!o) return M.lockUnsigned(file);
    const when = new Date(o.started);
    const since = Number.isNaN(when.getTime()) ? '' : when.toLocaleString('ja-JP');
    const where = o.host === hostname() ? M.thisComputer() : M.otherComputer(o.host);
    return M.lockHeld(where, o.user, since, o.pid, file);
  }

  release(): void {
    if (this.held) rmSync(this.path, { force: true });
    this.held = false;
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
