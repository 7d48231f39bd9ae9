import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Reminder } from '../domain/requests/remind';

/** An e-mail file (.eml) a mail program opens as a draft: UTF-8, base64 body. */
export function emlOf(r: Reminder, from = ''): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const lines = (s: string) => s.match(/.{1,76}/g)?.join('\r\n') ?? '';
  return [
    ...(from ? [`From: ${from}`] : []),
    `To: ${r.editors.join(', ')}`,
    `Subject: =?UTF-8?B?${b64(r.subject)}?=`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    lines(b64(r.body.replace(/\n/g, '\r\n'))),
    '',
  ].join('\r\n');
}

/** Characters no file name may have on Windows, macOS or Linux, and those that show nothing. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
const FORBIDDEN_IN_FILE = /[\\/:*?"<>|\u0000-\u001f]/g;
const INVISIBLE_IN_FILE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Code points kept of a department's name: 60 kanji are 180 bytes of UTF-8, under every file system's 255. */
const NAME_LIMIT = 60;

/** A draft's file name from its department's name: readable, never a path, never too long. */
export function draftBaseName(department: string): string {
  const clean = department.replace(INVISIBLE_IN_FILE, '').replace(FORBIDDEN_IN_FILE, '＿').trim() || '所管課';
  return [...clean].slice(0, NAME_LIMIT).join('');
}

/**
 * Writes one draft per department into `dir`, each a new file: a file already there (a draft
 * someone edited, or a link to somewhere else) is never opened or overwritten; the draft takes
 * the next free name (職員課_2.eml) instead, and two departments whose names make the same file
 * name get two files. Returns each draft's file name, in order.
 */
export function writeDrafts(dir: string, reminders: readonly Reminder[]): string[] {
  const used = new Set<string>();
  return reminders.map((r) => {
    const base = draftBaseName(r.department);
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `_${n}`}.eml`;
      if (used.has(name.toLowerCase())) continue;
      let fd: number;
      try {
        // 'wx': created here or not at all (fails on any existing file or link, followed or not).
        fd = openSync(join(dir, name), 'wx', 0o644);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw e;
      }
      try {
        writeSync(fd, emlOf(r));
      } finally {
        closeSync(fd);
      }
      used.add(name.toLowerCase());
      return name;
    }
  });
}
